package io.wksemu.aggregation;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.freezeClock;
import static io.wksemu.TestSupport.load;
import static io.wksemu.TestSupport.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.wksemu.TestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every stored instant is kept to the whole second, its fraction dropped and never rounded (SEMANTICS.md
 * section 1): sessions, failed logins, live events at the clock's now, the clock itself and created_at.
 */
@QuarkusTest
class WholeSecondsTest {

    private static final String WHOLE_SECOND = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
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

    @Test
    void fixtureInstantsDropTheirFractions() {
        freezeClock("2027-08-03T12:00:00Z");
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "d1", "created_at": "2027-08-01T05:06:07.999-01:00"},
                               {"resource_id": "d2", "resource_name": "d2", "created_at": "2027-08-01T00:00:00Z"},
                               {"resource_id": "d3", "resource_name": "d3", "created_at": "2027-08-01T00:00:00Z"}],
                  "sessions": [
                    {"resource_id": "d1", "user_name": "a", "login_at": "2027-08-02T01:35:06.718+01:00"},
                    {"resource_id": "d2", "user_name": "b", "login_at": "2027-08-02T00:00:00Z", "logout_at": "2027-08-01T12:10:37.984-12:00"},
                    {"resource_id": "d3", "user_name": "c", "login_at": "2027-08-02T09:00:00.999Z", "logout_at": "2027-08-02T10:00:00Z"},
                    {"resource_id": "d3", "user_name": "c", "login_at": "2027-08-02T11:00:00.5Z", "logout_at": "now-PT24H59M58.5S"}],
                  "login_failures": [{"resource_id": "d1", "user_name": "a", "at": "2027-08-02T08:00:00.999-05:00"}]}]}
                """.formatted(project));
        assertEquals(84294.0, usageOn("2027-08-02", "d1"), "counted from 00:35:06, the fraction dropped");
        assertEquals(637.0, usageOn("2027-08-02", "d2"), "to 00:10:37, the fraction dropped");
        assertEquals(3600.0 + 1.0, usageOn("2027-08-02", "d3"), "09:00:00-10:00:00 and 11:00:00-11:00:01");
        given().get("/_emulator/fixtures?project_id=" + project).then().statusCode(200)
                .body("projects[0].desktops[0].created_at", equalTo("2027-08-01T06:06:07Z"))
                .body("projects[0].sessions.login_at", equalTo(List.of("2027-08-02T00:35:06Z", "2027-08-02T00:00:00Z",
                        "2027-08-02T09:00:00Z", "2027-08-02T11:00:00Z")))
                .body("projects[0].sessions.logout_at", equalTo(java.util.Arrays.asList(null, "2027-08-02T00:10:37Z",
                        "2027-08-02T10:00:00Z", "2027-08-02T11:00:01Z")))
                .body("projects[0].login_failures[0].at", equalTo("2027-08-02T13:00:00Z"));
    }

    @Test
    void sessionsInTheSameSecondAreOneSession() {
        freezeClock("2027-08-03T12:00:00Z");
        given().contentType(ContentType.JSON).body("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "d1", "created_at": "2027-08-01T00:00:00Z"}],
                  "sessions": [
                    {"resource_id": "d1", "user_name": "a", "login_at": "2027-08-02T09:00:00.100Z", "logout_at": "2027-08-02T10:00:00Z"},
                    {"resource_id": "d1", "user_name": "a", "login_at": "2027-08-02T09:00:00.900Z", "logout_at": "2027-08-02T11:00:00Z"}]}]}
                """.formatted(project)).post("/_emulator/fixtures").then().statusCode(400)
                .body("error_msg", equalTo("Invalid fixture: projects[0].sessions[1]: duplicate session of d1 logging in at "
                        + "2027-08-02T09:00:00Z"));
    }

    @Test
    void theClockAndLiveEventsDropTheirFractions() {
        freezeClock("2027-08-01T00:00:00Z");
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "d1", "created_at": "2027-08-01T00:00:00Z"}]}]}
                """.formatted(project));
        given().contentType(ContentType.JSON).body(Map.of("now", "2027-08-03T09:00:00.999Z", "frozen", true))
                .put("/_emulator/clock").then().statusCode(200).body("now", equalTo("2027-08-03T09:00:00Z"));
        given().get("/_emulator/clock").then().statusCode(200).body("now", equalTo("2027-08-03T09:00:00Z"));
        String base = "/_emulator/projects/" + project + "/desktops/d1";
        given().contentType(ContentType.JSON).body(Map.of("user_name", "alice")).post(base + "/login").then()
                .statusCode(201).body("login_at", equalTo("2027-08-03T09:00:00Z"));
        given().contentType(ContentType.JSON).body(Map.of("user_name", "bob", "failed", true)).post(base + "/login").then()
                .statusCode(201).body("at", equalTo("2027-08-03T09:00:00Z"));
        given().contentType(ContentType.JSON).body(Map.of("now", "2027-08-03T23:59:59.999-00:30", "frozen", true))
                .put("/_emulator/clock").then().statusCode(200).body("now", equalTo("2027-08-04T00:29:59Z"));
        given().post(base + "/logout").then().statusCode(200).body("logout_at", equalTo("2027-08-04T00:29:59Z"));
        given().get("/_emulator/fixtures?project_id=" + project).then()
                .body("projects[0].sessions[0].login_at", equalTo("2027-08-03T09:00:00Z"))
                .body("projects[0].sessions[0].logout_at", equalTo("2027-08-04T00:29:59Z"))
                .body("projects[0].login_failures[0].at", equalTo("2027-08-03T09:00:00Z"));
        freezeClock("2027-08-05T03:00:00Z");
        assertEquals(54000.0, usageOn("2027-08-03", "d1"));
        assertEquals(1799.0, usageOn("2027-08-04", "d1"));
    }

    @Test
    void aRunningClockAndLiveEventsOnItReadWholeSeconds() {
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "d1", "created_at": "2020-01-01T00:00:00Z"}]}]}
                """.formatted(project));
        given().contentType(ContentType.JSON).body(Map.of("now", "2027-08-03T09:00:00.999Z", "frozen", false))
                .put("/_emulator/clock").then().statusCode(200).body("now", matchesPattern(WHOLE_SECOND));
        given().get("/_emulator/clock").then().statusCode(200).body("now", matchesPattern(WHOLE_SECOND));
        String base = "/_emulator/projects/" + project + "/desktops/d1";
        given().contentType(ContentType.JSON).body(Map.of("user_name", "alice")).post(base + "/login").then()
                .statusCode(201).body("login_at", matchesPattern(WHOLE_SECOND));
        given().post(base + "/logout").then().statusCode(200).body("logout_at", matchesPattern(WHOLE_SECOND));
    }
}
