package io.wksemu.examples;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.freezeClock;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.huaweicloud.sdk.workspace.v2.model.DesktopMetric;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricResponse;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wksemu.TestSupport;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's SDK example (the README shows {@link DesktopUsageExample}'s text; DeploymentKitTest
 * checks they are the same) against the app seeded from seed/, with the emulator clock as "today".
 */
@QuarkusTest
class DesktopUsageExampleTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void theReadmeExampleListsTheSeededProjectsLastThirtyDays() {
        freezeClock(TestSupport.NOW);
        // Reload the seed at this clock, so its relative days ("today-7d") are relative to the same today.
        given().queryParam("project_id", DesktopUsageExample.PROJECT_ID).queryParam("reseed", true)
                .delete("/_emulator/state").then().statusCode(200).body("reseeded.desktops", equalTo(5));
        LocalDate today = LocalDate.parse(TestSupport.NOW.substring(0, 10));

        ListDesktopUsageMetricResponse response =
                DesktopUsageExample.lastThirtyDays("http://" + root.getHost() + ":" + root.getPort(), today);

        assertEquals(200, response.getHttpStatusCode());
        assertEquals(5, response.getCount());
        List<String> rows = response.getItems().stream().map(DesktopUsageExampleTest::row).toList();
        assertEquals(List.of(
                // days -7, -6, -5 (8 h, 8.5 h, 7.5 h) plus yesterday's sessions 09-12, 13-21 and 22-24 (13 h)
                "dev-alice 133200.0 0.0",
                // carol's session of day -2 (9 h) and 9 h on day -4; idle since: yesterday
                "pool-desk-01 64800.0 86400.0",
                // days -10, -9 and -3; idle for the last two days
                "dev-bob 39600.0 172800.0",
                // day -20 (day -40 is outside the range); idle for 19 days
                "finance-01 25200.0 1641600.0",
                // never used: idle for each of the 30 days
                "spare-01 0.0 2592000.0"), rows);
        assertEquals("""
                5 desktops
                dev-alice      used  37.0 h, idle   0 days
                pool-desk-01   used  18.0 h, idle   1 days
                dev-bob        used  11.0 h, idle   2 days
                finance-01     used   7.0 h, idle  19 days
                spare-01       used   0.0 h, idle  30 days
                """, DesktopUsageExample.report(response));
    }

    private static String row(DesktopMetric desktop) {
        return desktop.getResourceName() + " " + desktop.getMetric().get(0).getMetricValue() + " "
                + desktop.getMetric().get(1).getMetricValue();
    }
}
