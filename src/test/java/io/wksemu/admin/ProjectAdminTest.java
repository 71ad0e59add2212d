package io.wksemu.admin;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.freezeClock;
import static io.wksemu.TestSupport.load;
import static io.wksemu.TestSupport.newProject;
import static io.wksemu.TestSupport.query;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /_emulator/projects}: stored projects, a project's desktops and its grid of daily use. */
@QuarkusTest
class ProjectAdminTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void backToSystemTime() {
        given().delete("/_emulator/clock").then().statusCode(200);
    }

    /** Today 2026-06-15 12:00; d1 created 06-10 with an explicit point on 06-12; d2 used 06-13 and in use now. */
    private static String loadProject() {
        String p = newProject();
        freezeClock("2026-06-15T12:00:00Z");
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "dev-01", "resource_pool_id": "pool-1", "created_at": "2026-06-10T08:00:00Z"},
                               {"resource_id": "d2", "resource_name": "dev-02", "created_at": "2026-06-13T00:00:00Z"}],
                  "sessions": [{"resource_id": "d2", "user_name": "alice", "login_at": "2026-06-13T09:00:00Z", "logout_at": "2026-06-13T11:00:00Z"},
                               {"resource_id": "d2", "user_name": "bob", "login_at": "2026-06-15T10:00:00Z"}],
                  "daily_usage": [{"resource_id": "d1", "day": "2026-06-12", "usage_seconds": 3600}]}]}
                """.formatted(p));
        return p;
    }

    private static void assertJson(String expected, String actual) throws Exception {
        assertEquals(JSON.readTree(expected), JSON.readTree(actual), actual);
    }

    @Test
    void projectsListCountsWithoutDocuments() throws Exception {
        String p = loadProject();
        String body = given().get("/_emulator/projects").then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
        JsonNode mine = null;
        for (JsonNode project : JSON.readTree(body).get("projects")) {
            if (project.get("project_id").asText().equals(p)) {
                mine = project;
            }
        }
        assertEquals(JSON.readTree("""
                {"project_id": "%s", "desktops": 2, "sessions": 2, "open_sessions": 1, "points": 2}""".formatted(p)), mine, body);
    }

    @Test
    void desktopsWithTheirOpenSessionsPaged() throws Exception {
        String p = loadProject();
        assertJson("""
                {"project_id": "%s", "count": 2, "desktops": [
                  {"resource_id": "d1", "resource_name": "dev-01", "resource_pool_id": "pool-1", "created_at": "2026-06-10T08:00:00Z"},
                  {"resource_id": "d2", "resource_name": "dev-02", "created_at": "2026-06-13T00:00:00Z",
                   "open_session": {"user_name": "bob", "login_at": "2026-06-15T10:00:00Z"}}]}""".formatted(p),
                given().get("/_emulator/projects/" + p + "/desktops").then().statusCode(200).extract().asString());
        assertJson("""
                {"project_id": "%s", "count": 2, "desktops": [
                  {"resource_id": "d2", "resource_name": "dev-02", "created_at": "2026-06-13T00:00:00Z",
                   "open_session": {"user_name": "bob", "login_at": "2026-06-15T10:00:00Z"}}]}""".formatted(p),
                given().get("/_emulator/projects/" + p + "/desktops?offset=1&limit=1").then().statusCode(200).extract().asString());
    }

    /** The desktops and the grid page in the order the emulated endpoint lists without sort_field. */
    @Test
    void desktopsAndGridInTheEndpointsOrder() {
        String p = newProject();
        freezeClock("2026-06-15T12:00:00Z");
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "beta", "created_at": "today-3d"},
                               {"resource_id": "d2", "resource_name": "alpha", "created_at": "today-3d"},
                               {"resource_id": "d3", "resource_name": "Zed", "created_at": "today-3d"},
                               {"resource_id": "d4", "resource_name": "alpha", "created_at": "today-3d"}]}]}
                """.formatted(p));
        List<String> expected = List.of("d3", "d2", "d4", "d1");
        assertEquals(expected, query(p, "start_time", "2026-06-01T00:00:00Z", "end_time", "2026-06-15T00:00:00Z")
                .statusCode(200).extract().jsonPath().getList("items.resource_id"));
        assertEquals(expected, given().get("/_emulator/projects/" + p + "/desktops").then().statusCode(200)
                .extract().jsonPath().getList("desktops.resource_id"));
        assertEquals(expected, given().get("/_emulator/projects/" + p + "/usage").then().statusCode(200)
                .extract().jsonPath().getList("desktops.resource_id"));
        assertEquals(List.of("d4", "d1"), given().get("/_emulator/projects/" + p + "/usage?offset=2&limit=2").then()
                .statusCode(200).extract().jsonPath().getList("desktops.resource_id"));
    }

    @Test
    void usageGridSpansTheWindowAndToday() throws Exception {
        String p = loadProject();
        LocalDate from = LocalDate.parse("2025-12-17");
        List<Integer> d1 = new ArrayList<>();
        List<Integer> d2 = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(LocalDate.parse("2026-06-15")); day = day.plusDays(1)) {
            boolean due = day.isBefore(LocalDate.parse("2026-06-15"));
            d1.add(!due || day.isBefore(LocalDate.parse("2026-06-10")) ? null : day.equals(LocalDate.parse("2026-06-12")) ? 3600 : 0);
            d2.add(!due || day.isBefore(LocalDate.parse("2026-06-13")) ? null : day.equals(LocalDate.parse("2026-06-13")) ? 7200 : 0);
        }
        assertEquals(181, d1.size());
        Map<String, Object> expected = Map.of("project_id", p, "from", "2025-12-17", "to", "2026-06-15",
                "last_due_day", "2026-06-14", "count", 2, "desktops", List.of(
                        Map.of("resource_id", "d1", "resource_name", "dev-01", "created_day", "2026-06-10", "usage_seconds", d1),
                        Map.of("resource_id", "d2", "resource_name", "dev-02", "created_day", "2026-06-13", "usage_seconds", d2)));
        assertJson(JSON.writeValueAsString(expected),
                given().get("/_emulator/projects/" + p + "/usage").then().statusCode(200).extract().asString());

        // before 02:00 yesterday is not due yet; a day later the new day is there
        freezeClock("2026-06-16T01:00:00Z");
        given().get("/_emulator/projects/" + p + "/usage").then().statusCode(200)
                .body("from", equalTo("2025-12-18")).body("to", equalTo("2026-06-16")).body("last_due_day", equalTo("2026-06-14"))
                .body("desktops[1].usage_seconds[179]", equalTo(null)).body("desktops[1].usage_seconds[178]", equalTo(0));
        freezeClock("2026-06-16T02:00:00Z");
        given().get("/_emulator/projects/" + p + "/usage").then().statusCode(200).body("last_due_day", equalTo("2026-06-15"))
                .body("desktops[1].usage_seconds[179]", equalTo(50400)).body("desktops[1].usage_seconds.size()", equalTo(181));
    }

    @Test
    void unknownProjectsAndBadPagingAreAdminErrors() throws Exception {
        assertJson("""
                {"error_code": "EMU.0404", "error_msg": "No project nope is stored."}""",
                given().get("/_emulator/projects/nope/desktops").then().statusCode(404).extract().asString());
        assertJson("""
                {"error_code": "EMU.0404", "error_msg": "No project nope is stored."}""",
                given().get("/_emulator/projects/nope/usage").then().statusCode(404).extract().asString());
        assertJson("""
                {"error_code": "EMU.0400", "error_msg": "limit must be an integer from 1 to 1000."}""",
                given().get("/_emulator/projects/nope/desktops?limit=0").then().statusCode(400).extract().asString());
        assertJson("""
                {"error_code": "EMU.0400", "error_msg": "offset must be an integer from 0 to 2147483646."}""",
                given().get("/_emulator/projects/nope/usage?offset=-1").then().statusCode(400).extract().asString());
    }

    /**
     * Paging is digits in range on both routes, checked before the project is looked up; offset is named first.
     * An empty value is an absent one (the default).
     */
    @Test
    void pagingParametersAreCheckedBeforeTheProject() throws Exception {
        String offset = """
                {"error_code": "EMU.0400", "error_msg": "offset must be an integer from 0 to 2147483646."}""";
        String limit = """
                {"error_code": "EMU.0400", "error_msg": "limit must be an integer from 1 to 1000."}""";
        for (String route : List.of("desktops", "usage")) {
            String base = "/_emulator/projects/nope/" + route;
            for (String bad : List.of("-0", "+1", "1.5", "1e3", "%201", "0x10", "abc", "2147483647", "99999999999", "%EF%BC%91")) {
                assertJson(offset, given().urlEncodingEnabled(false).get(base + "?offset=" + bad).then().statusCode(400).extract().asString());
            }
            for (String bad : List.of("0", "1001", "-1", "+5", "5.0", "10000000000", "%EF%BC%95")) {
                assertJson(limit, given().urlEncodingEnabled(false).get(base + "?limit=" + bad).then().statusCode(400).extract().asString());
            }
            assertJson(offset, given().get(base + "?limit=0&offset=x").then().statusCode(400)
                    .header("X-Request-Id", matchesPattern("[0-9a-f]{32}")).extract().asString());
            assertJson(offset, given().get(base + "?offset=x&limit=0").then().statusCode(400).extract().asString());
            given().get(base + "?offset=2147483646&limit=1000").then().statusCode(404).body("error_code", equalTo("EMU.0404"));
            given().get(base + "?offset=0&limit=1").then().statusCode(404).body("error_code", equalTo("EMU.0404"));
        }
        String p = loadProject();
        assertJson("""
                {"project_id": "%s", "count": 2, "desktops": []}""".formatted(p),
                given().get("/_emulator/projects/" + p + "/desktops?offset=2147483646&limit=1000").then().statusCode(200).extract().asString());
        given().get("/_emulator/projects/" + p + "/desktops?offset=0001&limit=0001").then().statusCode(200)
                .body("desktops.resource_id", equalTo(List.of("d2")));
        given().get("/_emulator/projects/" + p + "/desktops?offset=&limit=").then().statusCode(200)
                .body("desktops.resource_id", equalTo(List.of("d1", "d2")));
    }

    @Test
    void browsersAreSentToTheDashboardAndApiClientsKeepTheir404() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String path : List.of("/", "/_emulator", "/_emulator/ui")) {
            given().redirects().follow(false).accept(browser).get(path).then().statusCode(302)
                    .header("Location", "/_emulator/ui/");
        }
        io.restassured.response.Response api = given().accept(ContentType.JSON).get("/");
        assertEquals(404, api.statusCode());
        assertJson("""
                {"error_code": "APIGW.0101", "error_msg": "The API does not exist or has not been published in the environment.", "request_id": "%s"}"""
                .formatted(api.header("X-Request-Id")), api.asString());
        assertJson("""
                {"error_code": "EMU.0404", "error_msg": "Not found."}""",
                given().accept("*/*").get("/_emulator").then().statusCode(404).extract().asString());
        given().redirects().follow(false).accept("text/html;q=0, application/json").get("/").then().statusCode(404);
        given().get("/_emulator/ui/").then().statusCode(200).contentType(ContentType.HTML)
                .body(org.hamcrest.Matchers.containsString("<title>Workspace usage emulator</title>"));
        given().get("/_emulator/ui/app.js").then().statusCode(200);
    }
}
