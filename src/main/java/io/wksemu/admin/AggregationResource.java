package io.wksemu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.wksemu.aggregation.AggregationRepository;
import io.wksemu.aggregation.AggregationService;
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
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
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

    /** Body {@code {"day": "2026-11-01"}} or {@code {"from": "2026-11-01", "to": "2026-11-03"}}. */
    @POST
    public Uni<Map<String, List<AggregationService.DayResult>>> aggregate(JsonNode body) {
        LocalDate from;
        LocalDate to;
        if (body != null && body.has("day")) {
            from = day(body, "day");
            to = from;
        } else if (body != null && body.has("from") && body.has("to")) {
            from = day(body, "from");
            to = day(body, "to");
        } else {
            throw DomainException.invalid("Body must be {\"day\": \"YYYY-MM-DD\"} or {\"from\": \"YYYY-MM-DD\", \"to\": \"YYYY-MM-DD\"}.");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("to must be on or after from, at most " + MAX_DAYS + " days in all.");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        return aggregation.aggregate(days).map(results -> Map.of("days", results));
    }

    private static LocalDate day(JsonNode body, String field) {
        try {
            return LocalDate.parse(body.get(field).asText());
        } catch (DateTimeException e) {
            throw DomainException.invalid(field + " must be a day such as 2026-11-01.");
        }
    }
}
