package io.wksemu.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into the Huawei error body of SEMANTICS.md section 3; no stack trace reaches a client. */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    private final CurrentVertxRequest currentRequest;

    public ErrorMapper(CurrentVertxRequest currentRequest) {
        this.currentRequest = currentRequest;
    }

    @ServerExceptionMapper
    public Response map(Throwable failure) {
        return toResponse(classify(unwrap(failure)));
    }

    public Response toResponse(ApiException e) {
        ErrorCode code = e.errorCode();
        String requestId = code.gatewayLevel() ? RequestIds.of(currentRequest.getCurrent()) : null;
        return Response.status(code.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code.code(), e.getMessage(), requestId))
                .build();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (true) {
            if (t instanceof CompositeException composite && !composite.getCauses().isEmpty()) {
                t = composite.getCauses().get(0);
            } else if (t instanceof CompletionException && t.getCause() != null) {
                t = t.getCause();
            } else {
                return t;
            }
        }
    }

    private static ApiException classify(Throwable t) {
        if (t instanceof ApiException api) {
            return api;
        }
        if (t instanceof NotAllowedException) {
            return new ApiException(ErrorCode.METHOD_NOT_FOUND);
        }
        if (t instanceof NotFoundException) {
            return new ApiException(ErrorCode.API_NOT_FOUND);
        }
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                return ApiException.badAdminRequest("Malformed JSON body: " + json.getOriginalMessage());
            }
        }
        if (t instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return ApiException.badAdminRequest(web.getMessage());
        }
        if (isDatabaseOutage(t)) {
            LOG.warnf("database unavailable: %s", t.toString());
            return new ApiException(ErrorCode.DATABASE_UNAVAILABLE);
        }
        LOG.error("internal error", t);
        return new ApiException(ErrorCode.INTERNAL_ERROR);
    }

    /**
     * Whether the failure means PostgreSQL cannot be reached or is going away: refused or timed-out connects,
     * lost connections, no pooled connection in time (two forms), SQLSTATE class 08 (connection exception) and 57P01-57P03
     * (administrator or crash shutdown in progress, "the database system is starting up/shutting down").
     */
    public static boolean isDatabaseOutage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof io.vertx.core.VertxException
                    && String.valueOf(c.getMessage()).contains("onnection")) {
                return true;
            }
            // The pool's answer to a request that waited too long for a connection (all of them hanging).
            if (c instanceof io.vertx.core.impl.NoStackTraceThrowable && "Timeout".equals(c.getMessage())) {
                return true;
            }
            if (c instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().matches("57P0[123]"))) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
