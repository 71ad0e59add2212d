package io.wksemu.error;

/**
 * The one catalogue of error answers (SEMANTICS.md section 3): status, Huawei error code and the fixed part
 * of the message. Correcting a code or a message is a one-line change here.
 */
public enum ErrorCode {
    MISSING_PARAMETER(400, "WKS.0001", "The request message input by the interface is empty."),
    INVALID_PARAMETER(400, "WKS.0002", "Invalid request parameter."),
    AUTHENTICATION_FAILED(401, "APIGW.0301", "Incorrect IAM authentication information"),
    API_NOT_FOUND(404, "APIGW.0101", "The API does not exist or has not been published in the environment."),
    METHOD_NOT_FOUND(404, "APIGW.0101", "The API does not exist."),
    THROTTLED(429, "APIGW.0308", "The throttling threshold has been reached"),
    // The gateway's answers to a request it cannot read (APIG error table), before any routing.
    REQUEST_ERROR(400, "APIGW.0201", "API request error."),
    ENTITY_TOO_LARGE(413, "APIGW.0201", "Request entity too large."),
    URI_TOO_LARGE(414, "APIGW.0201", "Request URI too large."),
    HEADERS_TOO_LARGE(494, "APIGW.0201", "Request headers too large."),
    DATABASE_UNAVAILABLE(500, "WKS.00000003",
            "Failed to obtain database information. Click Cancel Service and Apply Now again."),
    INTERNAL_ERROR(500, "WKS.00000001", "Internal error."),

    // Emulator-only answers of the /_emulator admin API.
    ADMIN_BAD_REQUEST(400, "EMU.0400", "Invalid admin request."),
    ADMIN_UNAUTHORIZED(401, "EMU.0401", "Missing or wrong X-Emulator-Admin-Token."),
    ADMIN_NOT_FOUND(404, "EMU.0404", "Not found."),
    ADMIN_METHOD_NOT_ALLOWED(405, "EMU.0405", "Method not allowed."),
    ADMIN_CONFLICT(409, "EMU.0409", "Conflict."),
    ADMIN_INTERNAL_ERROR(500, "EMU.0500", "Internal error."),
    ADMIN_STORE_UNAVAILABLE(503, "EMU.0503", "The emulator's database is unavailable.");

    private final int status;
    private final String code;
    private final String message;

    ErrorCode(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** Whether the real gateway (not the service behind it) answers this error: its body carries request_id. */
    public boolean gatewayLevel() {
        return gatewayLevel(code);
    }

    public static boolean gatewayLevel(String code) {
        return code.startsWith("APIGW.");
    }
}
