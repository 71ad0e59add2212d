package io.wksemu.error;

import io.vertx.ext.web.RoutingContext;

/**
 * Which surface an exchange belongs to, decided once by the HTTP front from the normalised path and read by
 * every later stage and by the error mapper: the emulated Huawei API (its codes, the journal, the gateway's
 * checks), the admin API under {@value #ADMIN_PREFIX} (EMU.* codes, the admin guard), or the probes and
 * metrics under {@code /q/} (never held back by the start).
 */
public enum Surface {
    EMULATED_API, ADMIN, PROBES;

    public static final String ADMIN_PREFIX = "/_emulator";
    private static final String KEY = "wksemu.surface";

    /**
     * The surface of a normalised path, by its first segment as routing reads it: routing drops a segment's
     * matrix parameters ({@code /_emulator;x/clock} is served by the admin API), so they are dropped here too,
     * or such a spelling would reach an admin route past the admin guard.
     */
    public static Surface ofPath(String path) {
        if (path == null || !path.startsWith("/")) {
            return EMULATED_API;
        }
        int end = path.indexOf('/', 1);
        String first = path.substring(1, end < 0 ? path.length() : end);
        int matrix = first.indexOf(';');
        first = matrix < 0 ? first : first.substring(0, matrix);
        if (first.equals(ADMIN_PREFIX.substring(1))) {
            return ADMIN;
        }
        return first.equals("q") && end > 0 ? PROBES : EMULATED_API;
    }

    /** Decides the exchange's surface from its normalised path; the front does this once per exchange. */
    public static Surface decide(RoutingContext rc, String normalizedPath) {
        Surface surface = ofPath(normalizedPath);
        rc.put(KEY, surface);
        return surface;
    }

    /**
     * The exchange's surface as the front decided it; an exchange answered before the front decided (a
     * target that does not parse) belongs to the emulated API, whose gateway refuses it.
     */
    public static Surface of(RoutingContext rc) {
        Surface decided = rc == null ? null : rc.get(KEY);
        return decided == null ? EMULATED_API : decided;
    }
}
