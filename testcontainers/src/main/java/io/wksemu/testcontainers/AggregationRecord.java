package io.wksemu.testcontainers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;

/** A day aggregated so far: when it was last aggregated, and how many times. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AggregationRecord(LocalDate day, Instant aggregatedAt, int runs) {
}
