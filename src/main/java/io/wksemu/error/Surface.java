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

    /** The surface of a normalised path. */
    public static Surface ofPath(String path) {
        if (path != null && (path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/"))) {
            return ADMIN;
        }
        return path != null && path.startsWith("/q/") ? PROBES : EMULATED_API;
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
