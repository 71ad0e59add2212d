package io.wksemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * Body {@code {"status": 503, "error_code": "...", "error_msg": "...", "delay_ms": 0, "count": 1,
     * "project_id": null}}: status and/or delay_ms required, the rest optional.
     */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public FaultInjector.Fault addFault(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DomainException.invalid("Body must be a JSON object with status and/or delay_ms.");
        }
        Integer status = body.hasNonNull("status") ? integer(body, "status", 400, 599) : null;
        long delay = body.hasNonNull("delay_ms") ? integer(body, "delay_ms", 0, (int) MAX_DELAY_MS) : 0;
        if (status == null && delay == 0) {
            throw DomainException.invalid("A fault needs a status (400-599), a delay_ms, or both.");
        }
        int count = body.hasNonNull("count") ? integer(body, "count", 1, MAX_COUNT) : 1;
        return faults.add(status, text(body, "error_code"), text(body, "error_msg"), delay, count, text(body, "project_id"));
    }

    @DELETE
    @Path("/faults")
    public Map<String, Integer> clearFaults() {
        int size = faults.list().size();
        faults.clear();
        return Map.of("cleared", size);
    }

    private static int integer(JsonNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw DomainException.invalid(field + " must be an integer from " + min + " to " + max + ".");
        }
        return value.asInt();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw DomainException.invalid(field + " must be a non-empty string.");
        }
        return value.asText();
    }
}
