package io.wksemu.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.CompositeException;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an error body; no stack trace or framework class name reaches a client. The
 * catalogue is chosen by surface: under {@code /_emulator} the admin API's EMU.* codes, elsewhere the Huawei
 * codes of SEMANTICS.md section 3.
 */
public class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    private final CurrentVertxRequest currentRequest;
    private final OutageClassifier outages;

    public ErrorMapper(CurrentVertxRequest currentRequest, OutageClassifier outages) {
        this.currentRequest = currentRequest;
        this.outages = outages;
    }

    @ServerExceptionMapper
    public Response map(Throwable failure) {
        RoutingContext rc = currentRequest.getCurrent();
        boolean admin = Surface.of(rc) == Surface.ADMIN;
        ApiException answer = classify(unwrap(failure), admin);
        return ErrorResponses.response(answer.errorCode(), answer.getMessage(), RequestIds.of(rc));
    }

    /**
     * A resource parameter's Bean Validation constraint failed (the admin API's paging parameters): 400 with
     * the message of the first parameter in the method's order, whatever order the validator reports in.
     */
    @ServerExceptionMapper
    public Response mapViolation(ConstraintViolationException failure) {
        String message = failure.getConstraintViolations().stream()
                .min(Comparator.comparingInt(ErrorMapper::parameterIndex).thenComparing(ConstraintViolation::getMessage))
                .map(ConstraintViolation::getMessage).orElse("Invalid request.");
        return map(DomainException.invalid(message));
    }

    private static int parameterIndex(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return node.as(Path.ParameterNode.class).getParameterIndex();
            }
        }
        return Integer.MAX_VALUE;
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

    private ApiException classify(Throwable t, boolean admin) {
        if (t instanceof ApiException api) {
            return api;
        }
        if (t instanceof DomainException domain) {
            return domain(domain, admin);
        }
        if (t instanceof NotAllowedException) {
            return new ApiException(admin ? ErrorCode.ADMIN_METHOD_NOT_ALLOWED : ErrorCode.METHOD_NOT_FOUND);
        }
        if (t instanceof NotFoundException) {
            return new ApiException(admin ? ErrorCode.ADMIN_NOT_FOUND : ErrorCode.API_NOT_FOUND);
        }
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                // the problem and where it is, never the parser's own wording (which names its classes and settings)
                return domain(DomainException.invalid(ParserLocation.at(json, "Invalid JSON") + "."), admin);
            }
        }
        if (t instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return domain(DomainException.invalid("Invalid request."), admin);
        }
        if (outages.isOutage(t)) {
            LOG.warnf("database unavailable: %s", t.toString());
            return new ApiException(admin ? ErrorCode.ADMIN_STORE_UNAVAILABLE : ErrorCode.DATABASE_UNAVAILABLE);
        }
        LOG.error("internal error", t);
        return new ApiException(admin ? ErrorCode.ADMIN_INTERNAL_ERROR : ErrorCode.INTERNAL_ERROR);
    }

    private static ApiException domain(DomainException e, boolean admin) {
        ErrorCode code = switch (e.kind()) {
            case INVALID_INPUT -> admin ? ErrorCode.ADMIN_BAD_REQUEST : ErrorCode.INVALID_PARAMETER;
            case NOT_FOUND -> admin ? ErrorCode.ADMIN_NOT_FOUND : ErrorCode.API_NOT_FOUND;
            case CONFLICT -> admin ? ErrorCode.ADMIN_CONFLICT : ErrorCode.INVALID_PARAMETER;
            case STORE_UNAVAILABLE -> admin ? ErrorCode.ADMIN_STORE_UNAVAILABLE : ErrorCode.DATABASE_UNAVAILABLE;
        };
        String message = e.kind() == DomainException.Kind.STORE_UNAVAILABLE && !admin ? code.message() : e.getMessage();
        return new ApiException(code, message);
    }
}
