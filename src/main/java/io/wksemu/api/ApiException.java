package io.wksemu.api;

/** A failure that becomes the Huawei error body of its {@link ErrorCode}. */
public class ApiException extends RuntimeException {

    private final ErrorCode errorCode;

    public ApiException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ApiException(ErrorCode errorCode) {
        this(errorCode, errorCode.message());
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public static ApiException missing(String parameter) {
        return new ApiException(ErrorCode.MISSING_PARAMETER,
                ErrorCode.MISSING_PARAMETER.message() + " Parameter " + parameter + " is required.");
    }

    public static ApiException invalid(String parameter, String rule) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, "Invalid parameter " + parameter + ": " + rule);
    }

    public static ApiException badAdminRequest(String message) {
        return new ApiException(ErrorCode.ADMIN_BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.ADMIN_NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.ADMIN_CONFLICT, message);
    }
}
