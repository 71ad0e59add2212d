package io.wksemu.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.wksemu.config.EmulatorConfig;
import io.wksemu.error.ErrorCode;
import io.wksemu.error.Surface;
import io.wksemu.error.ErrorResponses;
import io.wksemu.error.RequestIds;
import io.wksemu.startup.StartupStatus;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Map;

/**
 * The front of the gateway, a route that sees every exchange before any other work: it refuses what the
 * real gateway refuses before routing (a request target it cannot parse, a URI, headers or a declared body
 * over the limits of {@code emulator.limits}) with a JSON error and a request id, computes the one
 * normalised {@link GatewayPath} that everything after it reads, makes the emulated API ignore
 * {@code Accept} (it always answers JSON), lets requests with a large body in one at a time
 * ({@link LargeBodies}), and feeds the request journal once the response is sent, so 401s, 404s and faults
 * are in it.
 */
@Singleton
public class GatewayRoutes {

    private final RequestJournal journal;
    private final StartupStatus startup;
    private final EmulatorConfig.Limits limits;
    /**
     * A chunked body announces no length: it is read here, up to the limit, before any resource (which then
     * takes it from the routing context), so that one over the limit is this gateway's 413 too. So is any
     * large body, when its turn comes (LargeBodies; chunked bodies count as large).
     */
    private final BodyHandler wholeBodies;
    private final LargeBodies largeBodies = new LargeBodies();

    public GatewayRoutes(RequestJournal journal, EmulatorConfig config, StartupStatus startup, MeterRegistry registry) {
        this.journal = journal;
        this.startup = startup;
        this.limits = config.limits();
        this.wholeBodies = BodyHandler.create(false).setBodyLimit(limits.maxBodySize());
        Gauge.builder("wksemu.large.bodies.waiting", largeBodies, LargeBodies::waiting)
                .description("Requests with a large body waiting, paused, for their turn").register(registry);
    }

    /** A body over the limit met while reading it (chunked, or a large one in its turn): this gateway's 413. */
    public void handleFailure(RoutingContext rc) {
        if (rc.statusCode() == ErrorCode.ENTITY_TOO_LARGE.status() && !rc.response().ended()) {
            tooLarge(rc);
            return;
        }
        rc.next();
    }

    /** The front's stage of every exchange: refusals, the one path, the journal, large bodies, the start. */
    public void handle(RoutingContext rc) {
        ErrorCode refusal = refusal(rc.request(), limits);
        GatewayPath path = null;
        if (refusal == null) {
            try {
                path = GatewayPath.compute(rc);
            } catch (IllegalArgumentException malformed) {
                refusal = ErrorCode.REQUEST_ERROR;
            }
        }
        if (refusal == ErrorCode.ENTITY_TOO_LARGE) {
            tooLarge(rc);
            return;
        }
        if (refusal != null) {
            ErrorResponses.send(rc, refusal, refusal.message());
            return;
        }
        Surface surface = Surface.decide(rc, path.normalized());
        if (surface == Surface.EMULATED_API) {
            rc.request().headers().remove(HttpHeaders.ACCEPT);
            record(rc, journal, path);
        }
        Runnable proceed = () -> {
            if (LargeBodies.isLarge(rc.request())) {
                // read here, whole, once the request's turn comes; continues with the next route once it is in
                largeBodies.admit(rc, () -> wholeBodies.handle(rc));
            } else {
                rc.next();
            }
        };
        if (startup.finished() || surface == Surface.PROBES) {
            proceed.run();
        } else {
            awaitStart(rc, startup, surface == Surface.ADMIN, proceed);
        }
    }

    /**
     * A request that arrives while migrations and the seed are still loading (emulator.listen-early) waits for
     * them, paused, so that it sees the seeded store; if the start fails it is refused as in a database outage
     * (the process is stopping). Probes under /q/ never wait: readiness says the instance is not ready yet.
     */
    private static void awaitStart(RoutingContext rc, StartupStatus startup, boolean admin, Runnable proceed) {
        Context context = Vertx.currentContext();
        rc.request().pause();
        startup.whenSettled(failure -> context.runOnContext(ignored -> {
            if (failure != null) {
                rc.request().resume();
                ErrorCode code = admin ? ErrorCode.ADMIN_STORE_UNAVAILABLE : ErrorCode.DATABASE_UNAVAILABLE;
                ErrorResponses.send(rc, code, admin ? "The emulator's start failed and it is stopping; see its log."
                        : code.message());
                return;
            }
            proceed.run();
            if (!LargeBodies.isLarge(rc.request())) {
                rc.request().resume(); // the next route has set its handlers: the body flows to them as usual
            } // a large body waits for its turn paused; the body handler resumes it
        }));
    }

    /** 413: the rest of the body is never read, so the connection ends with the answer. */
    private static void tooLarge(RoutingContext rc) {
        rc.response().putHeader(HttpHeaders.CONNECTION, "close").endHandler(v -> rc.request().connection().close());
        ErrorResponses.send(rc, ErrorCode.ENTITY_TOO_LARGE, ErrorCode.ENTITY_TOO_LARGE.message());
    }

    private static void record(RoutingContext rc, RequestJournal journal, GatewayPath path) {
        String method = rc.request().method().name();
        String query = rc.request().query();
        rc.addBodyEndHandler(v -> journal.record(new RequestJournal.Entry(method, path.normalized(), query,
                rc.response().getStatusCode(), RequestIds.of(rc), path.projectId(), Instant.now().toString())));
    }

    /** What the gateway refuses before routing, or null. */
    static ErrorCode refusal(HttpServerRequest request, EmulatorConfig.Limits limits) {
        String uri = request.uri();
        if (uri.length() > limits.maxUriLength()) {
            return ErrorCode.URI_TOO_LARGE;
        }
        if (headerBytes(request.headers()) > limits.maxHeaderSize()) {
            return ErrorCode.HEADERS_TOO_LARGE;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > limits.maxBodySize()) {
            return ErrorCode.ENTITY_TOO_LARGE;
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            return ErrorCode.REQUEST_ERROR;
        }
        return null;
    }

    private static long headerBytes(MultiMap headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return total;
    }

    /** A Content-Length the HTTP codec accepted; -1 when it is not a number (the codec then refuses it). */
    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
