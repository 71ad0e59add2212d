package io.wksemu.admin;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.freezeClock;
import static io.wksemu.TestSupport.load;
import static io.wksemu.TestSupport.newProject;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.wksemu.TestSupport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What any client may send to the admin API (SEMANTICS.md section 7): ranges of instants and days, text
 * rules, bodies whatever their content type, JSON problems said in the user's terms, days not due yet.
 */
@QuarkusTest
class AdminRobustnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RANGE = "1970-01-01T00:00:00Z .. 9999-12-31T23:59:59Z";
    private static final String NAME_RULE = "1-128 characters, not blank, no control characters";

    private String project;

    @BeforeEach
    void setUp() {
        freezeClock(TestSupport.NOW);
        project = newProject();
    }

    @AfterEach
    void backToSystemTime() {
        given().delete("/_emulator/clock").then().statusCode(200);
    }

    private static String error(String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error_code", "EMU.0400");
        body.put("error_msg", message);
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 400 with exactly this message, as JSON, with a request id. */
    private static void refused(Response response, String message) {
        response.then().statusCode(400).contentType("application/json")
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
        assertEquals(error(message), response.asString());
    }

    private static RequestSpecification json(String body) {
        return given().contentType("application/json").body(body);
    }

    private static void clockReads(String now) {
        given().get("/_emulator/clock").then().statusCode(200).body("now", equalTo(now));
    }

    @Test
    void clockValuesOutsideTheRangeAreRefusedAndNothingIsStored() {
        refused(json("{\"now\":\"+10000-01-01T00:00:00Z\"}").put("/_emulator/clock"),
                "now: +10000-01-01T00:00:00Z is outside " + RANGE + "; nothing was changed.");
        refused(json("{\"now\":\"0000-01-01T00:00:00Z\"}").put("/_emulator/clock"),
                "now: 0000-01-01T00:00:00Z is outside " + RANGE + "; nothing was changed.");
        refused(json("{\"now\":\"+999999999-12-31T23:59:59Z\",\"frozen\":false}").put("/_emulator/clock"),
                "now: +999999999-12-31T23:59:59Z is outside " + RANGE + "; nothing was changed.");
        refused(json("{\"by\":\"P1000000000D\"}").post("/_emulator/clock/advance"),
                "by: moving the clock from 2026-06-15T12:00:00Z by PT24000000000H leaves " + RANGE + "; nothing was changed.");
        refused(json("{\"by\":\"-P1000000000D\"}").post("/_emulator/clock/advance"),
                "by: moving the clock from 2026-06-15T12:00:00Z by PT-24000000000H leaves " + RANGE + "; nothing was changed.");
        refused(json("{\"by\":\"PT9223372036854775807S\"}").post("/_emulator/clock/advance"),
                "by: moving the clock from 2026-06-15T12:00:00Z by PT2562047788015215H30M7S leaves " + RANGE
                        + "; nothing was changed.");
        refused(json("{\"by\":\"P99999999999999999D\"}").post("/_emulator/clock/advance"),
                "by: must be an ISO-8601 duration such as PT26H or P3D");
        clockReads(TestSupport.NOW);
        // the bounds themselves are accepted and read back
        json("{\"now\":\"9999-12-31T23:59:59Z\"}").put("/_emulator/clock").then().statusCode(200)
                .body("now", equalTo("9999-12-31T23:59:59Z"));
        refused(json("{\"by\":\"PT1S\"}").post("/_emulator/clock/advance"),
                "by: moving the clock from 9999-12-31T23:59:59Z by PT1S leaves " + RANGE + "; nothing was changed.");
        json("{\"now\":\"1970-01-01T00:00:00Z\"}").put("/_emulator/clock").then().statusCode(200)
                .body("now", equalTo("1970-01-01T00:00:00Z"));
        clockReads("1970-01-01T00:00:00Z");
    }

    @Test
    void controlCharactersAreRefusedInIdsNamesAndUserNames() {
        String desktops = "\"desktops\": [{\"resource_id\": \"d1\", \"resource_name\": \"ok\"}]";
        refused(json("{\"projects\": [{\"project_id\": \"p\\u0000\", " + desktops + "}]}").post("/_emulator/fixtures"),
                "Invalid fixture: projects[0].project_id: 1-64 letters, digits, '-' or '_'");
        refused(json("{\"projects\": [{\"project_id\": \"" + project + "\", \"desktops\": [{\"resource_id\": \"d1\", "
                + "\"resource_name\": \"a\\u0000b\"}]}]}").post("/_emulator/fixtures"),
                "Invalid fixture: projects[0].desktops[0].resource_name: " + NAME_RULE);
        refused(json("{\"projects\": [{\"project_id\": \"" + project + "\", \"desktops\": [{\"resource_id\": \"d\\u007f\", "
                + "\"resource_name\": \"ok\"}]}]}").post("/_emulator/fixtures"),
                "Invalid fixture: projects[0].desktops[0].resource_id: 1-64 letters, digits, '-', '_', '.' or ':'");
        refused(json("{\"projects\": [{\"project_id\": \"" + project + "\", " + desktops + ", \"sessions\": [{\"resource_id\": "
                + "\"d1\", \"user_name\": \"al\\u001fice\", \"login_at\": \"today-1d+09:00\"}]}]}").post("/_emulator/fixtures"),
                "Invalid fixture: projects[0].sessions[0].user_name: " + NAME_RULE);
        load("{\"projects\": [{\"project_id\": \"" + project + "\", " + desktops + "}]}");
        String login = "/_emulator/projects/" + project + "/desktops/d1/login";
        refused(json("{\"user_name\": \"bob\\u0000\"}").post(login), "user_name: " + NAME_RULE);
        refused(json("{\"user_name\": \"   \"}").post(login), "user_name: " + NAME_RULE);
        refused(given().post("/_emulator/projects/p%00/desktops/d1/login"), "project_id: 1-64 letters, digits, '-' or '_'");
        refused(given().post("/_emulator/projects/" + project + "/desktops/d%01/logout"),
                "resource_id: 1-64 letters, digits, '-', '_', '.' or ':'");
        refused(given().get("/_emulator/fixtures?project_id=%00"), "project_id: 1-64 letters, digits, '-' or '_'");
        refused(given().delete("/_emulator/state?project_id=a%00b"), "project_id: 1-64 letters, digits, '-' or '_'");
        refused(given().delete("/_emulator/state?project_id=" + project + "&reseed=yes"), "reseed: must be true or false");
        given().get("/_emulator/fixtures?project_id=" + project).then().statusCode(200)
                .body("projects[0].sessions.size()", equalTo(0));
    }

    @Test
    void loginKeepsTheFixturesLengthLimitSoAnExportAlwaysLoadsBack() {
        load("{\"projects\": [{\"project_id\": \"" + project + "\", \"desktops\": [{\"resource_id\": \"d1\", "
                + "\"resource_name\": \"ok\", \"created_at\": \"today-3d\"}]}]}");
        String login = "/_emulator/projects/" + project + "/desktops/d1/login";
        refused(json("{\"user_name\": \"" + "u".repeat(300) + "\"}").post(login), "user_name: " + NAME_RULE);
        refused(json("{\"user_name\": \"" + "u".repeat(129) + "\"}").post(login), "user_name: " + NAME_RULE);
        String longest = "ü".repeat(128);
        given().contentType("application/json").body("{\"user_name\": \"" + longest + "\"}").post(login).then()
                .statusCode(201).body("user_name", equalTo(longest));
        String export = given().get("/_emulator/fixtures?project_id=" + project).then().statusCode(200).extract().asString();
        given().delete("/_emulator/state?project_id=" + project).then().statusCode(200);
        json(export).post("/_emulator/fixtures").then().statusCode(200).body("sessions", equalTo(1));
        assertEquals(export, given().get("/_emulator/fixtures?project_id=" + project).asString());
    }

    @Test
    void fixtureInstantsAndDaysOutsideTheRangeAreRefused() {
        String head = "{\"projects\": [{\"project_id\": \"" + project + "\", \"desktops\": [{\"resource_id\": \"d1\", \"resource_name\": \"ok\"";
        refused(json(head + "}], \"daily_usage\": [{\"resource_id\": \"d1\", \"day\": \"+999999999-12-31\", \"usage_seconds\": 1}]}]}")
                        .post("/_emulator/fixtures"),
                "Invalid fixture: projects[0].daily_usage[0].day: '+999999999-12-31' is +999999999-12-31, outside 1970-01-01 .. 9999-12-31");
        refused(json(head + "}], \"daily_usage\": [{\"resource_id\": \"d1\", \"day\": \"-999999999-01-01\", \"usage_seconds\": 1}]}]}")
                        .post("/_emulator/fixtures"),
                "Invalid fixture: projects[0].daily_usage[0].day: '-999999999-01-01' is -999999999-01-01, outside 1970-01-01 .. 9999-12-31");
        refused(json(head + "}], \"daily_usage\": [{\"resource_id\": \"d1\", \"day\": \"+290000-01-01\", \"usage_seconds\": 1}]}]}")
                        .post("/_emulator/fixtures"),
                "Invalid fixture: projects[0].daily_usage[0].day: '+290000-01-01' is +290000-01-01, outside 1970-01-01 .. 9999-12-31");
        refused(json(head + ", \"created_at\": \"now+P1000000000D\"}]}]}").post("/_emulator/fixtures"),
                "Invalid fixture: projects[0].desktops[0].created_at: 'now+P1000000000D' is +2739933-06-18T12:00:00Z, outside " + RANGE);
        refused(json(head + ", \"created_at\": \"1969-12-31T23:59:59Z\"}]}]}").post("/_emulator/fixtures"),
                "Invalid fixture: projects[0].desktops[0].created_at: '1969-12-31T23:59:59Z' is 1969-12-31T23:59:59Z, outside " + RANGE);
        refused(json(head + "}], \"sessions\": [{\"resource_id\": \"d1\", \"user_name\": \"u\", \"login_at\": \"today-1d\", "
                        + "\"logout_at\": \"+10000-01-01T00:00:00Z\"}]}]}").post("/_emulator/fixtures"),
                "Invalid fixture: projects[0].sessions[0].logout_at: '+10000-01-01T00:00:00Z' is +10000-01-01T00:00:00Z, outside " + RANGE);
        given().get("/_emulator/fixtures?project_id=" + project).then().statusCode(404);
    }

    @Test
    void theEdgesOfTheRangeStoreExportAndLoadBack() {
        load("{\"projects\": [{\"project_id\": \"" + project + "\", \"desktops\": [{\"resource_id\": \"d1\", \"resource_name\": \"ok\"}],"
                + " \"daily_usage\": [{\"resource_id\": \"d1\", \"day\": \"9999-12-31\", \"usage_seconds\": 5},"
                + " {\"resource_id\": \"d1\", \"day\": \"1970-01-01\", \"usage_seconds\": 7}]}]}");
        String export = given().get("/_emulator/fixtures?project_id=" + project).then().statusCode(200)
                .body("projects[0].desktops[0].created_at", equalTo("1970-01-01T00:00:00Z"))
                .extract().asString();
        given().delete("/_emulator/state?project_id=" + project).then().statusCode(200);
        json(export).post("/_emulator/fixtures").then().statusCode(200);
        assertEquals(export, given().get("/_emulator/fixtures?project_id=" + project).asString());
        TestSupport.queryAll(project).statusCode(200).body("count", equalTo(1));
    }

    @Test
    void aggregationRequestsForDaysOutsideTheRangeOrNotDueAreRefused() {
        refused(json("{\"day\": \"0000-01-01\"}").post("/_emulator/aggregations"), "day: 0000-01-01 is outside 1970-01-01 .. 9999-12-31");
        refused(json("{\"from\": \"2026-06-01\", \"to\": \"+999999999-12-31\"}").post("/_emulator/aggregations"),
                "to: +999999999-12-31 is outside 1970-01-01 .. 9999-12-31");
        refused(json("{\"day\": \"2026-06-15\"}").post("/_emulator/aggregations"),
                "Day 2026-06-15 is not due yet: it becomes due at 2026-06-16T02:00:00Z (the clock reads 2026-06-15T12:00:00Z); "
                        + "nothing was aggregated.");
        refused(json("{\"from\": \"2026-06-13\", \"to\": \"2026-06-16\"}").post("/_emulator/aggregations"),
                "Day 2026-06-16 is not due yet: it becomes due at 2026-06-17T02:00:00Z (the clock reads 2026-06-15T12:00:00Z); "
                        + "nothing was aggregated.");
        given().get("/_emulator/aggregations").then().statusCode(200)
                .body("days.day", not(hasItem("2026-06-15"))).body("days.day", not(hasItem("2026-06-16")));
        freezeClock("2026-06-16T02:00:00Z"); // now it is due
        json("{\"day\": \"2026-06-15\"}").post("/_emulator/aggregations").then().statusCode(200)
                .body("days[0].day", equalTo("2026-06-15"));
    }

    @Test
    void adminBodiesAreJsonWhateverTheirContentType() {
        for (String type : new String[] {"text/plain", "application/xml", "garbage", "application/json; charset=nope"}) {
            given().contentType(type).body("{\"now\": \"2026-06-14T12:00:00Z\"}".getBytes(StandardCharsets.UTF_8))
                    .put("/_emulator/clock").then()
                    .statusCode(200).body("now", equalTo("2026-06-14T12:00:00Z"));
        }
        given().contentType("text/plain").body(("{\"projects\": [{\"project_id\": \"" + project
                + "\", \"desktops\": [{\"resource_id\": \"d1\", \"resource_name\": \"ok\"}]}]}").getBytes(StandardCharsets.UTF_8)).post("/_emulator/fixtures")
                .then().statusCode(200).body("desktops", equalTo(1));
        refused(given().contentType("application/xml").body("<now/>".getBytes(StandardCharsets.UTF_8)).put("/_emulator/clock"), "Invalid JSON at line 1, column 2.");
    }

    @Test
    void jsonProblemsAreSaidInTheUsersTerms() {
        refused(json("{\"now\":").put("/_emulator/clock"), "Invalid JSON at line 1, column 8: the document ends too early.");
        refused(json("{\"now\": \"2026-06-14T12:00:00Z\", \"now\": \"x\"}").put("/_emulator/clock"),
                "Invalid JSON at line 1, column 38: a field is given twice.");
        refused(json("{\"now\": 5}").put("/_emulator/clock"), "now: must be a string");
        refused(json("{\"now\": \"2026-06-14T12:00:00Z\", \"frozen\": \"yes\"}").put("/_emulator/clock"), "frozen: must be true or false");
        refused(json("{\"now\": \"2026-06-14T12:00:00Z\", \"later\": 1}").put("/_emulator/clock"), "later: unknown field (allowed: frozen, now)");
        refused(json("").put("/_emulator/clock"), "$: a JSON body is required");
        refused(json("[]").put("/_emulator/clock"), "$: must be a JSON object");
        refused(json("{}").put("/_emulator/clock"), "now: required: an ISO-8601 instant such as 2026-11-01T09:00:00Z");
        refused(json("{\"status\": 99999999999999999999}").post("/_emulator/faults"), "status: number out of range.");
        refused(json("{\"status\": 1" + "0".repeat(2000) + "}").post("/_emulator/faults"),
                "Invalid JSON: the document is nested too deeply or holds a number or string too long.");
        refused(json("{\"status\": 503.5}").post("/_emulator/faults"), "status: must be an integer");
        refused(json("{\"status\": \"503\"}").post("/_emulator/faults"), "status: must be an integer");
        String document = "{\"projects\": [{\"project_id\": \"" + project + "\", \"desktops\": [{\"resource_id\": \"d1\", \"resource_name\": \"ok\"}]}]}";
        refused(json(document + " {}").post("/_emulator/fixtures"),
                "Invalid fixture: Invalid JSON at line 1, column " + (document.length() + 2) + ": unexpected content after the document.");
        refused(json("{\"projects\": [{\"project_id\": \"" + project + "\", \"desktops\": " + "[".repeat(5000) + "]".repeat(5000) + "}]}")
                .post("/_emulator/fixtures"), "Invalid fixture: projects[0].desktops[0]: must be a JSON object");
        refused(json("{\"projects\": [{\"project_id\": \"" + project + "\", \"daily_usage\": [{\"resource_id\": \"d1\", "
                + "\"day\": \"today-1d\", \"usage_seconds\": 1e400}]}]}").post("/_emulator/fixtures"),
                "Invalid fixture: projects[0].daily_usage[0].usage_seconds: must be an integer");
        given().get("/_emulator/fixtures?project_id=" + project).then().statusCode(404);
    }

    @Test
    void anUnknownAdminRouteIsAnAdmin404() {
        Response response = given().get("/_emulator/nothing");
        response.then().statusCode(404).header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
        assertEquals("{\"error_code\":\"EMU.0404\",\"error_msg\":\"Not found.\"}", response.asString());
    }
}
