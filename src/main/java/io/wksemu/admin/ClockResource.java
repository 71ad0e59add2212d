package io.wksemu.admin;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.mutiny.Uni;
import io.wksemu.aggregation.AggregationService;
import io.wksemu.error.DomainException;
import io.wksemu.clock.ClockService;
import io.wksemu.clock.ClockState;
import jakarta.validation.constraints.NotNull;
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
@APIResponse(responseCode = "200", description = "OK")
@APIResponse(responseCode = "503", description = "EMU.0503: the emulator's database is unavailable")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ClockResource {

    private final ClockService clock;
    private final AggregationService aggregation;

    public ClockResource(ClockService clock, AggregationService aggregation) {
        this.clock = clock;
        this.aggregation = aggregation;
    }

    /** {@code aggregated_days}: what a move made due and aggregated before answering. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClockView(@Schema(format = "date-time") String now,
            @Schema(enumeration = {"system", "fixed", "offset"}) String mode,
            @Schema(description = "IANA zone of the statistics calendar") String zone,
            @Schema(format = "date-time") String next_aggregation,
            @Schema(description = "Days aggregated by this move (YYYY-MM-DD)") List<String> aggregated_days) {
    }

    @GET
    public Uni<ClockView> get() {
        return clock.state().map(state -> view(state, null));
    }

    /** Body of {@code PUT}: where the clock goes, frozen there (the default) or running on from there. */
    public record SetClock(@Schema(format = "date-time", required = true) @NotNull(message = "required: an ISO-8601 instant such as 2026-11-01T09:00:00Z") String now,
            Boolean frozen) {
    }

    /** Body of {@code POST .../advance}: an ISO-8601 duration, negative to move back. */
    public record Advance(@Schema(format = "duration", required = true, example = "PT26H") @NotNull(message = "required: an ISO-8601 duration such as PT26H or P3D") String by) {
    }

    @PUT
    @APIResponse(responseCode = "400", description = "EMU.0400: now missing, not an instant, or outside the clock's range")
    public Uni<ClockView> set(SetClock body) {
        Instant now;
        try {
            now = OffsetDateTime.parse(body.now()).toInstant();
        } catch (DateTimeException e) {
            throw DomainException.invalid("now: must be an ISO-8601 instant such as 2026-11-01T09:00:00Z");
        }
        return moved(clock.set(now, body.frozen() == null || body.frozen()));
    }

    @POST
    @Path("/advance")
    @APIResponse(responseCode = "400", description = "EMU.0400: by missing, not a duration, or moving the clock out of its range")
    public Uni<ClockView> advance(Advance body) {
        Duration by;
        try {
            by = Duration.parse(body.by());
        } catch (DateTimeException | ArithmeticException e) {
            throw DomainException.invalid("by: must be an ISO-8601 duration such as PT26H or P3D");
        }
        return moved(clock.advance(by));
    }

    @DELETE
    public Uni<ClockView> reset() {
        return moved(clock.reset());
    }

    /** Every day a move made due is aggregated before the answer; a move forward also purges expired points. */
    private Uni<ClockView> moved(Uni<ClockService.Move> move) {
        return move.chain(m -> aggregation.catchUp(m.forward(clock.wallNow()))
                .map(days -> view(m.to(), days.stream().map(LocalDate::toString).toList())));
    }

    private ClockView view(ClockState state, List<String> aggregatedDays) {
        Instant now = state.now(clock.wallNow());
        return new ClockView(now.toString(), state.mode().wireName(), clock.calendar().zone().getId(),
                clock.calendar().nextAggregation(now).toString(), aggregatedDays);
    }
}
