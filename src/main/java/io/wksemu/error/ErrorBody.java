package io.wksemu.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The Huawei error body; gateway-level errors also carry the request id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("error_msg") String errorMsg,
        @JsonProperty("request_id") String requestId) {
}
