package io.wksemu.gateway;

import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import io.wksemu.error.RequestIds;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The request journal of the emulated API, fed from a route that sees every exchange, matched or not, and
 * records it once the response is sent, so 401s, 404s and faults are in it.
 */
@Singleton
public class GatewayRoutes {

    void install(@Observes StartupEvent ignored, Router router, RequestJournal journal) {
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            String path = rc.request().path();
            if (!path.startsWith("/_emulator") && !path.startsWith("/q/")) {
                String method = rc.request().method().name();
                String query = rc.request().query();
                String projectId = path.startsWith("/v2/") ? GatewayFilter.projectOf(path) : null;
                rc.addBodyEndHandler(v -> journal.record(new RequestJournal.Entry(method, path, query,
                        rc.response().getStatusCode(), RequestIds.of(rc), projectId, Instant.now().toString())));
            }
            rc.next();
        });
    }
}
