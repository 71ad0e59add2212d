package io.wksemu.error;

/**
 * A failure of the emulated Huawei API that has its own code in the catalogue: parameter validation
 * (WKS.0001, WKS.0002) and the gateway's answers (authentication, throttling).
 */
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
}
