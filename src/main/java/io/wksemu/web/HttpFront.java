package io.wksemu.web;

import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import io.wksemu.admin.AdminGuard;
import io.wksemu.gateway.GatewayRoutes;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The HTTP front, in one place: every exchange passes these stages, in this order, before any resource (as
 * WireMock's request chain). Each stage is a route of its own order; no two share one. The stages that are
 * HTTP alone live here; the gateway's and the admin guard live with the surface they serve.
 */
@Singleton
public class HttpFront {

    /** The stages in the order they run; a stage's route order is its position. */
    public enum Stage {
        /** {@code X-Request-Id} on every answer, redirects and refusals included. */
        REQUEST_ID,
        /** A browser asking for {@code /} or {@code /_emulator} goes to the dashboard (not journalled). */
        DASHBOARD_REDIRECT,
        /** A body found over the limit while it is read is the gateway's 413. */
        GATEWAY_FAILURES,
        /** Refusals before routing, the one normalised path, the journal, large bodies one at a time, the start. */
        GATEWAY_FRONT,
        /** The admin token on the admin surface (installed only when one is set). */
        ADMIN_GUARD,
        /** Admin bodies are JSON whatever their {@code Content-Type}. */
        ADMIN_CONTENT_TYPE;

        public int order() {
            return Integer.MIN_VALUE + ordinal();
        }
    }

    void install(@Observes StartupEvent ignored, Router router, GatewayRoutes gateway, AdminGuard guard) {
        router.route().order(Stage.REQUEST_ID.order()).handler(RequestIdStage::assign);
        router.route().order(Stage.DASHBOARD_REDIRECT.order()).handler(DashboardRedirect::redirectBrowsers);
        router.route().order(Stage.GATEWAY_FAILURES.order()).failureHandler(gateway::handleFailure);
        router.route().order(Stage.GATEWAY_FRONT.order()).handler(gateway::handle);
        if (guard.active()) {
            router.route().order(Stage.ADMIN_GUARD.order()).handler(guard::check);
        }
        router.route().order(Stage.ADMIN_CONTENT_TYPE.order()).handler(AdminContentType::jsonWhateverItSays);
    }
}
