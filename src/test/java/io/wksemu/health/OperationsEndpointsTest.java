package io.wksemu.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.wksemu.TestSupport;
import org.junit.jupiter.api.Test;

/** What operators and tooling read: health probes, Prometheus metrics and the OpenAPI document. */
@QuarkusTest
class OperationsEndpointsTest {

    private static final String ENDPOINT = "paths.'/v2/{project_id}/statistics/metrics/desktops'.get";

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpAfterStartupWithTheDatabaseAnswering() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
    }

    @Test
    void metricsCountRequestsByRouteAndStatus() {
        TestSupport.queryAll(TestSupport.newProject()).statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/v2/{project_id}/statistics/metrics/desktops\""));
    }

    @Test
    void metricsShowTheClockOffsetAggregationAndJournal() {
        TestSupport.freezeClock("2030-01-01T00:00:00Z");
        TestSupport.queryAll(TestSupport.newProject()).statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher offset = java.util.regex.Pattern.compile("(?m)^wksemu_clock_offset_seconds (\\S+)$").matcher(metrics);
        org.junit.jupiter.api.Assertions.assertTrue(offset.find(), metrics);
        double expected = java.time.Duration.between(java.time.Instant.now(), java.time.Instant.parse("2030-01-01T00:00:00Z")).toSeconds();
        org.junit.jupiter.api.Assertions.assertEquals(expected, Double.parseDouble(offset.group(1)), 120.0);
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("wksemu_aggregation_day_seconds_count"), "day timer");
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("wksemu_aggregation_catchups_total"), "catch-up counter");
        org.junit.jupiter.api.Assertions.assertTrue(metrics.matches("(?s).*\\nwksemu_journal_size [1-9].*"), "journal size");
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("wksemu_index_projects"), "index gauge");
        // the pool's timers stay; the per-connection gauges are dropped (ClientMeterFilter)
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("postgresql_queue_delay_seconds_count{"), "pool timer");
        org.junit.jupiter.api.Assertions.assertFalse(metrics.contains("postgresql_queue_size"), "per-connection gauge");
    }

    @Test
    void openApiDescribesTheEmulatedEndpoint() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(ENDPOINT + ".parameters.name", hasItems("project_id", "start_time", "end_time",
                        "resource_name", "min_idle_days", "max_idle_days", "usage_min_hours", "usage_max_hours",
                        "sort_field", "sort_type", "offset", "limit"))
                .body(ENDPOINT + ".parameters.find { it.name == 'limit' }.schema.maximum", equalTo(100))
                .body(ENDPOINT + ".parameters.find { it.name == 'min_idle_days' }.schema.maximum", equalTo(180))
                .body(ENDPOINT + ".parameters.find { it.name == 'start_time' }.required", equalTo(true))
                .body(ENDPOINT + ".responses.keySet()", hasItems("200", "400", "401", "404", "500"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
