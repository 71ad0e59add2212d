package io.wksemu.api;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule of ListUserUsageMetric (SEMANTICS.md section 8), with the exact section 3 error
 * bodies, and the order in which they are checked: project_id, then the parameters as section 8 lists them.
 */
@QuarkusTest
class UserValidationTest {

    private static final String PROJECT = newProject();
    private static final String EMPTY_MSG = "The request message input by the interface is empty. Parameter %s is required.";
    private static final String TIME_RULE = "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z.";
    private static final String HOURS_RULE = "must be an integer from 0 to 2147483646.";

    /** A valid base query with some parameters replaced (a null value removes the parameter). */
    private static Map<String, String> with(String... overrides) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("start_time", "2026-06-01T00:00:00Z");
        params.put("end_time", "2026-06-10T00:00:00Z");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                params.remove(overrides[i]);
            } else {
                params.put(overrides[i], overrides[i + 1]);
            }
        }
        return params;
    }

    private static Arguments invalid(Map<String, String> params, String code, String message) {
        return Arguments.of(params, code, message);
    }

    static Stream<Arguments> invalidQueries() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(invalid(with("start_time", null), "WKS.0001", EMPTY_MSG.formatted("start_time")));
        cases.add(invalid(with("start_time", ""), "WKS.0001", EMPTY_MSG.formatted("start_time")));
        cases.add(invalid(with("end_time", null), "WKS.0001", EMPTY_MSG.formatted("end_time")));
        cases.add(invalid(with("end_time", ""), "WKS.0001", EMPTY_MSG.formatted("end_time")));
        cases.add(invalid(with("start_time", "yesterday"), "WKS.0002", "Invalid parameter start_time: " + TIME_RULE));
        cases.add(invalid(with("end_time", "2026-06-10"), "WKS.0002", "Invalid parameter end_time: " + TIME_RULE));
        cases.add(invalid(with("start_time", "2026-06-01T00:00:00.0000000+08:00"), "WKS.0002",
                "Invalid parameter start_time: must be 1-32 characters."));
        cases.add(invalid(with("start_time", "2026-06-11T00:00:00Z"), "WKS.0002",
                "Invalid parameter start_time: must not be later than end_time."));
        cases.add(invalid(with("username", "x".repeat(65)), "WKS.0002", "Invalid parameter username: must be 0-64 characters."));
        cases.add(invalid(with("username", "al\u0001ice"), "WKS.0002", "Invalid parameter username: must not contain control characters."));
        for (String bad : List.of("-1", "2147483647", "abc", "1.5", "", "+5", "\u0665")) {
            cases.add(invalid(with("usage_min_hours", bad), "WKS.0002", "Invalid parameter usage_min_hours: " + HOURS_RULE));
            cases.add(invalid(with("usage_max_hours", bad), "WKS.0002", "Invalid parameter usage_max_hours: " + HOURS_RULE));
        }
        cases.add(invalid(with("usage_min_hours", "5", "usage_max_hours", "4"), "WKS.0002",
                "Invalid parameter usage_max_hours: must be greater than or equal to usage_min_hours."));
        for (String bad : List.of("desktop_usage", "USER_USAGE", "")) {
            cases.add(invalid(with("sort_field", bad), "WKS.0002", "Invalid parameter sort_field: must be user_usage."));
        }
        cases.add(invalid(with("sort_field", "user_usage", "sort_type", "desc"), "WKS.0002",
                "Invalid parameter sort_type: must be ASC or DESC."));
        cases.add(invalid(with("sort_type", "ASC"), "WKS.0002",
                "Invalid parameter sort_type: must be used together with sort_field."));
        cases.add(invalid(with("offset", "-1"), "WKS.0002", "Invalid parameter offset: must be an integer from 0 to 2147483646."));
        cases.add(invalid(with("offset", "2147483647"), "WKS.0002",
                "Invalid parameter offset: must be an integer from 0 to 2147483646."));
        for (String bad : List.of("0", "101", "ten", "")) {
            cases.add(invalid(with("limit", bad), "WKS.0002", "Invalid parameter limit: must be an integer from 1 to 100."));
        }
        // order: the first broken rule in section 8's order answers
        cases.add(invalid(with("start_time", null, "end_time", null, "limit", "0"), "WKS.0001", EMPTY_MSG.formatted("start_time")));
        cases.add(invalid(with("start_time", "bad", "end_time", null), "WKS.0002", "Invalid parameter start_time: " + TIME_RULE));
        cases.add(invalid(with("end_time", null, "username", "x".repeat(65)), "WKS.0001", EMPTY_MSG.formatted("end_time")));
        cases.add(invalid(with("start_time", "2026-06-11T00:00:00Z", "username", "x".repeat(65)), "WKS.0002",
                "Invalid parameter start_time: must not be later than end_time."));
        cases.add(invalid(with("username", "x".repeat(65), "usage_min_hours", "-1"), "WKS.0002",
                "Invalid parameter username: must be 0-64 characters."));
        cases.add(invalid(with("usage_min_hours", "x", "usage_max_hours", "y"), "WKS.0002",
                "Invalid parameter usage_min_hours: " + HOURS_RULE));
        cases.add(invalid(with("usage_min_hours", "5", "usage_max_hours", "4", "sort_field", "bad"), "WKS.0002",
                "Invalid parameter usage_max_hours: must be greater than or equal to usage_min_hours."));
        cases.add(invalid(with("sort_field", "bad", "sort_type", "bad"), "WKS.0002",
                "Invalid parameter sort_field: must be user_usage."));
        cases.add(invalid(with("sort_type", "bad", "offset", "-1"), "WKS.0002", "Invalid parameter sort_type: must be ASC or DESC."));
        cases.add(invalid(with("sort_type", "ASC", "offset", "-1"), "WKS.0002",
                "Invalid parameter sort_type: must be used together with sort_field."));
        cases.add(invalid(with("offset", "-1", "limit", "0"), "WKS.0002",
                "Invalid parameter offset: must be an integer from 0 to 2147483646."));
        return cases.stream();
    }

    private static RequestSpecification request(Map<String, String> params) {
        RequestSpecification spec = given().urlEncodingEnabled(true);
        params.forEach(spec::queryParam);
        return spec;
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("invalidQueries")
    void invalidQueryIsA400WithTheDocumentedBody(Map<String, String> params, String code, String message) {
        var response = request(params).get("/v2/" + PROJECT + "/statistics/metrics/users").then()
                .statusCode(400)
                .contentType("application/json")
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                .extract();
        assertEquals("{\"error_code\":\"" + code + "\",\"error_msg\":\"" + message + "\"}", response.asString());
    }

    @Test
    void projectIdIsCheckedFirst() {
        for (String bad : List.of("bad.id", "x".repeat(65))) {
            request(with("start_time", null, "limit", "0")).get("/v2/" + bad + "/statistics/metrics/users").then()
                    .statusCode(400)
                    .body("error_code", equalTo("WKS.0002"))
                    .body("error_msg", equalTo("Invalid parameter project_id: must be 1-64 letters, digits, '-' or '_'."));
        }
    }

    @Test
    void boundaryValuesAreAccepted() {
        request(with("start_time", "2026-06-01T00:00:00.000000+08:00", "username", "x".repeat(64),
                "usage_min_hours", "0", "usage_max_hours", "2147483646", "sort_field", "user_usage", "sort_type", "ASC",
                "offset", "2147483646", "limit", "100"))
                .get("/v2/" + PROJECT + "/statistics/metrics/users").then()
                .statusCode(200)
                .contentType("application/json")
                .body("count", equalTo(0))
                .body("items.size()", equalTo(0));
        request(with("start_time", "2026-06-10T00:00:00Z", "usage_min_hours", "7", "usage_max_hours", "7"))
                .get("/v2/" + PROJECT + "/statistics/metrics/users").then().statusCode(200);
    }

    @Test
    void unknownParametersAreIgnoredAndARepeatedOneCountsWithItsFirstValue() {
        given().queryParam("start_time", "2026-06-01T00:00:00Z").queryParam("end_time", "2026-06-10T00:00:00Z")
                .queryParam("resource_name", "").queryParam("min_idle_days", "-5").queryParam("limit", "5", "500")
                .get("/v2/" + PROJECT + "/statistics/metrics/users").then().statusCode(200);
        given().queryParam("start_time", "2026-06-01T00:00:00Z").queryParam("end_time", "2026-06-10T00:00:00Z")
                .queryParam("username", "x".repeat(65), "ok")
                .get("/v2/" + PROJECT + "/statistics/metrics/users").then().statusCode(400)
                .body("error_msg", equalTo("Invalid parameter username: must be 0-64 characters."));
    }

    @Test
    void wrongMethodIsAGatewayError() {
        given().post("/v2/" + PROJECT + "/statistics/metrics/users").then()
                .statusCode(404)
                .body("error_code", equalTo("APIGW.0101"))
                .body("error_msg", equalTo("The API does not exist."));
    }
}
