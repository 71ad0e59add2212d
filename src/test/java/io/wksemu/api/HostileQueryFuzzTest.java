package io.wksemu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.wksemu.RawHttp;
import io.wksemu.TestSupport;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded fuzzing of the emulated endpoint: every query parameter and the path get hostile values (empty,
 * huge, control characters, other scripts' digits, extreme dates, bad escapes, odd paths), sent byte for byte
 * as written. Whatever comes in, the answer is no 5xx, a JSON body, an {@code X-Request-Id}, no framework
 * class name, and the service answers normally afterwards. The seed is in every failure message.
 */
@QuarkusTest
class HostileQueryFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = TestSupport.newProject();
    private static final String NORMAL = "/v2/" + PROJECT + "/statistics/metrics/desktops?start_time="
            + "2025-01-01T00:00:00Z&end_time=2026-12-31T00:00:00Z&sort_field=desktop_usage";
    private static final String NORMAL_BODY = "{\"count\":1,\"items\":[{\"resource_id\":\"d1\",\"resource_name\":\"dev-01\","
            + "\"metric\":[{\"metric_name\":\"desktop_usage\",\"metric_value\":3600.0},"
            + "{\"metric_name\":\"desktop_idle_duration\",\"metric_value\":0.0}]}]}";
    private static final List<String> PARAMETERS = List.of("start_time", "end_time", "resource_name", "min_idle_days",
            "max_idle_days", "usage_min_hours", "usage_max_hours", "sort_field", "sort_type", "offset", "limit",
            "START_TIME", "Limit", "unknown");
    private static final List<String> VALUES = List.of("", "%00", "%01", "%1F", "%7F", "%0D%0A", "%09", "a%00b",
            "9".repeat(40), "-1", "0", "%2B5", "%D9%A5", "%EF%BC%95", "%E2%80%8B5", "2147483646", "2147483647",
            "2147483648", "-2147483649", "1e3", "0x10", "NaN", "%zz", "%", "%E2%82", "%FF%FE", "%E6%A1%8C%E9%9D%A2",
            "+", ";", "%26", "%3D", "%25", "%5C", "_", "'%20OR%201=1--", "x".repeat(65), "y".repeat(3000),
            "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59-18:00", "0001-01-01T00:00:00%2B18:00", "9999-12-31T23:59:59.999999999Z",
            "2026-02-30T00:00:00Z", "2026-06-01T24:00:00Z", "2026-06-01T00:00:60Z", "1970-01-01T00:00:00Z",
            "2026-06-01T00:00:00%2B18:01", "2026-06-01T00:00Z", "2026-06-01", "desktop_usage",
            "desktop_idle_duration", "DESC", "ASC", "asc", "%20DESC");
    private static final List<String> PATHS = List.of("/v2/%s/statistics/metrics/desktops",
            "/v2//statistics/metrics/desktops", "/v2/%00/statistics/metrics/desktops", "/v2/%s;x/statistics/metrics/desktops",
            "/v2/%s/../../etc/passwd", "/v2/" + "p".repeat(65) + "/statistics/metrics/desktops",
            "/v2/%s/statistics/metrics/desktops/", "/V2/%s/statistics/metrics/desktops",
            "/v2/%s/statistics/metrics/desktops%00", "/v2/%E6%A1%8C/statistics/metrics/desktops",
            "/v2/%s%2F..%2Fq/statistics/metrics/desktops", "/v2/%s/statistics/metrics/desktops;a=b",
            "/v2/x/%2e%2e/%s/statistics/metrics/desktops", "//v2/%s//statistics/metrics/desktops",
            "/v2/%s/statistics/metrics/desktops%zz", "/v2/%s/statistics/metrics/users%00", "/v2/%%/statistics/metrics/desktops");
    private static final Pattern FRAMEWORK = Pattern.compile(
            "(java|javax|jakarta|io\\.vertx|io\\.quarkus|io\\.netty|io\\.smallrye|org\\.jboss|com\\.fasterxml|io\\.wksemu)\\.|Exception");

    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        TestSupport.freezeClock(TestSupport.NOW);
        TestSupport.load("""
                {"projects": [{"project_id": "%s", "desktops": [{"resource_id": "d1", "resource_name": "dev-01"}],
                  "daily_usage": [{"resource_id": "d1", "day": "today-2d", "usage_seconds": 3600}]}]}""".formatted(PROJECT));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261127})
    void hostileQueriesNeverBreakTheEndpoint(long seed) throws Exception {
        Random random = new Random(seed);
        for (int i = 0; i < 60; i++) {
            String path = PATHS.get(random.nextInt(PATHS.size())).replace("%s", PROJECT);
            if (random.nextInt(3) > 0) {
                path = "/v2/" + PROJECT + "/statistics/metrics/desktops";
            }
            StringBuilder query = new StringBuilder();
            int count = random.nextInt(6);
            for (int p = 0; p < count; p++) {
                query.append(p == 0 ? "" : random.nextInt(8) == 0 ? ";" : "&")
                        .append(PARAMETERS.get(random.nextInt(PARAMETERS.size()))).append('=')
                        .append(VALUES.get(random.nextInt(VALUES.size())));
            }
            if (random.nextBoolean()) {
                query.insert(0, "start_time=2025-01-01T00:00:00Z&end_time=2026-12-31T00:00:00Z&");
            }
            String target = path + (query.length() == 0 ? "" : "?" + query);
            assertWellFormed(RawHttp.get(RestAssured.port, target), "seed " + seed + ", request " + i + ": " + target);
        }
        RawHttp.Answer normal = RawHttp.get(RestAssured.port, NORMAL);
        assertEquals(200, normal.status(), "seed " + seed + ": the service answers normally afterwards");
        assertEquals(NORMAL_BODY, normal.body(), "seed " + seed);
    }

    private static void assertWellFormed(RawHttp.Answer answer, String what) throws Exception {
        assertTrue(answer.status() < 500, what + " answered " + answer.status() + " " + answer.body());
        String id = answer.header("X-Request-Id");
        assertTrue(id != null && id.matches("[0-9a-f]{32}"), what + ": request id " + id);
        assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/json"),
                what + ": content type " + answer.header("Content-Type"));
        JsonNode body = JSON.readTree(answer.body());
        assertTrue(body.isObject() && (body.has("error_code") && body.has("error_msg") || body.has("count") && body.has("items")),
                what + ": body " + answer.body());
        assertFalse(FRAMEWORK.matcher(answer.body()).find(), what + ": names a framework class: " + answer.body());
    }
}
