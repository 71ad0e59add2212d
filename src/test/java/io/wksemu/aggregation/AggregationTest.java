package io.wksemu.aggregation;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.freezeClock;
import static io.wksemu.TestSupport.load;
import static io.wksemu.TestSupport.newProject;
import static io.wksemu.TestSupport.query;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.wksemu.TestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions become daily points exactly as SEMANTICS.md section 1 says, on schedule and on clock moves. */
@QuarkusTest
class AggregationTest {

    private String project;

    @BeforeEach
    void setUp() {
        project = newProject();
    }

    @AfterEach
    void backToSystemTime() {
        TestSupport.systemClock();
    }

    private double usageOn(String day, String resourceId) {
        return TestSupport.usageOn(project, day, resourceId);
    }

    private void sessions(String sessions) {
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "d1", "created_at": "2026-06-01T00:00:00Z"},
                               {"resource_id": "d2", "resource_name": "d2", "created_at": "2026-06-01T00:00:00Z"},
                               {"resource_id": "d3", "resource_name": "d3", "created_at": "2026-06-01T00:00:00Z"}],
                  "sessions": [%s]}]}
                """.formatted(project, sessions));
    }

    @Test
    void theSpecExampleSplitsAtMidnight() {
        freezeClock("2026-06-15T12:00:00Z");
        sessions("""
                {"resource_id": "d1", "user_name": "u", "login_at": "2026-06-10T09:00:00Z", "logout_at": "2026-06-10T12:00:00Z"},
                {"resource_id": "d1", "user_name": "u", "login_at": "2026-06-10T13:00:00Z", "logout_at": "2026-06-10T21:00:00Z"},
                {"resource_id": "d1", "user_name": "u", "login_at": "2026-06-10T22:00:00Z", "logout_at": "2026-06-11T01:00:00Z"}""");
        assertEquals(46800.0, usageOn("2026-06-10", "d1"));
        assertEquals(3600.0, usageOn("2026-06-11", "d1"));
        assertEquals(0.0, usageOn("2026-06-12", "d1"));
    }

    @Test
    void overlapsMultiDaySessionsOpenSessionsAndMidnightEnds() {
        freezeClock("2026-06-15T12:00:00Z");
        sessions("""
                {"resource_id": "d1", "user_name": "a", "login_at": "2026-06-10T09:00:00Z", "logout_at": "2026-06-10T12:00:00Z"},
                {"resource_id": "d1", "user_name": "b", "login_at": "2026-06-10T11:00:00Z", "logout_at": "2026-06-10T13:00:00Z"},
                {"resource_id": "d1", "user_name": "c", "login_at": "2026-06-10T10:00:00Z", "logout_at": "2026-06-10T10:30:00Z"},
                {"resource_id": "d2", "user_name": "a", "login_at": "2026-06-09T12:00:00Z", "logout_at": "2026-06-11T12:00:00Z"},
                {"resource_id": "d3", "user_name": "a", "login_at": "2026-06-12T22:00:00Z", "logout_at": "2026-06-13T00:00:00Z"},
                {"resource_id": "d3", "user_name": "a", "login_at": "2026-06-13T20:00:00Z"}""");
        assertEquals(4 * 3600.0, usageOn("2026-06-10", "d1"), "overlapping sessions are not double-counted");
        assertEquals(12 * 3600.0, usageOn("2026-06-09", "d2"));
        assertEquals(86400.0, usageOn("2026-06-10", "d2"), "a full day inside a long session");
        assertEquals(12 * 3600.0, usageOn("2026-06-11", "d2"));
        assertEquals(2 * 3600.0, usageOn("2026-06-12", "d3"), "a session ending exactly at midnight");
        assertEquals(4 * 3600.0, usageOn("2026-06-13", "d3"), "an open session counts to the day's end");
        assertEquals(86400.0, usageOn("2026-06-14", "d3"));
    }

    @Test
    void explicitDailyUsageIsNeverOverwritten() {
        freezeClock("2026-06-15T12:00:00Z");
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "d1", "created_at": "2026-06-01T00:00:00Z"}],
                  "sessions": [{"resource_id": "d1", "user_name": "u", "login_at": "2026-06-10T09:00:00Z", "logout_at": "2026-06-10T10:00:00Z"}],
                  "daily_usage": [{"resource_id": "d1", "day": "2026-06-10", "usage_seconds": 42}]}]}
                """.formatted(project));
        given().contentType(ContentType.JSON).body(Map.of("day", "2026-06-10")).post("/_emulator/aggregations").then()
                .statusCode(200).body("days[0].day", equalTo("2026-06-10"));
        assertEquals(42.0, usageOn("2026-06-10", "d1"));
    }

    @Test
    void theDailyJobPurgesPointsThatLeftTheWindow() {
        freezeClock("2026-06-15T12:00:00Z");
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "d1", "created_at": "2025-12-01T00:00:00Z"}],
                  "daily_usage": [{"resource_id": "d1", "day": "2025-12-20", "usage_seconds": 70},
                                  {"resource_id": "d1", "day": "2026-01-10", "usage_seconds": 80}]}]}
                """.formatted(project));
        given().get("/_emulator/fixtures?project_id=" + project).then().body("projects[0].daily_usage.size()", equalTo(2));
        // 2025-12-20 leaves the window (first retained day 2025-12-22) when the clock reaches 2026-06-20
        advance("P5D");
        given().get("/_emulator/fixtures?project_id=" + project).then()
                .body("projects[0].daily_usage.day", contains("2026-01-10"));
        assertEquals(80.0, usageOn("2026-01-10", "d1"));
    }

    /**
     * A point loaded for a day already outside the window is stored, not dropped: it shows once the clock is
     * set back far enough, until a forward move (or the daily job) purges it.
     */
    @Test
    void aPointLoadedOutsideTheWindowIsKeptUntilAForwardMovePurgesIt() {
        freezeClock("2026-03-27T00:00:01Z");
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "d1"}],
                  "daily_usage": [{"resource_id": "d1", "day": "today-181d", "usage_seconds": 86400}]}]}
                """.formatted(project));
        given().get("/_emulator/fixtures?project_id=" + project).then()
                .body("projects[0].daily_usage.day", contains("2025-09-27"));
        freezeClock("2026-03-24T23:00:01Z");
        assertEquals(86400.0, usageOn("2025-09-27", "d1"));
        advance("P2DT1H").body("now", equalTo("2026-03-27T00:00:01Z"));
        given().get("/_emulator/fixtures?project_id=" + project).then().body("projects[0].daily_usage.size()", equalTo(0));
        freezeClock("2026-03-24T23:00:01Z");
        assertEquals(0.0, usageOn("2025-09-27", "d1"), "purged by the forward move; the desktop still exists that day");
    }

    /** Neither a backward clock move nor a query (and the catch-up it may run) purges a point. */
    @Test
    void aBackwardMoveOrAQueryNeverPurgesAPoint() {
        freezeClock("2026-06-15T12:00:00Z");
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "d1"}],
                  "daily_usage": [{"resource_id": "d1", "day": "2025-09-27", "usage_seconds": 86400}]}]}
                """.formatted(project));
        freezeClock("2026-03-27T00:00:01Z");
        given().get("/_emulator/fixtures?project_id=" + project).then()
                .body("projects[0].daily_usage.day", contains("2025-09-27"));
        // a wiped store has no aggregated day, so the next query runs a catch-up of its own
        given().delete("/_emulator/state").then().statusCode(200);
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "d1"}],
                  "daily_usage": [{"resource_id": "d1", "day": "today-181d", "usage_seconds": 86400}]}]}
                """.formatted(project));
        assertEquals(-1.0, usageOn("2025-09-27", "d1"), "outside the window");
        given().get("/_emulator/fixtures?project_id=" + project).then()
                .body("projects[0].daily_usage.day", contains("2025-09-27"));
        freezeClock("2026-03-24T23:00:01Z");
        assertEquals(86400.0, usageOn("2025-09-27", "d1"));
    }

    private ValidatableResponse advance(String by) {
        return given().contentType(ContentType.JSON).body(Map.of("by", by)).post("/_emulator/clock/advance").then().statusCode(200);
    }

    @Test
    void clockMovesAggregateWhatBecameDueInOrder() {
        // a wiped emulator has no record of aggregated days, so this test sees exactly its own
        given().delete("/_emulator/state").then().statusCode(200);
        freezeClock("2031-03-10T01:59:00Z");
        sessions("""
                {"resource_id": "d1", "user_name": "u", "login_at": "2031-03-09T08:00:00Z", "logout_at": "2031-03-09T09:00:00Z"},
                {"resource_id": "d1", "user_name": "u", "login_at": "2031-03-11T08:00:00Z", "logout_at": "2031-03-11T08:30:00Z"}""");
        assertEquals(-1.0, usageOn("2031-03-09", "d1"), "yesterday is not due before 02:00");
        advance("PT1M").body("now", equalTo("2031-03-10T02:00:00Z")).body("aggregated_days", contains("2031-03-09"));
        assertEquals(3600.0, usageOn("2031-03-09", "d1"));
        advance("P3D").body("aggregated_days", contains("2031-03-10", "2031-03-11", "2031-03-12"));
        assertEquals(0.0, usageOn("2031-03-10", "d1"));
        assertEquals(1800.0, usageOn("2031-03-11", "d1"));
        advance("PT1H").body("aggregated_days", empty());

        String before = query(project, "start_time", "2031-03-01T00:00:00Z", "end_time", "2031-03-13T00:00:00Z",
                "sort_field", "desktop_usage").extract().asString();
        given().contentType(ContentType.JSON).body(Map.of("from", "2031-03-09", "to", "2031-03-12"))
                .post("/_emulator/aggregations").then().statusCode(200)
                .body("days.day", contains("2031-03-09", "2031-03-10", "2031-03-11", "2031-03-12"))
                .body("days.points", contains(3, 3, 3, 3));
        assertEquals(before, query(project, "start_time", "2031-03-01T00:00:00Z", "end_time", "2031-03-13T00:00:00Z",
                "sort_field", "desktop_usage").extract().asString(), "aggregating again changes nothing");
        given().get("/_emulator/aggregations").then().statusCode(200)
                .body("days.find { it.day == '2031-03-09' }.runs", equalTo(2))
                .body("days.find { it.day == '2031-03-08' }.runs", equalTo(1));
    }

    /**
     * A catch-up over many days marks the days nothing touches in one step; a day touched only by a
     * zero-length session (still a login) or only by a failed login is not such a day, and every day is
     * aggregated once.
     */
    @Test
    void catchUpOverQuietDaysStillCountsLoginsFailuresAndUse() {
        given().delete("/_emulator/state").then().statusCode(200);
        freezeClock("2031-05-01T12:00:00Z");
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "d1", "created_at": "2031-04-01T00:00:00Z"}],
                  "sessions": [
                    {"resource_id": "d1", "user_name": "zero", "login_at": "2031-05-03T10:00:00Z", "logout_at": "2031-05-03T10:00:00Z"},
                    {"resource_id": "d1", "user_name": "used", "login_at": "2031-05-06T23:00:00Z", "logout_at": "2031-05-07T01:00:00Z"}],
                  "login_failures": [{"resource_id": "d1", "user_name": "failed", "at": "2031-05-05T08:00:00Z"}]}]}
                """.formatted(project));
        advance("P10D").body("aggregated_days", contains("2031-05-01", "2031-05-02", "2031-05-03", "2031-05-04",
                "2031-05-05", "2031-05-06", "2031-05-07", "2031-05-08", "2031-05-09", "2031-05-10"));
        assertEquals(List.of("zero 0.0 1.0 0.0"), usersOn("2031-05-03"));
        assertEquals(List.of(), usersOn("2031-05-04"));
        assertEquals(List.of("failed 0.0 0.0 1.0"), usersOn("2031-05-05"));
        assertEquals(List.of("used 3600.0 1.0 0.0"), usersOn("2031-05-06"));
        assertEquals(List.of("used 3600.0 0.0 0.0"), usersOn("2031-05-07"));
        assertEquals(0.0, usageOn("2031-05-05", "d1"));
        assertEquals(3600.0, usageOn("2031-05-06", "d1"));
        assertEquals(3600.0, usageOn("2031-05-07", "d1"));
        given().get("/_emulator/aggregations").then().statusCode(200)
                .body("days.size()", equalTo(180)).body("days.runs", everyItem(equalTo(1)));
    }

    /** "user usage success fail" of each user with figures on one day. */
    private List<String> usersOn(String day) {
        List<Map<String, Object>> items = given().queryParam("start_time", day + "T00:00:00Z").queryParam("end_time", day + "T23:59:59Z")
                .get("/v2/" + project + "/statistics/metrics/users").then().statusCode(200).extract().path("items");
        List<String> users = new ArrayList<>();
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> metric = (List<Map<String, Object>>) item.get("metric");
            users.add(item.get("username") + " " + metric.get(0).get("metric_value") + " " + metric.get(2).get("metric_value")
                    + " " + metric.get(3).get("metric_value"));
        }
        return users;
    }

    @Test
    void liveLoginAndLogoutAtTheClocksNow() {
        freezeClock("2026-06-14T08:00:00Z");
        sessions("");
        String base = "/_emulator/projects/" + project + "/desktops/d1";
        given().contentType(ContentType.JSON).body(Map.of("user_name", "alice")).post(base + "/login").then()
                .statusCode(201).body("login_at", equalTo("2026-06-14T08:00:00Z")).body("user_name", equalTo("alice"));
        given().contentType(ContentType.JSON).post(base + "/login").then().statusCode(409)
                .body("error_code", equalTo("EMU.0409"))
                .body("error_msg", equalTo("Desktop d1 is already in use since 2026-06-14T08:00:00Z; log out first."));
        advance("PT90M");
        given().post(base + "/logout").then().statusCode(200).body("logout_at", equalTo("2026-06-14T09:30:00Z"));
        given().post(base + "/logout").then().statusCode(409).body("error_msg", equalTo("Desktop d1 has no open session."));
        given().post("/_emulator/projects/" + project + "/desktops/ghost/login").then().statusCode(404)
                .body("error_code", equalTo("EMU.0404"));
        freezeClock("2026-06-15T02:00:00Z");
        assertEquals(5400.0, usageOn("2026-06-14", "d1"));
        given().get("/_emulator/fixtures?project_id=" + project).then()
                .body("projects[0].sessions[0].user_name", equalTo("alice"))
                .body("projects[0].sessions[0].logout_at", equalTo("2026-06-14T09:30:00Z"));
    }
}
