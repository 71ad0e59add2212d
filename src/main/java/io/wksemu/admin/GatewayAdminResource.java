package io.wksemu.admin;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.wksemu.fixture.TextRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.wksemu.error.DomainException;
import io.wksemu.gateway.FaultInjector;
import io.wksemu.gateway.RequestJournal;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code /_emulator/requests} (the journal) and {@code /_emulator/faults} (fault injection). */
@Path("/_emulator")
@Produces(MediaType.APPLICATION_JSON)
public class GatewayAdminResource {

    private static final long MAX_DELAY_MS = 120_000;
    private static final int MAX_COUNT = 10_000;

    private final RequestJournal journal;
    private final FaultInjector faults;

    public GatewayAdminResource(RequestJournal journal, FaultInjector faults) {
        this.journal = journal;
        this.faults = faults;
    }

    @GET
    @Path("/requests")
    public Map<String, List<RequestJournal.Entry>> requests(@RestQuery("project_id") String projectId) {
        return Map.of("requests", journal.list(projectId));
    }

    @DELETE
    @Path("/requests")
    public Map<String, Integer> clearRequests() {
        int size = journal.size();
        journal.clear();
        return Map.of("cleared", size);
    }

    @GET
    @Path("/faults")
    public Map<String, List<FaultInjector.Fault>> listFaults() {
        return Map.of("faults", faults.list());
    }

    /** Body of {@code POST /_emulator/faults}: status and/or delay_ms required, the rest optional. */
    public record FaultRequest(
            @Min(value = 400, message = "must be an integer from 400 to 599")
            @Max(value = 599, message = "must be an integer from 400 to 599") Integer status,
            @Size(max = 64, message = CODE_RULE) @Pattern(regexp = TextRules.NAME, message = CODE_RULE) String errorCode,
            @Size(max = 1024, message = MSG_RULE) @Pattern(regexp = TextRules.NAME, message = MSG_RULE) String errorMsg,
            @Min(value = 0, message = "must be an integer from 0 to " + MAX_DELAY_MS)
            @Max(value = MAX_DELAY_MS, message = "must be an integer from 0 to " + MAX_DELAY_MS) Long delayMs,
            @Min(value = 1, message = "must be an integer from 1 to " + MAX_COUNT)
            @Max(value = MAX_COUNT, message = "must be an integer from 1 to " + MAX_COUNT) Integer count,
            @Pattern(regexp = TextRules.PROJECT_ID, message = "null or " + TextRules.PROJECT_ID_RULE) String projectId) {
    }

    private static final String CODE_RULE = "null or 1-64 characters, not blank, no control characters";
    private static final String MSG_RULE = "null or 1-1024 characters, not blank, no control characters";

    /** The next {@code count} matching responses of the emulated API fail or wait as told. */
    @POST
    @Path("/faults")
    @Consumes(MediaType.WILDCARD)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "The fault as stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FaultInjector.Fault.class)))
    @APIResponse(responseCode = "400", description = "EMU.0400: no status nor delay_ms, or a field out of its range")
    public FaultInjector.Fault addFault(FaultRequest body) {
        long delay = body.delayMs() == null ? 0 : body.delayMs();
        if (body.status() == null && delay == 0) {
            throw DomainException.invalid("A fault needs a status (400-599), a delay_ms, or both.");
        }
        int count = body.count() == null ? 1 : body.count();
        return faults.add(body.status(), body.errorCode(), body.errorMsg(), delay, count, body.projectId());
    }

    @DELETE
    @Path("/faults")
    public Map<String, Integer> clearFaults() {
        int size = faults.list().size();
        faults.clear();
        return Map.of("cleared", size);
    }
}
