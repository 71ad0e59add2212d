package io.wksemu.admin;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.smallrye.mutiny.Uni;
import io.wksemu.aggregation.AggregationRepository;
import io.wksemu.aggregation.AggregationService;
import io.wksemu.clock.ClockRange;
import io.wksemu.error.DomainException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code POST /_emulator/aggregations}: (re)aggregate named days now, the same work the daily job does. */
@Path("/_emulator/aggregations")
@APIResponse(responseCode = "200", description = "OK")
@APIResponse(responseCode = "503", description = "EMU.0503: the emulator's database is unavailable")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AggregationResource {

    private static final int MAX_DAYS = 366;

    private final AggregationService aggregation;

    public AggregationResource(AggregationService aggregation) {
        this.aggregation = aggregation;
    }

    /** The days aggregated so far, with when and how many times. */
    @GET
    public Uni<Map<String, List<AggregationRepository.AggregatedDay>>> list() {
        return aggregation.aggregatedDays().map(days -> Map.of("days", days));
    }

    /** Body: one {@code day}, or {@code from} and {@code to} (inclusive), each {@code YYYY-MM-DD}. */
    public record AggregationRequest(@Schema(format = "date") String day, @Schema(format = "date") String from,
            @Schema(format = "date") String to) {
    }

    /** Days outside the clock's range or not due yet on the clock are refused; nothing is marked aggregated. */
    @POST
    @APIResponse(responseCode = "400", description = "EMU.0400: not one day nor a from/to range, a day outside the clock's range, or a day not due yet")
    public Uni<Map<String, List<AggregationService.DayResult>>> aggregate(AggregationRequest body) {
        LocalDate from;
        LocalDate to;
        if (body.day() != null && body.from() == null && body.to() == null) {
            from = day(body.day(), "day");
            to = from;
        } else if (body.day() == null && body.from() != null && body.to() != null) {
            from = day(body.from(), "from");
            to = day(body.to(), "to");
        } else {
            throw DomainException.invalid("Body must be {\"day\": \"YYYY-MM-DD\"} or {\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}.");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("to: must be on or after from, at most " + MAX_DAYS + " days in all.");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        return aggregation.aggregate(days).map(results -> Map.of("days", results));
    }

    private static LocalDate day(String text, String field) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw DomainException.invalid(field + ": must be a day such as 2026-11-01");
        }
        if (!ClockRange.contains(day)) {
            throw DomainException.invalid(field + ": " + day + " is outside " + ClockRange.DAYS);
        }
        return day;
    }
}
