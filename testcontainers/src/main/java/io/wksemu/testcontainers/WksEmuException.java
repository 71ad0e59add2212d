package io.wksemu.testcontainers;

/**
 * An answer of the admin API other than success: its HTTP status and the emulator's error body
 * ({@code {"error_code":"EMU.0400","error_msg":"..."}}), or a transport failure (status 0).
 */
public class WksEmuException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final String errorMsg;

    public WksEmuException(int status, String errorCode, String errorMsg) {
        super(status + " " + errorCode + ": " + errorMsg);
        this.status = status;
        this.errorCode = errorCode;
        this.errorMsg = errorMsg;
    }

    WksEmuException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = null;
        this.errorMsg = message;
    }

    /** The HTTP status; 0 when no answer came. */
    public int status() {
        return status;
    }

    /** {@code EMU.0400}, {@code EMU.0401}, {@code EMU.0404}, {@code EMU.0409}...; null when no answer came. */
    public String errorCode() {
        return errorCode;
    }

    public String errorMsg() {
        return errorMsg;
    }
}
