package io.wksemu.error;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one place error answers are built, for JAX-RS ({@link ErrorMapper}, injected faults, the gateway) and
 * for plain Vert.x routes (the admin guard): the body of SEMANTICS.md section 3, with {@code request_id}
 * exactly when the code is a gateway-level one.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static ErrorBody body(String code, String message, String requestId) {
        return new ErrorBody(code, message, ErrorCode.gatewayLevel(code) ? requestId : null);
    }

    public static Response response(int status, String code, String message, String requestId) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(code, message, requestId)).build();
    }

    public static Response response(ErrorCode code, String message, String requestId) {
        return response(code.status(), code.code(), message, requestId);
    }

    /** Ends a Vert.x exchange with the error body. */
    public static void send(RoutingContext rc, ErrorCode code, String message) {
        ErrorBody body = body(code.code(), message, RequestIds.of(rc));
        JsonObject json = new JsonObject().put("error_code", body.errorCode()).put("error_msg", body.errorMsg());
        if (body.requestId() != null) {
            json.put("request_id", body.requestId());
        }
        rc.response().setStatusCode(code.status()).putHeader("Content-Type", MediaType.APPLICATION_JSON).end(json.encode());
    }
}
