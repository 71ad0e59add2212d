package io.wksemu.gateway;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.wksemu.auth.Authenticator;
import io.wksemu.error.ApiException;
import io.wksemu.error.ErrorCode;
import io.wksemu.error.ErrorResponses;
import io.wksemu.error.RequestIds;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What the API gateway does before the service sees a request to the emulated endpoint, in its order:
 * injected faults, authentication (SEMANTICS.md section 4), throttling. It runs before every resource marked
 * {@link BehindGateway}; unknown routes never get here, so they answer 404 whatever their credentials, as on
 * the real gateway.
 */
public class GatewayFilter {

    private static final byte[] NO_BODY = new byte[0];

    private final Authenticator authenticator;
    private final FaultInjector faults;
    private final Throttle throttle;
    private final Vertx vertx;

    public GatewayFilter(GatewayAuth auth, FaultInjector faults, Throttle throttle, Vertx vertx) {
        this.authenticator = auth.authenticator();
        this.faults = faults;
        this.throttle = throttle;
        this.vertx = vertx;
    }

    @ServerRequestFilter
    @BehindGateway
    public Uni<Response> filter(HttpServerRequest request, RoutingContext context) {
        // the one normalised path: the project routing serves is the project checked, throttled and faulted
        String projectId = GatewayPath.of(context).projectId();
        FaultInjector.Fault fault = faults.next(projectId);
        Uni<Void> delay = fault == null || fault.delayMs() <= 0 ? Uni.createFrom().voidItem()
                : Uni.createFrom().emitter(e -> vertx.setTimer(fault.delayMs(), id -> e.complete(null)));
        return delay.map(ignored -> {
            if (fault != null && fault.status() != null) {
                return faultResponse(fault, RequestIds.of(context));
            }
            String refusal = authenticator.refusal(new Authenticator.Request(request.method().name(), request.path(),
                    request.query(), request::getHeader, NO_BODY, projectId), Instant.now());
            if (refusal != null) {
                throw new ApiException(ErrorCode.AUTHENTICATION_FAILED,
                        ErrorCode.AUTHENTICATION_FAILED.message() + ": " + refusal);
            }
            if (throttle.overLimit(projectId, System.currentTimeMillis())) {
                throw new ApiException(ErrorCode.THROTTLED, ErrorCode.THROTTLED.message()
                        + ": policy user over ratelimit,limit:" + throttle.limit().getAsInt() + ",time:1 minute");
            }
            return null;
        });
    }

    private static Response faultResponse(FaultInjector.Fault fault, String requestId) {
        String code = fault.errorCode() != null ? fault.errorCode()
                : fault.status() >= 500 ? ErrorCode.INTERNAL_ERROR.code() : ErrorCode.INVALID_PARAMETER.code();
        String message = fault.errorMsg() != null ? fault.errorMsg() : "Injected fault.";
        return ErrorResponses.response(fault.status(), code, message, requestId);
    }
}
