package io.wksemu.stats;

import java.time.Instant;
import java.util.Locale;

/** A validated query of desktop usage statistics (SEMANTICS.md section 2); null means "not given". */
public record MetricsQuery(Instant start, Instant end, String resourceName, Integer minIdleDays, Integer maxIdleDays,
        Integer usageMinHours, Integer usageMaxHours, SortField sortField, SortType sortType, int offset, int limit) {

    public enum SortField {
        DESKTOP_USAGE, DESKTOP_IDLE_DURATION;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum SortType {
        ASC, DESC
    }
}
