package io.wksemu.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.wksemu.stats.DesktopStats;
import io.wksemu.stats.MetricsQuery;
import io.wksemu.stats.StatsPage;
import java.util.List;

/** The 200 body of the emulated endpoint (tables 4 to 6 of the official page). */
public record DesktopMetricsResponse(int count, List<Item> items) {

    /** {@code resource_pool_id} is present only for desktops in a pool. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"resource_id", "resource_pool_id", "resource_name", "metric"})
    public record Item(
            String resourceId,
            String resourcePoolId,
            String resourceName,
            List<Metric> metric) {
    }

    public static DesktopMetricsResponse of(StatsPage page) {
        return new DesktopMetricsResponse(page.count(), page.items().stream().map(DesktopMetricsResponse::item).toList());
    }

    private static final String USAGE = MetricsQuery.SortField.DESKTOP_USAGE.wireName();
    private static final String IDLE_DURATION = MetricsQuery.SortField.DESKTOP_IDLE_DURATION.wireName();

    private static Item item(DesktopStats s) {
        return new Item(s.resourceId(), s.resourcePoolId(), s.resourceName(),
                List.of(new Metric(USAGE, s.usageSeconds()), new Metric(IDLE_DURATION, s.idleSeconds())));
    }
}
