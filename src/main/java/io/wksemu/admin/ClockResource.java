package io.wksemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import io.wksemu.aggregation.AggregationService;
import io.wksemu.error.DomainException;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code /_emulator/clock}: read, set, advance and reset the emulator clock (SEMANTICS.md section 5). */
@Path("/_emulator/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockResource {

    private final ClockService clock;
    private final AggregationService aggregation;

    public ClockResource(ClockService clock, AggregationService aggregation) {
        this.clock = clock;
        this.aggregation = aggregation;
    }

    /** {@code aggregated_days}: what a move made due and aggregated before answering. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClockView(String now, String mode, String zone, String next_aggregation, List<String> aggregated_days) {
    }

    @GET
    public Uni<ClockView> get() {
        return clock.state().map(state -> view(state, null));
    }

    /** Body {@code {"now": "<instant>", "frozen": true|false}}; frozen defaults to true. */
    @PUT
    public Uni<ClockView> set(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("now").isTextual()) {
            throw DomainException.invalid("Body must be {\"now\": \"<ISO-8601 instant>\", \"frozen\": true|false}.");
        }
        Instant now = instant(body.get("now").asText());
        JsonNode frozen = body.get("frozen");
        if (frozen != null && !frozen.isBoolean()) {
            throw DomainException.invalid("frozen must be true or false.");
        }
        return moved(clock.set(now, frozen == null || frozen.asBoolean()));
    }

    /** Body {@code {"by": "PT26H"}}, an ISO-8601 duration (negative moves back). */
    @POST
    @Path("/advance")
    public Uni<ClockView> advance(JsonNode body) {
        if (body == null || !body.path("by").isTextual()) {
            throw DomainException.invalid("Body must be {\"by\": \"<ISO-8601 duration such as PT26H>\"}.");
        }
        Duration by;
        try {
            by = Duration.parse(body.get("by").asText());
        } catch (DateTimeException e) {
            throw DomainException.invalid("by must be an ISO-8601 duration such as PT26H or P3D.");
        }
        return moved(clock.advance(by));
    }

    @DELETE
    public Uni<ClockView> reset() {
        return moved(clock.reset());
    }

    /** Every day a move made due is aggregated before the answer. */
    private Uni<ClockView> moved(Uni<ClockState> move) {
        return move.chain(state -> aggregation.catchUp()
                .map(days -> view(state, days.stream().map(LocalDate::toString).toList())));
    }

    private ClockView view(ClockState state, List<String> aggregatedDays) {
        Instant now = state.now(clock.wallNow());
        return new ClockView(now.toString(), state.mode().wireName(), clock.calendar().zone().getId(),
                clock.calendar().nextAggregation(now).toString(), aggregatedDays);
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw DomainException.invalid("now must be an ISO-8601 instant such as 2026-11-01T09:00:00Z.");
        }
    }
}
