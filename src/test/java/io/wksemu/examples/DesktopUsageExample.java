package io.wksemu.examples;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.DesktopMetric;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Desktop usage of the last 30 days through the official SDK, against the emulator's seeded project. */
public class DesktopUsageExample {

    /** A project of seed/default.json, loaded at startup. */
    static final String PROJECT_ID = "0b5c3a1d9e8f4b7a8c6d5e4f3a2b1c0d";

    public static void main(String[] args) {
        String endpoint = args.length > 0 ? args[0] : "http://localhost:8080";
        System.out.print(report(lastThirtyDays(endpoint, LocalDate.now(ZoneOffset.UTC))));
    }

    static ListDesktopUsageMetricResponse lastThirtyDays(String endpoint, LocalDate today) {
        WorkspaceClient client = WorkspaceClient.newBuilder()
                // Any AK/SK passes in the default (lenient) mode; the SDK signs the request with them.
                .withCredential(new BasicCredentials().withAk("AK").withSk("SK").withProjectId(PROJECT_ID))
                .withEndpoints(List.of(endpoint))
                .build();
        return client.listDesktopUsageMetric(new ListDesktopUsageMetricRequest()
                .withStartTime(today.minusDays(30) + "T00:00:00Z")
                .withEndTime(today + "T00:00:00Z")
                .withSortField("desktop_usage")
                .withSortType("DESC"));
    }

    static String report(ListDesktopUsageMetricResponse response) {
        StringBuilder out = new StringBuilder(response.getCount() + " desktops\n");
        for (DesktopMetric desktop : response.getItems()) {
            // metric[0] is desktop_usage, metric[1] desktop_idle_duration, both in seconds
            out.append(String.format(Locale.ROOT, "%-14s used %5.1f h, idle %3.0f days%n", desktop.getResourceName(),
                    desktop.getMetric().get(0).getMetricValue() / 3600,
                    desktop.getMetric().get(1).getMetricValue() / 86400));
        }
        return out.toString();
    }
}
