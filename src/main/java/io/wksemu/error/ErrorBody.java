package io.wksemu.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The Huawei error body; gateway-level errors also carry the request id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
        String errorCode,
        String errorMsg,
        String requestId) {
}
