package io.wksemu.api;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.wksemu.TestSupport;
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

/** Every validation rule of SEMANTICS.md section 2, with the exact section 3 error bodies. */
@QuarkusTest
class ValidationTest {

    private static final String PROJECT = newProject();
    private static final String EMPTY_MSG = "The request message input by the interface is empty. Parameter %s is required.";
    private static final String TIME_RULE = "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z.";

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

    static Stream<Arguments> invalidQueries() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(with("start_time", null), "WKS.0001", EMPTY_MSG.formatted("start_time")));
        cases.add(Arguments.of(with("start_time", ""), "WKS.0001", EMPTY_MSG.formatted("start_time")));
        cases.add(Arguments.of(with("end_time", null), "WKS.0001", EMPTY_MSG.formatted("end_time")));
        cases.add(Arguments.of(with("end_time", ""), "WKS.0001", EMPTY_MSG.formatted("end_time")));
        cases.add(Arguments.of(with("start_time", null, "end_time", null), "WKS.0001", EMPTY_MSG.formatted("start_time")));
        cases.add(Arguments.of(with("start_time", "yesterday"), "WKS.0002", "Invalid parameter start_time: " + TIME_RULE));
        cases.add(Arguments.of(with("end_time", "2026-06-10"), "WKS.0002", "Invalid parameter end_time: " + TIME_RULE));
        cases.add(Arguments.of(with("end_time", "2026-06-10T00:00:00"), "WKS.0002", "Invalid parameter end_time: " + TIME_RULE));
        cases.add(Arguments.of(with("start_time", "2026-06-01T00:00:00.0000000+08:00"), "WKS.0002",
                "Invalid parameter start_time: must be 1-32 characters."));
        cases.add(Arguments.of(with("start_time", "2026-06-11T00:00:00Z"), "WKS.0002",
                "Invalid parameter start_time: must not be later than end_time."));
        cases.add(Arguments.of(with("resource_name", ""), "WKS.0002", "Invalid parameter resource_name: must be 1-64 characters."));
        cases.add(Arguments.of(with("resource_name", "x".repeat(65)), "WKS.0002",
                "Invalid parameter resource_name: must be 1-64 characters."));
        for (String bad : List.of("-1", "181", "abc", "1.5", "")) {
            cases.add(Arguments.of(with("min_idle_days", bad), "WKS.0002",
                    "Invalid parameter min_idle_days: must be an integer from 0 to 180."));
        }
        cases.add(Arguments.of(with("max_idle_days", "181"), "WKS.0002",
                "Invalid parameter max_idle_days: must be an integer from 0 to 180."));
        cases.add(Arguments.of(with("usage_min_hours", "-1"), "WKS.0002",
                "Invalid parameter usage_min_hours: must be an integer from 0 to 2147483646."));
        cases.add(Arguments.of(with("usage_max_hours", "2147483647"), "WKS.0002",
                "Invalid parameter usage_max_hours: must be an integer from 0 to 2147483646."));
        cases.add(Arguments.of(with("usage_min_hours", "5", "usage_max_hours", "4"), "WKS.0002",
                "Invalid parameter usage_max_hours: must be greater than or equal to usage_min_hours."));
        cases.add(Arguments.of(with("sort_field", "desktop_state"), "WKS.0002",
                "Invalid parameter sort_field: must be desktop_usage or desktop_idle_duration."));
        cases.add(Arguments.of(with("sort_field", "desktop_usage", "sort_type", "desc"), "WKS.0002",
                "Invalid parameter sort_type: must be ASC or DESC."));
        cases.add(Arguments.of(with("sort_type", "ASC"), "WKS.0002",
                "Invalid parameter sort_type: must be used together with sort_field."));
        cases.add(Arguments.of(with("offset", "-1"), "WKS.0002",
                "Invalid parameter offset: must be an integer from 0 to 2147483646."));
        cases.add(Arguments.of(with("limit", "0"), "WKS.0002", "Invalid parameter limit: must be an integer from 1 to 100."));
        cases.add(Arguments.of(with("limit", "101"), "WKS.0002", "Invalid parameter limit: must be an integer from 1 to 100."));
        cases.add(Arguments.of(with("limit", "ten"), "WKS.0002", "Invalid parameter limit: must be an integer from 1 to 100."));
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
        request(params).get("/v2/" + PROJECT + "/statistics/metrics/desktops").then()
                .statusCode(400)
                .contentType("application/json")
                .header("X-Request-Id", matchesPattern(TestSupport.REQUEST_ID))
                .body("size()", equalTo(2))
                .body("error_code", equalTo(code))
                .body("error_msg", equalTo(message));
    }

    @Test
    void projectIdMustBeShortLettersDigitsDashOrUnderscore() {
        for (String bad : List.of("bad.id", "x".repeat(65))) {
            request(with()).get("/v2/" + bad + "/statistics/metrics/desktops").then()
                    .statusCode(400)
                    .body("error_code", equalTo("WKS.0002"))
                    .body("error_msg", equalTo("Invalid parameter project_id: must be 1-64 letters, digits, '-' or '_'."));
        }
    }

    @Test
    void boundaryValuesAreAccepted() {
        request(with("start_time", "2026-06-01T00:00:00.000000+08:00", "resource_name", "x".repeat(64),
                "min_idle_days", "0", "max_idle_days", "180", "usage_min_hours", "0", "usage_max_hours", "2147483646",
                "sort_field", "desktop_idle_duration", "sort_type", "ASC", "offset", "2147483646", "limit", "100"))
                .get("/v2/" + PROJECT + "/statistics/metrics/desktops").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("count", equalTo(0));
    }

    @Test
    void maxIdleBelowMinIdleIsNotAnErrorButEmpty() {
        request(with("min_idle_days", "5", "max_idle_days", "4")).get("/v2/" + PROJECT + "/statistics/metrics/desktops")
                .then().statusCode(200).body("count", equalTo(0)).body("items.size()", equalTo(0));
    }

    @Test
    void unknownParametersAreIgnoredAndARepeatedOneCountsWithItsFirstValue() {
        given().queryParam("start_time", "2026-06-01T00:00:00Z").queryParam("end_time", "2026-06-10T00:00:00Z")
                .queryParam("colour", "blue").queryParam("limit", "5", "500")
                .get("/v2/" + PROJECT + "/statistics/metrics/desktops").then().statusCode(200);
        given().queryParam("start_time", "2026-06-01T00:00:00Z").queryParam("end_time", "2026-06-10T00:00:00Z")
                .queryParam("limit", "500", "5")
                .get("/v2/" + PROJECT + "/statistics/metrics/desktops").then().statusCode(400)
                .body("error_msg", equalTo("Invalid parameter limit: must be an integer from 1 to 100."));
    }

    @Test
    void unknownPathAndWrongMethodAreGatewayErrorsWithTheRequestId() {
        var response = given().get("/v2/" + PROJECT + "/statistics/metrics/nothing").then()
                .statusCode(404)
                .body("error_code", equalTo("APIGW.0101"))
                .body("error_msg", equalTo("The API does not exist or has not been published in the environment."))
                .header("X-Request-Id", matchesPattern(TestSupport.REQUEST_ID))
                .extract();
        org.junit.jupiter.api.Assertions.assertEquals(response.header("X-Request-Id"), response.path("request_id"));
        given().post("/v2/" + PROJECT + "/statistics/metrics/desktops").then()
                .statusCode(404)
                .body("error_code", equalTo("APIGW.0101"))
                .body("error_msg", equalTo("The API does not exist."));
    }
}
