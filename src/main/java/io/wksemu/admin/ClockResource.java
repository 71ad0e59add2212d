package io.wksemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.wksemu.api.ApiException;
import io.wksemu.clock.ClockService;
import io.wksemu.clock.ClockState;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** {@code /_emulator/clock}: read, set, advance and reset the emulator clock (SEMANTICS.md section 5). */
@Path("/_emulator/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockResource {

    private final ClockService clock;

    public ClockResource(ClockService clock) {
        this.clock = clock;
    }

    public record ClockView(String now, String mode, String zone, String next_aggregation) {
    }

    @GET
    public Uni<ClockView> get() {
        return clock.state().map(this::view);
    }

    /** Body {@code {"now": "<instant>", "frozen": true|false}}; frozen defaults to true. */
    @PUT
    public Uni<ClockView> set(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("now").isTextual()) {
            throw ApiException.badAdminRequest("Body must be {\"now\": \"<ISO-8601 instant>\", \"frozen\": true|false}.");
        }
        Instant now = instant(body.get("now").asText());
        JsonNode frozen = body.get("frozen");
        if (frozen != null && !frozen.isBoolean()) {
            throw ApiException.badAdminRequest("frozen must be true or false.");
        }
        return clock.set(now, frozen == null || frozen.asBoolean()).map(this::view);
    }

    /** Body {@code {"by": "PT26H"}}, an ISO-8601 duration (negative moves back). */
    @POST
    @Path("/advance")
    public Uni<ClockView> advance(JsonNode body) {
        if (body == null || !body.path("by").isTextual()) {
            throw ApiException.badAdminRequest("Body must be {\"by\": \"<ISO-8601 duration such as PT26H>\"}.");
        }
        Duration by;
        try {
            by = Duration.parse(body.get("by").asText());
        } catch (DateTimeException e) {
            throw ApiException.badAdminRequest("by must be an ISO-8601 duration such as PT26H or P3D.");
        }
        return clock.advance(by).map(this::view);
    }

    @DELETE
    public Uni<ClockView> reset() {
        return clock.reset().map(this::view);
    }

    private ClockView view(ClockState state) {
        Instant now = state.now(clock.wallNow());
        return new ClockView(now.toString(), state.mode().wireName(), clock.calendar().zone().getId(),
                clock.calendar().nextAggregation(now).toString());
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw ApiException.badAdminRequest("now must be an ISO-8601 instant such as 2026-11-01T09:00:00Z.");
        }
    }
}
