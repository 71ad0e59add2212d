package io.wksemu.gateway;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.wksemu.api.ErrorCode;
import io.wksemu.api.RequestIds;
import io.wksemu.config.EmulatorConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * HTTP-level pieces that must see every exchange, matched or not: the request journal of the emulated API
 * (recorded once the response is sent, so 401s, 404s and faults are in it) and the optional admin token
 * guarding every {@code /_emulator} route.
 */
@Singleton
public class GatewayRoutes {

    public static final String ADMIN_TOKEN_HEADER = "X-Emulator-Admin-Token";

    void install(@Observes StartupEvent ignored, Router router, RequestJournal journal, EmulatorConfig config) {
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
        Optional<byte[]> token = config.admin().token().filter(t -> !t.isEmpty()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        token.ifPresent(expected -> router.route("/_emulator*").order(Integer.MIN_VALUE + 2).handler(rc -> {
            String given = rc.request().getHeader(ADMIN_TOKEN_HEADER);
            if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                rc.next();
                return;
            }
            ErrorCode code = ErrorCode.ADMIN_UNAUTHORIZED;
            rc.response().setStatusCode(code.status()).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error_code", code.code()).put("error_msg", code.message()).encode());
        }));
    }
}
