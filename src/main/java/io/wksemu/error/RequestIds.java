package io.wksemu.error;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/**
 * Gives every HTTP exchange (emulated API, admin API and errors raised before any resource runs) an
 * {@code X-Request-Id}: 32 lowercase hex digits, the only place the official SDK reads the request id from.
 */
public final class RequestIds {

    private RequestIds() {
    }


    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "wksemu.request-id";

    /** The front's first stage: the exchange's id, on the response and in the routing context. */
    public static void assign(RoutingContext rc) {
        String id = UUID.randomUUID().toString().replace("-", "");
        rc.put(KEY, id);
        rc.response().putHeader(HEADER, id);
        rc.next();
    }

    public static String of(RoutingContext rc) {
        return rc == null ? null : rc.get(KEY);
    }
}
