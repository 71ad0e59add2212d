package io.wksemu.testcontainers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The emulator clock: {@code now}, its {@code mode} ({@code system}, {@code fixed} or {@code offset}), the
 * statistics calendar's {@code zone} and the next 02:00 aggregation. A move lists the days it made due and
 * aggregated before answering ({@code aggregatedDays}); reading the clock gives an empty list.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Clock(Instant now, String mode, String zone, Instant nextAggregation, List<LocalDate> aggregatedDays) {

    public Clock {
        aggregatedDays = aggregatedDays == null ? List.of() : List.copyOf(aggregatedDays);
    }

    /** Whether the clock stands still (set with {@code frozen}). */
    public boolean frozen() {
        return "fixed".equals(mode);
    }
}
