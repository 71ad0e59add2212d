package io.wksemu.stats;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.freezeClock;
import static io.wksemu.TestSupport.load;
import static io.wksemu.TestSupport.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.wksemu.TestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The result semantics of ListUserUsageMetric (SEMANTICS.md section 8) over sessions loaded through
 * fixtures, with exact bodies. The clock is frozen at 2026-06-15T12:00Z: the last due day is 06-14 and the
 * 30-day window starts on 05-16.
 */
@QuarkusTest
class UserQuerySemanticsTest {

    /** The whole 30-day window and more: a longer range is cut to the window, not refused. */
    private static final String START = "2026-01-01T00:00:00Z";
    private static final String END = "2026-12-31T00:00:00Z";

    private String project;

    @BeforeEach
    void freeze() {
        freezeClock(TestSupport.NOW);
        project = newProject();
    }

    /** Tests here move the clock; the next test class finds it where every test starts. */
    @AfterEach
    void restoreClock() {
        freezeClock(TestSupport.NOW);
    }

    /** Loads desktops d1, d2 and d3 (created long ago) with the given sessions. */
    private void sessions(String sessions) {
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [
                    {"resource_id": "d1", "resource_name": "one", "created_at": "today-100d"},
                    {"resource_id": "d2", "resource_name": "two", "created_at": "today-100d"},
                    {"resource_id": "d3", "resource_name": "three", "created_at": "today-100d"}],
                  "sessions": [%s]}]}
                """.formatted(project, sessions));
    }

    private static String session(String desktop, String user, String login, String logout) {
        return """
                {"resource_id": "%s", "user_name": "%s", "login_at": "%s", "logout_at": %s}"""
                .formatted(desktop, user, login, logout == null ? "null" : "\"" + logout + "\"");
    }

    static ValidatableResponse users(String project, Object... params) {
        RequestSpecification spec = given();
        for (int i = 0; i < params.length; i += 2) {
            spec = spec.queryParam((String) params[i], params[i + 1]);
        }
        return spec.get("/v2/" + project + "/statistics/metrics/users").then();
    }

    private ValidatableResponse all(Object... params) {
        Object[] withRange = new Object[params.length + 4];
        withRange[0] = "start_time";
        withRange[1] = START;
        withRange[2] = "end_time";
        withRange[3] = END;
        System.arraycopy(params, 0, withRange, 4, params.length);
        return users(project, withRange);
    }

    /** The exact body a page of users serialises to. */
    static String body(int count, String... items) {
        return "{\"count\":" + count + ",\"items\":[" + String.join(",", items) + "]}";
    }

    static String user(String name, long usageSeconds, int success, int fail) {
        return "{\"username\":\"" + name + "\",\"metric\":["
                + "{\"metric_name\":\"user_usage\",\"metric_value\":" + (double) usageSeconds + "},"
                + "{\"metric_name\":\"user_login_count\",\"metric_value\":" + (double) (success + fail) + "},"
                + "{\"metric_name\":\"user_login_success_count\",\"metric_value\":" + (double) success + "},"
                + "{\"metric_name\":\"user_login_fail_count\",\"metric_value\":" + (double) fail + "}]}";
    }

    private void assertBody(ValidatableResponse response, String expected) {
        assertEquals(expected, response.statusCode(200).contentType("application/json")
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}")).extract().asString());
    }

    @Test
    void aSessionAcrossMidnightIsCutAndItsLoginCountsOnTheDayItStarts() {
        sessions(session("d1", "alice", "2026-06-10T22:00:00Z", "2026-06-11T01:00:00Z"));
        assertBody(all(), body(1, user("alice", 10800, 1, 0)));
        assertBody(users(project, "start_time", "2026-06-10T00:00:00Z", "end_time", "2026-06-10T23:59:59Z"),
                body(1, user("alice", 7200, 1, 0)));
        // 06-11 alone: the hour after midnight, no login started that day, still listed for its use
        assertBody(users(project, "start_time", "2026-06-11T00:00:00Z", "end_time", "2026-06-11T23:59:59Z"),
                body(1, user("alice", 3600, 0, 0)));
    }

    @Test
    void overlappingSessionsOnOneDesktopAreAUnionButOnTwoDesktopsTheyAddUp() {
        sessions(String.join(",",
                session("d1", "alice", "2026-06-12T09:00:00Z", "2026-06-12T12:00:00Z"),
                session("d1", "alice", "2026-06-12T11:00:00Z", "2026-06-12T13:00:00Z"),
                session("d2", "bob", "2026-06-12T09:00:00Z", "2026-06-12T12:00:00Z"),
                session("d3", "bob", "2026-06-12T10:00:00Z", "2026-06-12T12:00:00Z")));
        // alice: 09:00-13:00 on d1 = 4 h; bob: 3 h on d2 plus 2 h on d3 at the same time = 5 h
        assertBody(all(), body(2, user("alice", 14400, 2, 0), user("bob", 18000, 2, 0)));
    }

    @Test
    void anOpenSessionCountsToTheEndOfEachDueDay() {
        sessions(session("d1", "carol", "2026-06-13T20:00:00Z", null));
        // 06-13 from 20:00 (4 h) and all of 06-14; 06-15 is not due yet
        assertBody(all(), body(1, user("carol", 4 * 3600 + 86400, 1, 0)));
        freezeClock("2026-06-16T02:00:00Z");
        assertBody(all(), body(1, user("carol", 4 * 3600 + 2 * 86400, 1, 0)));
    }

    @Test
    void aLoginWithoutUseIsListedWithZeroSeconds() {
        sessions(session("d1", "dave", "2026-06-12T09:00:00Z", "2026-06-12T09:00:00Z"));
        assertBody(all(), body(1, user("dave", 0, 1, 0)));
    }

    @Test
    void theWindowHoldsTodayMinus30ButNotTodayMinus31() {
        sessions(String.join(",",
                session("d1", "old", "2026-05-15T10:00:00Z", "2026-05-15T11:00:00Z"),
                session("d1", "edge", "2026-05-16T10:00:00Z", "2026-05-16T11:00:00Z"),
                session("d2", "edge", "2026-05-15T23:00:00Z", "2026-05-16T00:30:00Z")));
        // edge: 1 h on 05-16 plus the half hour after midnight of a session started on 05-15 (its login is outside)
        assertBody(all(), body(1, user("edge", 5400, 1, 0)));
        // the range may start long before the window: it is cut, not refused
        assertBody(users(project, "start_time", "2026-05-15T23:59:59Z", "end_time", "2026-05-16T23:59:59Z"),
                body(1, user("edge", 5400, 1, 0)));
    }

    @Test
    void yesterdayIsInvisibleBefore0200AndVisibleAfter() {
        sessions(String.join(",",
                session("d1", "alice", "2026-06-13T10:00:00Z", "2026-06-13T10:01:00Z"),
                session("d1", "alice", "2026-06-14T10:00:00Z", "2026-06-14T11:00:00Z")));
        freezeClock("2026-06-15T01:59:59Z");
        assertBody(all(), body(1, user("alice", 60, 1, 0)));
        freezeClock("2026-06-15T02:00:00Z");
        assertBody(all(), body(1, user("alice", 3660, 2, 0)));
    }

    @Test
    void aRangeWithoutADayStampIsEmpty() {
        sessions(session("d1", "alice", "2026-06-10T10:00:00Z", "2026-06-10T11:00:00Z"));
        assertBody(users(project, "start_time", "2026-06-10T00:00:00Z", "end_time", "2026-06-10T23:59:58Z"), body(0));
        assertBody(users(project, "start_time", "2026-06-10T23:59:59Z", "end_time", "2026-06-10T23:59:59Z"),
                body(1, user("alice", 3600, 1, 0)));
        // the stamp of 06-10 is 2026-06-11T07:59:59+08:00
        assertBody(users(project, "start_time", "2026-06-11T07:59:59+08:00", "end_time", "2026-06-11T07:59:59.5+08:00"),
                body(1, user("alice", 3600, 1, 0)));
        // a range wholly before the window, or wholly in days not due yet
        assertBody(users(project, "start_time", "2026-04-01T00:00:00Z", "end_time", "2026-05-15T23:59:59Z"), body(0));
        assertBody(users(project, "start_time", "2026-06-15T00:00:00Z", "end_time", "2026-06-20T00:00:00Z"), body(0));
    }

    @Test
    void usernameMatchesCaseInsensitiveSubstringsWithWildcardsTakenLiterally() {
        sessions(String.join(",",
                session("d1", "Sales%Anna", "2026-06-10T10:00:00Z", "2026-06-10T10:00:01Z"),
                session("d1", "salesXanna", "2026-06-10T11:00:00Z", "2026-06-10T11:00:02Z"),
                session("d1", "ops_01", "2026-06-10T12:00:00Z", "2026-06-10T12:00:03Z"),
                session("d1", "opsA01", "2026-06-10T13:00:00Z", "2026-06-10T13:00:04Z"),
                session("d1", "back\\\\slash", "2026-06-10T14:00:00Z", "2026-06-10T14:00:05Z")));
        assertBody(all("username", "s%a"), body(1, user("Sales%Anna", 1, 1, 0)));
        assertBody(all("username", "SALES"), body(2, user("Sales%Anna", 1, 1, 0), user("salesXanna", 2, 1, 0)));
        assertBody(all("username", "s_0"), body(1, user("ops_01", 3, 1, 0)));
        assertBody(all("username", "k\\s"), body(1, user("back\\\\slash", 5, 1, 0)));
        // an empty username is no filter
        all("username", "").body("count", equalTo(5));
    }

    @Test
    void usageHoursFilterIsInclusiveOnSeconds() {
        sessions(String.join(",",
                session("d1", "a", "2026-06-10T08:00:00Z", "2026-06-10T10:00:00Z"),
                session("d2", "b", "2026-06-10T08:00:00Z", "2026-06-10T09:00:00Z"),
                session("d3", "c", "2026-06-10T08:00:00Z", "2026-06-10T08:59:59Z")));
        assertBody(all("usage_min_hours", 1, "usage_max_hours", 2), body(2, user("a", 7200, 1, 0), user("b", 3600, 1, 0)));
        assertBody(all("usage_max_hours", 1), body(2, user("b", 3600, 1, 0), user("c", 3599, 1, 0)));
        assertBody(all("usage_min_hours", 3), body(0));
        assertBody(all("usage_min_hours", 0, "usage_max_hours", 0), body(0));
    }

    @Test
    void sortsByUsageWithTiesByUsernameAndDefaultsToUsernameOrder() {
        sessions(String.join(",",
                session("d1", "zeta", "2026-06-10T08:00:00Z", "2026-06-10T08:05:00Z"),
                session("d1", "beta", "2026-06-10T09:00:00Z", "2026-06-10T09:01:00Z"),
                session("d2", "alpha", "2026-06-10T09:00:00Z", "2026-06-10T09:01:00Z"),
                session("d3", "mid", "2026-06-10T09:00:00Z", "2026-06-10T09:00:00Z")));
        String zeta = user("zeta", 300, 1, 0);
        String beta = user("beta", 60, 1, 0);
        String alpha = user("alpha", 60, 1, 0);
        String mid = user("mid", 0, 1, 0);
        assertBody(all(), body(4, alpha, beta, mid, zeta));
        assertBody(all("sort_field", "user_usage"), body(4, zeta, alpha, beta, mid));
        assertBody(all("sort_field", "user_usage", "sort_type", "DESC"), body(4, zeta, alpha, beta, mid));
        assertBody(all("sort_field", "user_usage", "sort_type", "ASC"), body(4, mid, alpha, beta, zeta));
    }

    @Test
    void pagingReturnsEachUserExactlyOnceAndCountsBeforePaging() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            // user i uses (i % 5) minutes on day 05-20 + i
            String day = java.time.LocalDate.of(2026, 5, 20).plusDays(i).toString();
            list.append(i == 0 ? "" : ",").append(session("d" + (1 + i % 3), "u%02d".formatted(i),
                    day + "T10:00:00Z", day + "T10:%02d:00Z".formatted(i % 5)));
        }
        sessions(list.toString());
        for (boolean sorted : List.of(false, true)) {
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < 30; offset += 10) {
                var page = sorted ? all("offset", offset, "limit", 10, "sort_field", "user_usage")
                        : all("offset", offset, "limit", 10);
                List<String> names = page.statusCode(200).body("count", equalTo(25)).extract().path("items.username");
                seen.addAll(names);
            }
            List<String> expected = new ArrayList<>();
            if (!sorted) {
                for (int i = 0; i < 25; i++) {
                    expected.add("u%02d".formatted(i));
                }
            } else {
                for (int minutes = 4; minutes >= 0; minutes--) {
                    for (int i = minutes; i < 25; i += 5) {
                        expected.add("u%02d".formatted(i));
                    }
                }
            }
            assertEquals(expected, seen);
        }
        assertBody(all("offset", 25), body(25));
        assertBody(all("offset", 2147483646), body(25));
        all().body("items.size()", equalTo(10));
        assertBody(all("limit", 1, "sort_field", "user_usage", "sort_type", "ASC"), body(25, user("u00", 0, 1, 0)));
    }

    @Test
    void anUnknownProjectIsAnEmptyResult() {
        assertBody(users(newProject(), "start_time", START, "end_time", END), body(0));
    }

    @Test
    void aWriteIsVisibleToTheNextQuery() {
        sessions(session("d1", "alice", "2026-06-10T10:00:00Z", "2026-06-10T11:00:00Z"));
        assertBody(all(), body(1, user("alice", 3600, 1, 0)));
        load("""
                {"projects": [{"project_id": "%s", "sessions": [%s]}]}
                """.formatted(project, session("d2", "alice", "2026-06-11T10:00:00Z", "2026-06-11T10:30:00Z")));
        assertBody(all(), body(1, user("alice", 5400, 2, 0)));
        // reloading the same sessions changes nothing
        load("""
                {"projects": [{"project_id": "%s", "sessions": [%s]}]}
                """.formatted(project, session("d2", "alice", "2026-06-11T10:00:00Z", "2026-06-11T10:30:00Z")));
        assertBody(all(), body(1, user("alice", 5400, 2, 0)));
    }

    @Test
    void explicitDesktopPointsHaveNoUserAndAddNothing() {
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "one", "created_at": "today-10d"}],
                  "daily_usage": [{"resource_id": "d1", "day": "today-2d", "usage_seconds": 3600}]}]}
                """.formatted(project));
        assertBody(all(), body(0));
    }

    @Test
    void loginsAndFailuresAreCountedByTheDayTheyHappen() {
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [
                    {"resource_id": "d1", "resource_name": "one", "created_at": "2026-06-12T00:00:00Z"},
                    {"resource_id": "d2", "resource_name": "two", "created_at": "today-100d"}],
                  "sessions": [
                    {"resource_id": "d1", "user_name": "alice", "login_at": "2026-06-12T09:00:00Z", "logout_at": "2026-06-12T10:00:00Z"},
                    {"resource_id": "d2", "user_name": "alice", "login_at": "2026-06-13T09:00:00Z", "logout_at": "2026-06-13T09:30:00Z"}],
                  "login_failures": [
                    {"resource_id": "d1", "user_name": "alice", "at": "2026-06-12T08:59:00Z"},
                    {"resource_id": "d1", "user_name": "alice", "at": "2026-06-12T08:59:00.700Z"},
                    {"resource_id": "d1", "user_name": "alice", "at": "2026-06-12T08:59:01Z"},
                    {"resource_id": "d2", "user_name": "alice", "at": "2026-06-13T08:00:00Z"},
                    {"resource_id": "d1", "user_name": "mallory", "at": "2026-06-01T03:00:00Z"},
                    {"resource_id": "d2", "user_name": "mallory", "at": "2026-06-14T23:59:59Z"}]}]}
                """.formatted(project));
        // alice: 2 logins, 3 failures (two in the same second of the same desktop are one attempt);
        // mallory: only failures, one before d1's creation (failures are not tied to it)
        assertBody(all(), body(2, user("alice", 5400, 2, 3), user("mallory", 0, 0, 2)));
        assertBody(users(project, "start_time", "2026-06-12T00:00:00Z", "end_time", "2026-06-12T23:59:59Z"),
                body(1, user("alice", 3600, 1, 2)));
        assertBody(users(project, "start_time", "2026-06-13T23:59:59Z", "end_time", "2026-06-15T00:00:00Z"),
                body(2, user("alice", 1800, 1, 1), user("mallory", 0, 0, 1)));
        assertBody(all("sort_field", "user_usage", "sort_type", "ASC", "username", "MAL"), body(1, user("mallory", 0, 0, 2)));
    }

    @Test
    void loginFailuresRoundTripThroughExport() {
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "one", "created_at": "2026-06-01T00:00:00Z"}],
                  "login_failures": [
                    {"resource_id": "d1", "user_name": "bob", "at": "2026-06-10T08:00:00.900+02:00"},
                    {"resource_id": "d1", "user_name": "bob", "at": "today-1d+07:00"}]}]}
                """.formatted(project));
        String exported = given().get("/_emulator/fixtures?project_id=" + project).then().statusCode(200).extract().asString();
        assertEquals("{\"projects\":[{\"project_id\":\"" + project + "\",\"desktops\":[{\"resource_id\":\"d1\","
                + "\"resource_name\":\"one\",\"created_at\":\"2026-06-01T00:00:00Z\"}],\"sessions\":[],\"daily_usage\":[],"
                + "\"login_failures\":[{\"resource_id\":\"d1\",\"user_name\":\"bob\",\"at\":\"2026-06-10T06:00:00Z\"},"
                + "{\"resource_id\":\"d1\",\"user_name\":\"bob\",\"at\":\"2026-06-14T07:00:00Z\"}]}]}", exported);
        assertBody(all(), body(1, user("bob", 0, 0, 2)));
        given().contentType("application/json").body(exported).post("/_emulator/fixtures?reset=true").then().statusCode(200)
                .body("login_failures", equalTo(2));
        assertEquals(exported, given().get("/_emulator/fixtures?project_id=" + project).then().extract().asString());
        assertBody(all(), body(1, user("bob", 0, 0, 2)));
    }

    @Test
    void aLoginFailureNamesAKnownDesktop() {
        given().contentType("application/json").body("""
                {"projects": [{"project_id": "%s",
                  "login_failures": [{"resource_id": "ghost", "user_name": "bob", "at": "today-1d+07:00"}]}]}
                """.formatted(project)).post("/_emulator/fixtures").then().statusCode(400)
                .body("error_code", equalTo("EMU.0400"))
                .body("error_msg", equalTo("Invalid fixture: project " + project
                        + " login_failures[0].resource_id: unknown desktop; list it under desktops"));
    }

    @Test
    void theAdminLoginRecordsAFailedAttemptWithoutOpeningASession() {
        sessions("");
        freezeClock("2026-06-14T09:30:00.250Z");
        String login = "/_emulator/projects/" + project + "/desktops/d1/login";
        String failed = given().body("{\"user_name\":\"alice\",\"failed\":true}").post(login).then().statusCode(201)
                .contentType("application/json").extract().asString();
        assertEquals("{\"project_id\":\"" + project + "\",\"resource_id\":\"d1\",\"user_name\":\"alice\","
                + "\"at\":\"2026-06-14T09:30:00Z\",\"failed\":true}", failed);
        // the same second again is the same attempt; the desktop is still free for a real login
        given().body("{\"user_name\":\"alice\",\"failed\":true}").post(login).then().statusCode(201);
        freezeClock("2026-06-14T09:31:00Z");
        given().body("{\"user_name\":\"alice\",\"failed\":false}").post(login).then().statusCode(201)
                .body("login_at", equalTo("2026-06-14T09:31:00Z"));
        freezeClock("2026-06-14T10:31:00Z");
        given().post("/_emulator/projects/" + project + "/desktops/d1/logout").then().statusCode(200);
        given().body("{\"user_name\":\"alice\",\"failed\":\"yes\"}").post(login).then().statusCode(400)
                .body("error_code", equalTo("EMU.0400"));
        given().body("{\"user_name\":\"alice\",\"failed\":true}").post("/_emulator/projects/" + project
                + "/desktops/ghost/login").then().statusCode(404);
        // 06-14 becomes queryable at 06-15 02:00
        freezeClock(TestSupport.NOW);
        assertBody(all(), body(1, user("alice", 3600, 1, 1)));
    }
}
