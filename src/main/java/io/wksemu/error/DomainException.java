package io.wksemu.error;

/**
 * A failure of the emulator's own domain (a fixture, a session, a clock move, the store), said in the user's
 * terms. Domain code throws it without knowing HTTP; {@link ErrorMapper} chooses the status and the catalogue
 * (EMU.* under {@code /_emulator}, the Huawei codes elsewhere) by the surface the request came in on.
 */
public final class DomainException extends RuntimeException {

    /** What went wrong, independently of the surface that reports it. */
    public enum Kind {
        INVALID_INPUT, NOT_FOUND, CONFLICT, STORE_UNAVAILABLE
    }

    private final Kind kind;

    public DomainException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static DomainException invalid(String message) {
        return new DomainException(Kind.INVALID_INPUT, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message);
    }

    public static DomainException storeUnavailable(String message) {
        return new DomainException(Kind.STORE_UNAVAILABLE, message);
    }
}
