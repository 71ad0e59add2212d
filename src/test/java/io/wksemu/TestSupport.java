package io.wksemu;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Builds test state through the admin API, as a user of the emulator would. */
public final class TestSupport {

    /** The frozen "now" most tests run at: today is 2026-06-15, yesterday (06-14) already aggregated. */
    public static final String NOW = "2026-06-15T12:00:00Z";
    public static final String WIDE_START = "2025-01-01T00:00:00Z";
    public static final String WIDE_END = "2026-12-31T00:00:00Z";
    /** What every X-Request-Id and request_id looks like: 32 lower-case hex digits. */
    public static final String REQUEST_ID = "[0-9a-f]{32}";

    private TestSupport() {
    }

    /** A project id no other test uses. */
    public static String newProject() {
        return "p" + UUID.randomUUID().toString().replace("-", "");
    }

    public static void freezeClock(String instant) {
        given().contentType(ContentType.JSON).body(Map.of("now", instant, "frozen", true))
                .put("/_emulator/clock").then().statusCode(200);
    }

    /** Back to system time: tests restore the clock they moved. */
    public static void systemClock() {
        given().delete("/_emulator/clock").then().statusCode(200);
    }

    /** The use of one day (its stamp only) of one desktop, found by its id as its name, or -1 when it has no point that day. */
    public static double usageOn(String project, String day, String resourceId) {
        java.util.List<Float> values = query(project, "start_time", day + "T23:59:59Z", "end_time", day + "T23:59:59Z",
                "resource_name", resourceId).statusCode(200).extract()
                .path("items.findAll { it.resource_id == '" + resourceId + "' }.collect { it.metric[0].metric_value }");
        return values.isEmpty() ? -1 : values.get(0);
    }

    public static void load(String json) {
        given().contentType(ContentType.JSON).body(json).post("/_emulator/fixtures").then().statusCode(200);
    }

    public static RequestSpecification api() {
        return given().accept(ContentType.JSON);
    }

    /** The emulated endpoint with the given query parameters (name, value, name, value, ...). */
    public static ValidatableResponse query(String project, Object... params) {
        RequestSpecification spec = api();
        for (int i = 0; i < params.length; i += 2) {
            spec = spec.queryParam((String) params[i], params[i + 1]);
        }
        return spec.get("/v2/" + project + "/statistics/metrics/desktops").then();
    }

    /** The emulated endpoint over the whole retained window, plus the given parameters. */
    public static ValidatableResponse queryAll(String project, Object... params) {
        Object[] all = new Object[params.length + 4];
        all[0] = "start_time";
        all[1] = WIDE_START;
        all[2] = "end_time";
        all[3] = WIDE_END;
        System.arraycopy(params, 0, all, 4, params.length);
        return query(project, all);
    }
}
