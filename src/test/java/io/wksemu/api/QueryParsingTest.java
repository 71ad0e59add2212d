package io.wksemu.api;

import static io.wksemu.TestSupport.newProject;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.wksemu.RawHttp;
import io.wksemu.TestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the emulated endpoint reads its query string (SEMANTICS.md sections 2 and 7): case-sensitive names,
 * first value wins, {@code &} the only separator, ASCII digits only, no control characters.
 */
@QuarkusTest
class QueryParsingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = newProject();
    private static final String WINDOW = "start_time=2025-01-01T00:00:00Z&end_time=2026-12-31T00:00:00Z";

    private static boolean loaded;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        TestSupport.freezeClock(TestSupport.NOW);
        TestSupport.load("""
                {"projects": [{"project_id": "%s", "desktops": [
                  {"resource_id": "d1", "resource_name": "EV;x-1"}, {"resource_id": "d2", "resource_name": "EV-2"},
                  {"resource_id": "d3", "resource_name": "EV-3"}],
                  "daily_usage": [{"resource_id": "d1", "day": "today-2d", "usage_seconds": 60},
                    {"resource_id": "d2", "day": "today-2d", "usage_seconds": 60},
                    {"resource_id": "d3", "day": "today-2d", "usage_seconds": 60}]}]}""".formatted(PROJECT));
    }

    private static RawHttp.Answer query(String query) throws Exception {
        return RawHttp.get(RestAssured.port, "/v2/" + PROJECT + "/statistics/metrics/desktops?" + query);
    }

    private static List<String> names(RawHttp.Answer answer) throws Exception {
        assertEquals(200, answer.status(), answer.body());
        List<String> names = new ArrayList<>();
        JSON.readTree(answer.body()).get("items").forEach(i -> names.add(i.get("resource_name").asText()));
        return names;
    }

    private static void assertInvalid(String query, String message) throws Exception {
        RawHttp.Answer answer = query(query);
        assertEquals(400, answer.status(), query);
        assertEquals("{\"error_code\":\"WKS.0002\",\"error_msg\":\"" + message + "\"}", answer.body(), query);
    }

    @Test
    void namesAreCaseSensitiveAndTheFirstValueCounts() throws Exception {
        assertEquals(List.of("EV-2", "EV-3", "EV;x-1"), names(query("START_TIME=x&" + WINDOW)));
        assertEquals(List.of("EV-2", "EV-3"), names(query("LIMIT=1&" + WINDOW + "&limit=2")));
        assertEquals(List.of("EV-2"), names(query(WINDOW + "&limit=1&limit=2")));
        assertEquals(List.of("EV-2", "EV-3", "EV;x-1"), names(query(WINDOW + "&Resource_Name=zzz")));
    }

    @Test
    void theSemicolonIsAnOrdinaryCharacter() throws Exception {
        assertEquals(List.of("EV;x-1"), names(query(WINDOW + "&resource_name=EV;x")));
        assertEquals(List.of("EV;x-1"), names(query(WINDOW + "&resource_name=EV%3Bx")));
        // ';limit=1' is part of end_time's value, which then is no instant
        assertInvalid(WINDOW + ";limit=1", "Invalid parameter end_time: must be an ISO-8601 instant such as 2026-11-01T00:00:00Z.");
    }

    @Test
    void integersAreAsciiDigitsOnly() throws Exception {
        String rule = "Invalid parameter limit: must be an integer from 1 to 100.";
        for (String bad : List.of("%2B5", "%D9%A5", "%EF%BC%95", "%205", "5%20", "-0", "0x5", "5e0")) {
            assertInvalid(WINDOW + "&limit=" + bad, rule);
        }
        assertEquals(List.of("EV-2", "EV-3"), names(query(WINDOW + "&limit=0002")));
        assertInvalid(WINDOW + "&offset=99999999999999999999999", "Invalid parameter offset: must be an integer from 0 to 2147483646.");
    }

    @Test
    void controlCharactersNeverReachTheStore() throws Exception {
        assertInvalid(WINDOW + "&resource_name=EV%00", "Invalid parameter resource_name: must not contain control characters.");
        assertInvalid(WINDOW + "&resource_name=%7F", "Invalid parameter resource_name: must not contain control characters.");
        assertInvalid("start_time=2025-01-01T00:00:00Z%00&end_time=2026-12-31T00:00:00Z",
                "Invalid parameter start_time: must be an ISO-8601 instant such as 2026-11-01T00:00:00Z.");
    }

    @Test
    void instantsFollowTheWrittenIsoGrammar() throws Exception {
        assertEquals(3, names(query("start_time=2025-01-01t00:00:00z&end_time=2026-12-31T00:00%2B08")).size());
        for (String bad : List.of("%2B10000-01-01T00:00:00Z", "-2025-01-01T00:00:00Z", "2025-01-01T00:00:00.Z",
                "2025-01-01T00:00:00,5Z", "2025-W01-1T00:00:00Z", "20250101T000000Z", "2025-01-01T00:00:00%2B19:00")) {
            assertInvalid("start_time=" + bad + "&end_time=2026-12-31T00:00:00Z",
                    "Invalid parameter start_time: must be an ISO-8601 instant such as 2026-11-01T00:00:00Z.");
        }
    }
}
