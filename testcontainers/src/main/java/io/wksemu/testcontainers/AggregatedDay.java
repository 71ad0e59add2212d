package io.wksemu.testcontainers;

import java.time.LocalDate;

/** A day aggregated by {@link WksEmuAdmin#aggregate}: the day and how many desktop points it wrote. */
public record AggregatedDay(LocalDate day, long points) {
}
