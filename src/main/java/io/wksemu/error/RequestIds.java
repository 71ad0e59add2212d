package io.wksemu.error;

import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Gives every HTTP exchange (emulated API, admin API and errors raised before any resource runs) an
 * {@code X-Request-Id}: 32 lowercase hex digits, the only place the official SDK reads the request id from.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "wksemu.request-id";

    void install(@Observes StartupEvent ignored, Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String id = UUID.randomUUID().toString().replace("-", "");
            rc.put(KEY, id);
            rc.response().putHeader(HEADER, id);
            rc.next();
        });
    }

    public static String of(RoutingContext rc) {
        return rc == null ? null : rc.get(KEY);
    }
}
