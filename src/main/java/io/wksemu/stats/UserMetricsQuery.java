package io.wksemu.stats;

import java.time.Instant;

/**
 * A validated query of user usage statistics (SEMANTICS.md section 8); null means "not given".
 * {@code sortByUsage} is {@code sort_field=user_usage}, the only sort field; without it users come in
 * username order.
 */
public record UserMetricsQuery(Instant start, Instant end, String username, Integer usageMinHours,
        Integer usageMaxHours, boolean sortByUsage, MetricsQuery.SortType sortType, int offset, int limit) {

    public static final String USER_USAGE = "user_usage";
}
