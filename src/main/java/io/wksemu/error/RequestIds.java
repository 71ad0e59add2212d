package io.wksemu.error;

import io.vertx.ext.web.RoutingContext;

/**
 * An exchange's {@code X-Request-Id}, given by the HTTP front's first stage and repeated in every error body
 * and journal entry of the exchange.
 */
public final class RequestIds {

    private RequestIds() {
    }

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "wksemu.request-id";

    public static void attach(RoutingContext rc, String id) {
        rc.put(KEY, id);
    }

    public static String of(RoutingContext rc) {
        return rc == null ? null : rc.get(KEY);
    }
}
