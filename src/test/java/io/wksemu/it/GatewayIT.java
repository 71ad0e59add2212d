package io.wksemu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricResponse;
import io.wksemu.Fixtures;
import io.wksemu.SdkClients;
import io.wksemu.TestSupport;
import com.huaweicloud.sdk.workspace.v2.model.ListUserUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListUserUsageMetricResponse;
import io.wksemu.auth.SdkSignature;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway as a consumer meets it (SEMANTICS.md sections 3 and 4): one emulator in strict mode with
 * configured credentials and tokens, throttling, an admin token and a small journal, and one in the default
 * lenient mode. The official SDK is the client wherever it can be.
 */
class GatewayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin-secret";
    private static final String BOUND_PROJECT = "bound" + UUID.randomUUID().toString().replace("-", "");
    private static final String PROJECT = "gw" + UUID.randomUUID().toString().replace("-", "");
    private static final String QUERY = "?start_time=2026-01-01T00:00:00Z&end_time=2026-12-31T00:00:00Z";

    private static AppProcess strict;
    private static AppProcess lenient;

    @BeforeAll
    static void start() throws Exception {
        strict = AppProcess.start(Map.of(
                "EMULATOR_AUTH_MODE", "strict",
                "EMULATOR_AUTH_CREDENTIALS", "AKSTRICT:SKSTRICT, AKBOUND:SKBOUND:" + BOUND_PROJECT,
                "EMULATOR_AUTH_TOKENS", "token-any,token-bound:" + BOUND_PROJECT,
                "EMULATOR_THROTTLE_PER_MINUTE", "1000",
                "EMULATOR_ADMIN_TOKEN", ADMIN,
                "EMULATOR_JOURNAL_SIZE", "3"));
        lenient = AppProcess.start(Map.of("EMULATOR_THROTTLE_PER_MINUTE", "3"));
        // the queries' 2026 window holds the fixture's relative days whatever clock the shared database was left at
        HttpResponse<String> frozen = strict.send("PUT", "/_emulator/clock",
                "{\"now\":\"" + TestSupport.NOW + "\",\"frozen\":true}", ADMIN);
        assertEquals(200, frozen.statusCode(), frozen.body());
        HttpResponse<String> loaded = strict.send("POST", "/_emulator/fixtures", Fixtures.project(PROJECT)
                .desktop("d1", "dev 01*~/+=&x 桌面", "today-5d").usage("d1", "today-2d", 60)
                .session("d1", "dev 01*~/+=&x 桌面", "today-3d+09:00", "today-3d+10:00").json(), ADMIN);
        assertEquals(200, loaded.statusCode(), loaded.body());
    }

    @AfterAll
    static void stop() throws Exception {
        strict.close();
        lenient.close();
    }

    private static WorkspaceClient sdk(AppProcess app, String ak, String sk, String project) {
        return SdkClients.workspace(app.baseUrl(), ak, sk, project);
    }

    private static ListDesktopUsageMetricRequest request() {
        return new ListDesktopUsageMetricRequest().withStartTime("2020-01-01T00:00:00Z").withEndTime("2036-01-01T00:00:00Z");
    }

    private static void assertRefused(ClientRequestException e, String reason) {
        assertEquals(401, e.getHttpStatusCode());
        assertEquals("APIGW.0301", e.getErrorCode());
        assertEquals("Incorrect IAM authentication information: " + reason, e.getErrorMsg());
        assertTrue(e.getRequestId() != null && e.getRequestId().matches(TestSupport.REQUEST_ID), e.getRequestId());
    }

    @Test
    void strictModeAcceptsTheSdksSignatureEvenForTrickyQueryValues() {
        WorkspaceClient client = sdk(strict, "AKSTRICT", "SKSTRICT", PROJECT);
        for (String name : List.of("dev 01*~/+=&x 桌面", "dev 01", "*~", "/+=&", "桌面", "DEV")) {
            ListDesktopUsageMetricResponse response = client.listDesktopUsageMetric(request().withResourceName(name));
            assertEquals(1, response.getCount(), name);
        }
    }

    @Test
    void strictModeAcceptsTheSdksSignatureOfTheUsersEndpoint() {
        WorkspaceClient client = sdk(strict, "AKSTRICT", "SKSTRICT", PROJECT);
        for (String name : List.of("dev 01*~/+=&x 桌面", "*~", "/+=&", "桌面", "DEV")) {
            ListUserUsageMetricResponse response = client.listUserUsageMetric(new ListUserUsageMetricRequest()
                    .withStartTime("2020-01-01T00:00:00Z").withEndTime("2036-01-01T00:00:00Z").withUsername(name)
                    .withSortField("user_usage").withSortType("ASC").withUsageMinHours(1).withUsageMaxHours(1));
            assertEquals(1, response.getCount(), name);
            assertEquals("dev 01*~/+=&x 桌面", response.getItems().get(0).getUsername());
            assertEquals(3600.0, response.getItems().get(0).getMetric().get(0).getMetricValue());
        }
        assertRefused(assertThrows(ClientRequestException.class, () -> sdk(strict, "AKSTRICT", "WRONG", PROJECT)
                .listUserUsageMetric(new ListUserUsageMetricRequest().withStartTime("2020-01-01T00:00:00Z")
                        .withEndTime("2036-01-01T00:00:00Z"))), "verify aksk signature fail");
        assertRefused(assertThrows(ClientRequestException.class, () -> sdk(strict, "AKBOUND", "SKBOUND", PROJECT)
                .listUserUsageMetric(new ListUserUsageMetricRequest().withStartTime("2020-01-01T00:00:00Z")
                        .withEndTime("2036-01-01T00:00:00Z"))), "the project id in the URL does not match the credential's project");
    }

    @Test
    void strictModeRefusesWrongSecretsUnknownKeysAndOtherProjects() {
        assertRefused(assertThrows(ClientRequestException.class,
                () -> sdk(strict, "AKSTRICT", "WRONG", PROJECT).listDesktopUsageMetric(request())), "verify aksk signature fail");
        assertRefused(assertThrows(ClientRequestException.class,
                () -> sdk(strict, "AKNOPE", "SKSTRICT", PROJECT).listDesktopUsageMetric(request())), "ak AKNOPE not exist");
        assertRefused(assertThrows(ClientRequestException.class,
                () -> sdk(strict, "AKBOUND", "SKBOUND", PROJECT).listDesktopUsageMetric(request())),
                "the project id in the URL does not match the credential's project");
        assertEquals(0, sdk(strict, "AKBOUND", "SKBOUND", BOUND_PROJECT).listDesktopUsageMetric(request()).getCount());
    }

    @Test
    void strictModeRefusesAStaleSdkDate() throws Exception {
        String path = "/v2/" + PROJECT + "/statistics/metrics/desktops";
        String query = "end_time=2026-12-31T00%3A00%3A00Z&start_time=2026-01-01T00%3A00%3A00Z";
        String host = "localhost:18094";
        String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now().minusSeconds(16 * 60));
        List<String> signed = List.of("host", "x-sdk-date");
        Map<String, String> headers = Map.of("host", host, "x-sdk-date", date);
        String canonical = SdkSignature.canonicalRequest("GET", path, query, signed, h -> headers.get(h.toLowerCase()), new byte[0])
                .orElseThrow();
        String signature = SdkSignature.signature(SdkSignature.stringToSign(date, canonical), "SKSTRICT");
        HttpResponse<String> response = strict.get(path + "?" + query, "X-Sdk-Date", date, "Authorization",
                "SDK-HMAC-SHA256 Access=AKSTRICT, SignedHeaders=host;x-sdk-date, Signature=" + signature);
        assertEquals(401, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("APIGW.0301", body.get("error_code").asText());
        assertEquals("Incorrect IAM authentication information: calc ak sk signature fail:signature expired",
                body.get("error_msg").asText());
        assertEquals(response.headers().firstValue("X-Request-Id").orElseThrow(), body.get("request_id").asText());
    }

    @Test
    void strictModeTokensMustBeConfiguredAndMayBeBoundToAProject() throws Exception {
        String path = "/v2/" + PROJECT + "/statistics/metrics/desktops" + QUERY;
        assertEquals(200, strict.get(path, "X-Auth-Token", "token-any").statusCode());
        HttpResponse<String> unknown = strict.get(path, "X-Auth-Token", "token-nope");
        assertEquals(401, unknown.statusCode());
        assertEquals("Incorrect IAM authentication information: verify token fail",
                JSON.readTree(unknown.body()).get("error_msg").asText());
        assertEquals(401, strict.get(path, "X-Auth-Token", "token-bound").statusCode());
        assertEquals(200, strict.get("/v2/" + BOUND_PROJECT + "/statistics/metrics/desktops" + QUERY,
                "X-Auth-Token", "token-bound").statusCode());
    }

    @Test
    void lenientModeNeedsSomeCredentialButChecksNone() throws Exception {
        String path = "/v2/" + PROJECT + "/statistics/metrics/desktops" + QUERY;
        HttpResponse<String> none = lenient.get(path);
        assertEquals(401, none.statusCode());
        assertEquals("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: "
                + "x-auth-token not found\",\"request_id\":\"" + none.headers().firstValue("X-Request-Id").orElseThrow()
                + "\"}", none.body());
        assertEquals(401, lenient.get(path, "Authorization", "Basic abc").statusCode());
        assertEquals(200, sdk(lenient, "ANY", "THING", "lenient-" + UUID.randomUUID()).listDesktopUsageMetric(request())
                .getHttpStatusCode());
        // unknown routes answer 404 before any authentication
        assertEquals(404, lenient.get("/v2/" + PROJECT + "/nothing").statusCode());
    }

    @Test
    void throttlingCountsPerProjectAndMinute() throws Exception {
        String project = "throttle" + UUID.randomUUID().toString().replace("-", "");
        String path = "/v2/" + project + "/statistics/metrics/desktops" + QUERY;
        // The limit counts per wall-clock minute: start the four calls early enough in a minute that they
        // cannot straddle two, rather than accepting four 200s when they do.
        long millisLeft = 60_000 - System.currentTimeMillis() % 60_000;
        if (millisLeft < 20_000) {
            Thread.sleep(millisLeft + 100);
        }
        long minute = System.currentTimeMillis() / 60_000;
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = lenient.get(path, "X-Auth-Token", "t");
            statuses.add(last.statusCode());
        }
        assertEquals(minute, System.currentTimeMillis() / 60_000, "the four calls took over 20 s and straddled a minute");
        assertEquals(List.of(200, 200, 200, 429), statuses);
        JsonNode body = JSON.readTree(last.body());
        assertEquals("APIGW.0308", body.get("error_code").asText());
        assertEquals("The throttling threshold has been reached: policy user over ratelimit,limit:3,time:1 minute",
                body.get("error_msg").asText());
        assertEquals(last.headers().firstValue("X-Request-Id").orElseThrow(), body.get("request_id").asText());
        assertEquals(200, lenient.get("/v2/other" + project + "/statistics/metrics/desktops" + QUERY, "X-Auth-Token", "t")
                .statusCode(), "another project has its own budget");
    }

    @Test
    void theAdminTokenGuardsEveryAdminRoute() throws Exception {
        HttpResponse<String> refused = strict.get("/_emulator/clock");
        assertEquals(401, refused.statusCode());
        assertEquals("{\"error_code\":\"EMU.0401\",\"error_msg\":\"Missing or wrong X-Emulator-Admin-Token.\"}", refused.body());
        assertTrue(refused.headers().firstValue("X-Request-Id").isPresent());
        assertEquals(401, strict.get("/_emulator/requests", "X-Emulator-Admin-Token", "guess").statusCode());
        assertEquals(200, strict.get("/_emulator/clock", "X-Emulator-Admin-Token", ADMIN).statusCode());
    }

    /** Every spelling that routing serves as an admin route is guarded as one (matrix parameters included). */
    @Test
    void noSpellingOfAnAdminPathPassesTheGuard() throws Exception {
        for (String path : List.of("/_emulator;x/clock", "/_emulator;/clock", "/_emulator;a=b;c/clock", "/%5Femulator/clock",
                "/_emul%61tor/clock", "/_emulator/%63lock", "/_emulator/./clock", "//_emulator//clock", "/v2/../_emulator/clock",
                "/q/../_emulator/clock", "/_emulator/clock;x", "/_emulator;x/requests")) {
            io.wksemu.RawHttp.Answer get = io.wksemu.RawHttp.get(strict.port(), path);
            assertTrue(get.status() == 401 || get.status() == 404, path + " " + get.status() + " " + get.body());
            assertTrue(get.status() == 404 || get.body().contains("EMU.0401"), path + " " + get.body());
        }
        HttpResponse<String> moved = strict.send("PUT", "/_emulator;x/clock", "{\"now\":\"2030-01-01T00:00:00Z\"}");
        assertEquals(401, moved.statusCode(), moved.body());
        assertEquals(200, strict.get("/_emulator;x/clock", "X-Emulator-Admin-Token", ADMIN).statusCode(),
                "with the token the same spelling is the admin route");
    }

    @Test
    void theJournalIsBoundedNewestFirstAndHoldsNoSecrets() throws Exception {
        assertEquals(200, strict.send("DELETE", "/_emulator/requests", null, ADMIN).statusCode());
        for (int i = 0; i < 5; i++) {
            strict.get("/v2/" + PROJECT + "/statistics/metrics/desktops" + QUERY + "&limit=" + (i + 1),
                    "X-Auth-Token", "token-any", "Authorization", "SDK-HMAC-SHA256 Access=AKSECRET, SignedHeaders=host, Signature=abc");
        }
        String journal = strict.get("/_emulator/requests?project_id=" + PROJECT, "X-Emulator-Admin-Token", ADMIN).body();
        JsonNode entries = JSON.readTree(journal).get("requests");
        assertEquals(3, entries.size());
        assertTrue(entries.get(0).get("query").asText().endsWith("limit=5"), journal);
        assertTrue(entries.get(2).get("query").asText().endsWith("limit=3"), journal);
        assertEquals(200, entries.get(0).get("status").asInt());
        assertEquals("GET", entries.get(0).get("method").asText());
        assertTrue(entries.get(0).get("request_id").asText().matches(TestSupport.REQUEST_ID));
        assertFalse(journal.contains("token-any") || journal.contains("AKSECRET") || journal.contains("Signature"), journal);
    }

    @Test
    void aProjectBoundTokenNeverReadsAnotherProjectWhateverThePathSpelling() throws Exception {
        String rest = "/statistics/metrics/desktops" + QUERY;
        for (String path : List.of("/v2/" + BOUND_PROJECT + "/../" + PROJECT + rest,
                "/v2/" + BOUND_PROJECT + "/%2E%2E/" + PROJECT + rest,
                "/v2/" + BOUND_PROJECT + "/%2e%2e/" + PROJECT + rest,
                "//v2/" + PROJECT + rest,
                "/v2/./" + PROJECT + rest,
                "/v2/" + BOUND_PROJECT + ";x" + rest,
                "/v2/" + BOUND_PROJECT + "%3B" + PROJECT + rest,
                "/v2/" + BOUND_PROJECT + "%2F..%2F" + PROJECT + rest)) {
            io.wksemu.RawHttp.Answer answer = io.wksemu.RawHttp.get(strict.port(), path, "X-Auth-Token", "token-bound");
            assertEquals(401, answer.status(), path + " " + answer.body());
            assertEquals("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: "
                    + "the project id in the URL does not match the token's project\",\"request_id\":\""
                    + answer.header("X-Request-Id") + "\"}", answer.body(), path);
        }
        // the same spellings with an unbound token reach the project they name after normalisation
        io.wksemu.RawHttp.Answer other = io.wksemu.RawHttp.get(strict.port(), "/v2/" + BOUND_PROJECT + "/../" + PROJECT + rest,
                "X-Auth-Token", "token-any");
        assertEquals(200, other.status(), other.body());
        assertEquals(1, JSON.readTree(other.body()).get("count").asInt());
    }

    @Test
    void aProjectBoundSignatureNeverReadsAnotherProjectThroughDotSegments() throws Exception {
        String path = "/v2/" + BOUND_PROJECT + "/../" + PROJECT + "/statistics/metrics/desktops";
        String query = "end_time=2026-12-31T00%3A00%3A00Z&start_time=2026-01-01T00%3A00%3A00Z";
        String date = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        String host = "localhost:" + strict.port();
        Map<String, String> headers = Map.of("host", host, "x-sdk-date", date);
        String canonical = SdkSignature.canonicalRequest("GET", path, query, List.of("host", "x-sdk-date"),
                h -> headers.get(h.toLowerCase()), new byte[0]).orElseThrow();
        String signature = SdkSignature.signature(SdkSignature.stringToSign(date, canonical), "SKBOUND");
        io.wksemu.RawHttp.Answer answer = io.wksemu.RawHttp.get(strict.port(), path + "?" + query, "X-Sdk-Date", date,
                "Authorization", "SDK-HMAC-SHA256 Access=AKBOUND, SignedHeaders=host;x-sdk-date, Signature=" + signature);
        assertEquals(401, answer.status(), answer.body());
        assertEquals("Incorrect IAM authentication information: the project id in the URL does not match the "
                + "credential's project", JSON.readTree(answer.body()).get("error_msg").asText());
    }

    @Test
    void aConfiguredAuthFileThatCannotBeReadStopsTheStartWithItsName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AppProcess.start(Map.of(
                "EMULATOR_AUTH_FILE", "/nonexistent/wksemu-auth.properties")).close());
        assertTrue(e.getMessage().contains("EMULATOR_AUTH_FILE /nonexistent/wksemu-auth.properties cannot be read "
                + "(no such file); fix the path or unset emulator.auth.file."), e.getMessage());
    }
}
