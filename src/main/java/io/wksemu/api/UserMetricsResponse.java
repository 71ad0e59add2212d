package io.wksemu.api;

import io.wksemu.stats.UserMetricsQuery;
import io.wksemu.stats.UserStats;
import io.wksemu.stats.UserStatsPage;
import java.util.List;

/** The 200 body of ListUserUsageMetric: {@code {"count", "items":[{"username","metric":[...]}]}}. */
public record UserMetricsResponse(int count, List<Item> items) {

    public record Item(String username, List<Metric> metric) {
    }

    public static UserMetricsResponse of(UserStatsPage page) {
        return new UserMetricsResponse(page.count(), page.items().stream().map(UserMetricsResponse::item).toList());
    }

    /** Metric names and order as SEMANTICS.md section 8 lists them. */
    private static Item item(UserStats s) {
        return new Item(s.username(), List.of(
                new Metric(UserMetricsQuery.USER_USAGE, s.usageSeconds()),
                new Metric("user_login_count", s.loginCount()),
                new Metric("user_login_success_count", s.loginSuccessCount()),
                new Metric("user_login_fail_count", s.loginFailCount())));
    }
}
