package io.wksemu.gateway;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.newProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.wksemu.RawHttp;
import io.wksemu.TestSupport;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway answers before any routing (SEMANTICS.md section 7), and the one normalised path that
 * routing, faults and the journal all read.
 */
@QuarkusTest
class GatewayFrontTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WINDOW = "start_time=2025-01-01T00:00:00Z&end_time=2026-12-31T00:00:00Z";

    @AfterEach
    void clearFaults() {
        given().delete("/_emulator/faults").then().statusCode(200);
    }

    private static RawHttp.Answer get(String target, String... headers) throws Exception {
        return RawHttp.get(RestAssured.port, target, headers);
    }

    /** The gateway-level body: code, message and the request id of the header. */
    private static void assertGatewayError(RawHttp.Answer answer, int status, String message) {
        assertEquals(status, answer.status(), answer.body());
        String id = answer.header("X-Request-Id");
        assertTrue(id != null && id.matches("[0-9a-f]{32}"), String.valueOf(id));
        assertEquals("application/json", answer.header("Content-Type"));
        assertEquals("{\"error_code\":\"APIGW.0201\",\"error_msg\":\"" + message + "\",\"request_id\":\"" + id + "\"}",
                answer.body());
    }

    @Test
    void malformedEscapesAreTheGatewaysRequestErrorOnEverySurface() throws Exception {
        String project = newProject();
        assertGatewayError(get("/v2/" + project + "/statistics/metrics/desktops?start_time=%zz"), 400, "API request error.");
        assertGatewayError(get("/v2/" + project + "/statistics/metrics/desktops?" + WINDOW + "&resource_name=%"), 400,
                "API request error.");
        assertGatewayError(get("/v2/" + project + "%zz/statistics/metrics/desktops?" + WINDOW), 400, "API request error.");
        assertGatewayError(get("/_emulator/cl%zzock"), 400, "API request error.");
    }

    /**
     * A request line the HTTP codec itself rejects (here a control character in the method) never reaches
     * the gateway: Vert.x answers it with its default invalid-request handler, a 400 without body or request
     * id, and the README's gateway section says why that handler is not replaced under Quarkus. Pinned so that
     * an upgrade that changes it is noticed; the server answers the next request as usual.
     */
    @Test
    void aRequestLineTheCodecRejectsGetsTheCodecsBareAnswer() throws Exception {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "G\u0000T", "/_emulator/clock", null);
        assertEquals(400, answer.status());
        assertEquals("", answer.body());
        assertEquals(null, answer.header("X-Request-Id"));
        assertEquals(200, get("/_emulator/clock").status());
    }

    @Test
    void oversizedUrisHeadersAndBodiesAreRefusedWithJson() throws Exception {
        String project = newProject();
        String base = "/v2/" + project + "/statistics/metrics/desktops?" + WINDOW + "&x=";
        String fits = base + "a".repeat(4096 - base.length());
        assertEquals(200, get(fits).status(), "a target of exactly emulator.limits.max-uri-length passes");
        assertGatewayError(get(fits + "a"), 414, "Request URI too large.");
        assertGatewayError(get(base, "X-Big", "b".repeat(17_000)), 494, "Request headers too large.");
        // the body is declared, never sent: the answer comes without reading it
        assertGatewayError(RawHttp.send(RestAssured.port, "POST", "/_emulator/fixtures", null,
                "Content-Type", "application/json", "Content-Length", "10485761"), 413, "Request entity too large.");
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimitAndRefusedBeyondIt() throws Exception {
        String project = newProject();
        String fixture = """
                {"projects": [{"project_id": "%s", "desktops": [{"resource_id": "d1", "resource_name": "n1"}]}]}"""
                .formatted(project);
        RawHttp.Answer loaded = RawHttp.sendChunked(RestAssured.port, "POST", "/_emulator/fixtures", fixture, 1,
                "Content-Type", "application/json");
        assertEquals(200, loaded.status(), loaded.body());
        assertEquals("{\"projects\":1,\"desktops\":1,\"sessions\":0,\"daily_usage\":0,\"login_failures\":0}", loaded.body());
        // a chunked body of several chunks, far over the REST layer's default 10 KiB buffer, arrives whole
        StringBuilder desktops = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            desktops.append(i == 0 ? "" : ",").append("{\"resource_id\": \"d").append(i).append("\", \"resource_name\": \"n").append(i)
                    .append("\"}");
        }
        String large = "{\"projects\": [{\"project_id\": \"" + project + "\", \"desktops\": [" + desktops + "]}]}";
        assertEquals(true, large.length() > 3 * 65536, "several chunks");
        RawHttp.Answer loadedLarge = RawHttp.sendChunked(RestAssured.port, "POST", "/_emulator/fixtures", large, 1,
                "Content-Type", "application/json");
        assertEquals("{\"projects\":1,\"desktops\":5000,\"sessions\":0,\"daily_usage\":0,\"login_failures\":0}", loadedLarge.body());
        String spaces = " ".repeat(1 << 20);
        assertGatewayError(RawHttp.sendChunked(RestAssured.port, "POST", "/_emulator/fixtures", spaces, 11,
                "Content-Type", "application/json"), 413, "Request entity too large.");
    }

    @Test
    void theEmulatedApiIgnoresAccept() throws Exception {
        RawHttp.Answer answer = get("/v2/" + newProject() + "/statistics/metrics/desktops?" + WINDOW,
                "Accept", "application/xml");
        assertEquals(200, answer.status(), answer.body());
        assertEquals("{\"count\":0,\"items\":[]}", answer.body());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
    }

    @Test
    void routingFaultsAndTheJournalReadTheOneNormalisedPath() throws Exception {
        TestSupport.freezeClock(TestSupport.NOW);
        String project = newProject();
        TestSupport.load("""
                {"projects": [{"project_id": "%s", "desktops": [{"resource_id": "d1", "resource_name": "n1"}],
                  "daily_usage": [{"resource_id": "d1", "day": "today-2d", "usage_seconds": 60}]}]}""".formatted(project));
        given().delete("/_emulator/requests").then().statusCode(200);
        String path = "/v2/" + project + "/statistics/metrics/desktops";
        for (String spelling : new String[] {"//v2/" + project + "/./statistics//metrics/desktops",
                "/v2/other/../" + project + "/statistics/metrics/desktops",
                "/v2/other/%2E%2E/" + project + "/statistics/metrics/desktops"}) {
            RawHttp.Answer answer = get(spelling + "?" + WINDOW);
            assertEquals(200, answer.status(), spelling);
            assertEquals(1, JSON.readTree(answer.body()).get("count").asInt(), spelling);
        }
        JsonNode journal = JSON.readTree(given().queryParam("project_id", project).get("/_emulator/requests").asString())
                .get("requests");
        assertEquals(3, journal.size(), journal.toString());
        for (JsonNode entry : journal) {
            assertEquals(path, entry.get("path").asText());
            assertEquals(project, entry.get("project_id").asText());
        }
        // a fault for the project applies whatever spelling reaches it
        given().contentType(ContentType.JSON).body(Map.of("status", 503, "project_id", project))
                .post("/_emulator/faults").then().statusCode(201);
        RawHttp.Answer faulted = get("/v2/elsewhere/../" + project + "/statistics/metrics/desktops?" + WINDOW);
        assertEquals(503, faulted.status());
        assertEquals("{\"error_code\":\"WKS.00000001\",\"error_msg\":\"Injected fault.\"}", faulted.body());
    }

    @Test
    void aSemicolonOrEncodedSlashIsPartOfTheProjectIdNeverASeparator() throws Exception {
        String project = newProject();
        for (String segment : new String[] {project + ";x", project + "%3Bx", project + "%2Fx", project + "%00"}) {
            RawHttp.Answer answer = get("/v2/" + segment + "/statistics/metrics/desktops?" + WINDOW);
            assertEquals(400, answer.status(), segment);
            assertEquals("{\"error_code\":\"WKS.0002\",\"error_msg\":\"Invalid parameter project_id: "
                    + "must be 1-64 letters, digits, '-' or '_'.\"}", answer.body(), segment);
        }
    }
}
