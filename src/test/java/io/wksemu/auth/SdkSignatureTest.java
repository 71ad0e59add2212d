package io.wksemu.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricResponse;
import io.wksemu.SdkClients;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signs requests with the official SDK's own {@code AKSKSigner} (and, end to end, with a real
 * {@code WorkspaceClient}) and checks that {@link SdkSignature} accepts exactly those.
 */
class SdkSignatureTest {

    private static final String AK = "HPUAEXAMPLEAK0000001";
    private static final String SK = "example/Secret+Key=0123456789abcdefghijklm";
    private static final String WRONG_SK = SK + "x";
    private static final String PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String PATH_TEMPLATE = "/v2/{project_id}/statistics/metrics/desktops";
    private static final String ENDPOINT = "https://workspace.cn-north-4.myhuaweicloud.com";

    /** Values that the signer and OkHttp encode differently, or that break naive parsers. */
    static Stream<String> trickyValues() {
        return Stream.of(
                "dev 01*~/+=&x",
                "桌面-01",
                "plain",
                "with space",
                "star*tilde~",
                "a/b+c=d&e",
                "100%25 literal percent%",
                "quote'\"<>#[]{}|\\^`!$(),:;@?",
                " leading and trailing ",
                "emoji 😀 ü é",
                "tab\there",
                "");
    }

    // -----------------------------------------------------------------------------------------
    // Driving the SDK signer directly
    // -----------------------------------------------------------------------------------------

    /** Subclass of the SDK signer that records the canonical request the SDK really hashed. */
    private static final class RecordingSigner extends AKSKSigner {
        String lastCanonicalRequest;

        @Override
        protected String buildCanonicalRequest(String... parts) {
            lastCanonicalRequest = super.buildCanonicalRequest(parts);
            return lastCanonicalRequest;
        }

        String sdkCanonicalQuery(String urlQuery, Map<String, List<String>> params) {
            return buildCanonicalQueryString(urlQuery, params);
        }
    }

    /** What a server would see for a request, plus the SDK's own canonical request. */
    private record WireRequest(String method, String rawPath, String rawQuery,
                               Map<String, String> headers, byte[] body,
                               String sdkCanonicalRequest) {
        Function<String, String> lookup() {
            return headers::get;
        }

        boolean verifiesWith(String sk) {
            return SdkSignature.verify(method, rawPath, rawQuery, lookup(), body, sk);
        }

        WireRequest withPath(String path) {
            return new WireRequest(method, path, rawQuery, headers, body, sdkCanonicalRequest);
        }

        WireRequest withQuery(String query) {
            return new WireRequest(method, rawPath, query, headers, body, sdkCanonicalRequest);
        }
    }

    /**
     * Builds an SDK {@code HttpRequest} the way {@code HcClient} does, signs it with the SDK
     * signer, then derives the wire URL the way {@code DefaultHttpClient} does: it re-parses
     * endpoint + path with OkHttp and adds every query parameter through
     * {@code HttpUrl.Builder.addQueryParameter} (null value for an empty list), so the wire
     * encoding is OkHttp's, not the signer's.
     */
    private static WireRequest signWithSdk(HttpMethod method, String projectId,
                                           Map<String, List<String>> query, String jsonBody) {
        HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder()
                .withEndpoint(ENDPOINT)
                .withPath(PATH_TEMPLATE)
                .withMethod(method)
                .withContentType("application/json")
                .addPathParam("project_id", projectId)
                .addHeader("User-Agent", "huaweicloud-usdk-java/3.0")
                .addHeader("X-Project-Id", projectId)
                .addHeader("Content-Type", "application/json");
        query.forEach(builder::addQueryParam);
        if (jsonBody != null) {
            builder.withBodyAsString(jsonBody);
        }
        HttpRequest request = builder.build();

        RecordingSigner signer = new RecordingSigner();
        Map<String, String> added = signer.sign(request,
                new BasicCredentials().withAk(AK).withSk(SK).withProjectId(projectId));

        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.getHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        headers.putAll(added);

        HttpUrl.Builder url = HttpUrl.get(request.getEndpoint() + request.getPathParamsString())
                .newBuilder();
        request.getQueryParams().forEach((name, values) -> {
            if (values.isEmpty()) {
                url.addQueryParameter(name, null);
            } else {
                values.forEach(v -> url.addQueryParameter(name, v));
            }
        });
        HttpUrl wire = url.build();
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        return new WireRequest(method.name(), wire.encodedPath(), wire.encodedQuery(), headers,
                body, signer.lastCanonicalRequest);
    }

    private static Map<String, List<String>> metricsQuery(String resourceName) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("start_time", List.of("2024-01-01T00:00:00Z"));
        query.put("end_time", List.of("2024-01-31T23:59:59Z"));
        query.put("resource_name", List.of(resourceName));
        query.put("min_idle_days", List.of("3"));
        query.put("sort_field", List.of("idle_days"));
        return query;
    }

    @ParameterizedTest
    @MethodSource("trickyValues")
    void acceptsSdkSignedRequestInWireFormAndRejectsTampering(String resourceName) {
        WireRequest req = signWithSdk(HttpMethod.GET, PROJECT_ID, metricsQuery(resourceName), null);

        // Our reconstruction from the wire must equal what the SDK hashed, byte for byte.
        Optional<String> ours = SdkSignature.canonicalRequest(req.method(), req.rawPath(),
                req.rawQuery(), SdkSignature.parseAuthorization(req.headers().get("Authorization"))
                        .orElseThrow().signedHeaders(), req.lookup(), req.body());
        assertEquals(req.sdkCanonicalRequest(), ours.orElseThrow());

        assertTrue(req.verifiesWith(SK), "right SK must verify");
        assertFalse(req.verifiesWith(WRONG_SK), "wrong SK must not verify");

        String tamperedQuery = req.rawQuery().replace("min_idle_days=3", "min_idle_days=4");
        assertNotEquals(req.rawQuery(), tamperedQuery);
        assertFalse(req.withQuery(tamperedQuery).verifiesWith(SK), "tampered query value");

        String tamperedName = req.rawQuery().replace("resource_name=", "resource_name=x");
        assertFalse(req.withQuery(tamperedName).verifiesWith(SK), "tampered resource_name");

        String tamperedPath = req.rawPath().replace(PROJECT_ID, "ffffffffffffffffffffffffffffffff");
        assertFalse(req.withPath(tamperedPath).verifiesWith(SK), "tampered path");
        assertFalse(req.withPath(req.rawPath() + "/extra").verifiesWith(SK), "extra segment");
    }

    @Test
    void wireEncodingDiffersFromCanonicalEncoding() {
        WireRequest req = signWithSdk(HttpMethod.GET, PROJECT_ID,
                Map.of("resource_name", List.of("dev 01*~/+=&x")), null);
        // OkHttp leaves '*' bare and escapes '~'; the signer does exactly the opposite.
        assertEquals("resource_name=dev%2001*%7E%2F%2B%3D%26x", req.rawQuery());
        assertTrue(req.sdkCanonicalRequest().contains("\nresource_name=dev%2001%2A~%2F%2B%3D%26x\n"));
        assertEquals("resource_name=dev%2001%2A~%2F%2B%3D%26x",
                SdkSignature.canonicalQueryString(req.rawQuery()));
        assertTrue(req.verifiesWith(SK));
        // A server that is handed the canonical spelling instead still arrives at the same form.
        assertTrue(req.withQuery("resource_name=dev%2001%2A~%2F%2B%3D%26x").verifiesWith(SK));
    }

    @Test
    void trailingSlashIsAddedByTheSignerSoBothPathSpellingsVerify() {
        WireRequest req = signWithSdk(HttpMethod.GET, PROJECT_ID, metricsQuery("x"), null);
        assertTrue(req.sdkCanonicalRequest().startsWith(
                "GET\n/v2/" + PROJECT_ID + "/statistics/metrics/desktops/\n"));
        assertTrue(req.verifiesWith(SK));
        assertTrue(req.withPath(req.rawPath() + "/").verifiesWith(SK));
    }

    @Test
    void multiValuedEmptyAndUnsortedParametersMatchTheSdk() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("zeta", List.of("2", "1", "3")); // value order is kept, not sorted
        query.put("alpha", List.of(""));           // wire "alpha=", canonical "alpha="
        query.put("empty_list", List.of());        // wire "empty_list", canonical "empty_list="
        query.put("Beta", List.of("B"));            // upper case sorts first
        WireRequest req = signWithSdk(HttpMethod.GET, PROJECT_ID, query, null);
        assertEquals("zeta=2&zeta=1&zeta=3&alpha=&empty_list&Beta=B", req.rawQuery());
        assertTrue(req.sdkCanonicalRequest().contains(
                "\nBeta=B&alpha=&empty_list=&zeta=2&zeta=1&zeta=3\n"));
        assertTrue(req.verifiesWith(SK));
        assertFalse(req.withQuery("zeta=1&zeta=2&zeta=3&alpha=&empty_list&Beta=B")
                .verifiesWith(SK), "reordering the values of one key changes the signature");
    }

    @Test
    void signedJsonBodyIsCoveredByThePayloadHash() {
        String body = "{\"desktop_name\":\"桌面-01\",\"n\":1}";
        WireRequest req = signWithSdk(HttpMethod.POST, PROJECT_ID, Map.of(), body);
        assertEquals(req.sdkCanonicalRequest(), SdkSignature.canonicalRequest(req.method(),
                req.rawPath(), req.rawQuery(), List.of("host", "user-agent", "x-project-id",
                        "x-sdk-date"), req.lookup(), req.body()).orElseThrow());
        assertTrue(req.verifiesWith(SK));
        WireRequest tampered = new WireRequest(req.method(), req.rawPath(), req.rawQuery(),
                req.headers(), body.replace('1', '2').getBytes(StandardCharsets.UTF_8), null);
        assertFalse(tampered.verifiesWith(SK));
    }

    /**
     * Random values over an alphabet of every printable ASCII character plus multi-byte and
     * supplementary characters: the SDK's canonical query (computed from the parameters) must
     * equal ours (computed from OkHttp's wire form).
     */
    @Test
    void canonicalQueryMatchesSdkForRandomValues() {
        String alphabet = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
                + "abcdefghijklmnopqrstuvwxyz{|}~\t桌面ü€";
        int[] codePoints = alphabet.codePoints().toArray();
        Random random = new Random(20240101L);
        RecordingSigner signer = new RecordingSigner();
        for (int round = 0; round < 500; round++) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            int keys = 1 + random.nextInt(4);
            for (int k = 0; k < keys; k++) {
                List<String> values = new ArrayList<>();
                int count = random.nextInt(3) + (k == 0 ? 1 : 0);
                for (int v = 0; v < count; v++) {
                    StringBuilder value = new StringBuilder();
                    int len = random.nextInt(12);
                    for (int i = 0; i < len; i++) {
                        value.appendCodePoint(random.nextInt(10) == 0
                                ? 0x1F600 + random.nextInt(50)
                                : codePoints[random.nextInt(codePoints.length)]);
                    }
                    values.add(value.toString());
                }
                params.put("key_" + (char) ('a' + random.nextInt(26)) + k, values);
            }
            HttpRequest request = HttpRequest.newBuilder().withEndpoint(ENDPOINT)
                    .withPath("/v2/p").withMethod(HttpMethod.GET).build();
            HttpRequest.HttpRequestBuilder b = request.builder();
            params.forEach(b::addQueryParam);
            request = b.build();
            String sdk = signer.sdkCanonicalQuery(request.getUrl().getQuery(),
                    request.getQueryParams());

            HttpUrl.Builder url = HttpUrl.get(ENDPOINT + "/v2/p").newBuilder();
            params.forEach((name, values) -> {
                if (values.isEmpty()) {
                    url.addQueryParameter(name, null);
                } else {
                    values.forEach(v -> url.addQueryParameter(name, v));
                }
            });
            assertEquals(sdk, SdkSignature.canonicalQueryString(url.build().encodedQuery()),
                    "params " + params);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Pure unit tests
    // -----------------------------------------------------------------------------------------

    @Test
    void canonicalEncodingKeepsOnlyUnreservedCharacters() {
        assertEquals("dev%2001%2A~%2F%2B%3D%26x", SdkSignature.canonicalEncode("dev 01*~/+=&x"));
        assertEquals("%E6%A1%8C%E9%9D%A2-01", SdkSignature.canonicalEncode("桌面-01"));
        assertEquals("AZaz09-_.~", SdkSignature.canonicalEncode("AZaz09-_.~"));
        assertEquals("%F0%9F%98%80", SdkSignature.canonicalEncode("😀"));
    }

    @Test
    void canonicalUriRules() {
        assertEquals("/v2/p/x/", SdkSignature.canonicalUri("/v2/p/x"));
        assertEquals("/v2/p/x/", SdkSignature.canonicalUri("/v2/p/x/"));
        assertEquals("/v2/p/x/", SdkSignature.canonicalUri("/v2/p/x//"));
        assertEquals("/a//b/", SdkSignature.canonicalUri("/a//b"));
        assertEquals("/", SdkSignature.canonicalUri("/"));
        assertEquals("/", SdkSignature.canonicalUri(""));
        assertEquals("/a%20b/c%2Bd/%E6%A1%8C/", SdkSignature.canonicalUri("/a%20b/c+d/%e6%a1%8c"));
        assertNull(SdkSignature.canonicalUri("/bad%2"));
    }

    @Test
    void canonicalQueryRules() {
        assertEquals("", SdkSignature.canonicalQueryString(null));
        assertEquals("", SdkSignature.canonicalQueryString(""));
        assertEquals("a=1&b=&c=", SdkSignature.canonicalQueryString("c&b=&a=1"));
        assertEquals("a=x%2By", SdkSignature.canonicalQueryString("a=x+y"));
        assertEquals("a=b%3Dc", SdkSignature.canonicalQueryString("a=b=c"));
        assertNull(SdkSignature.canonicalQueryString("a=%zz"));
        assertNull(SdkSignature.canonicalQueryString("a=%٣٣")); // non-ASCII digits are not hex
    }

    @Test
    void parsesAuthorizationHeader() {
        String sig = "a".repeat(64);
        SdkSignature.Authorization auth = SdkSignature.parseAuthorization(
                "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;x-sdk-date, Signature=" + sig)
                .orElseThrow();
        assertEquals("AK1", auth.accessKey());
        assertEquals(List.of("host", "x-sdk-date"), auth.signedHeaders());
        assertEquals("host;x-sdk-date", auth.signedHeadersLine());
        assertEquals(sig, auth.signature());
        assertTrue(SdkSignature.parseAuthorization(
                "SDK-HMAC-SHA256   Access=AK1 ,SignedHeaders=host , Signature=" + sig.toUpperCase())
                .isPresent());

        for (String bad : new String[] {
            null, "", "SDK-HMAC-SHA256", "Bearer x",
            "SDK-HMAC-SHA256Access=AK1, SignedHeaders=host, Signature=" + sig,
            "SDK-HMAC-SM3 Access=AK1, SignedHeaders=host, Signature=" + sig,
            "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host",
            "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=abc",
            "SDK-HMAC-SHA256 Access=, SignedHeaders=host, Signature=" + sig,
            "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host;;x, Signature=" + sig,
            "SDK-HMAC-SHA256 Access=AK1, Access=AK2, SignedHeaders=host, Signature=" + sig,
            "SDK-HMAC-SHA256 Access=AK1, SignedHeaders=host, Signature=" + sig + ", Extra=1",
        }) {
            assertTrue(SdkSignature.parseAuthorization(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void sdkDateFormatAndFreshness() {
        Instant now = Instant.parse("2024-05-06T07:08:09Z");
        assertEquals(Optional.of(now), SdkSignature.parseSdkDate("20240506T070809Z"));
        assertTrue(SdkSignature.isSdkDateFresh("20240506T070809Z", now));
        assertTrue(SdkSignature.isSdkDateFresh("20240506T065309Z", now));  // 15 min before
        assertTrue(SdkSignature.isSdkDateFresh("20240506T072309Z", now));  // 15 min after
        assertFalse(SdkSignature.isSdkDateFresh("20240506T065308Z", now));
        assertFalse(SdkSignature.isSdkDateFresh("20240506T072310Z", now));
        for (String bad : new String[] {null, "", "20240506T070809", "2024-05-06T07:08:09Z",
            "20240506T250809Z", "20240230T070809Z", "20240506t070809z", "20240506T070809Z "}) {
            assertTrue(SdkSignature.parseSdkDate(bad).isEmpty(), String.valueOf(bad));
            assertFalse(SdkSignature.isSdkDateFresh(bad, now));
        }
    }

    @Test
    void missingSignedHeaderOrDateFailsVerification() {
        WireRequest req = signWithSdk(HttpMethod.GET, PROJECT_ID, metricsQuery("x"), null);
        for (String drop : List.of("User-Agent", "X-Sdk-Date", "Host", "Authorization")) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(req.headers());
            headers.remove(drop);
            assertFalse(new WireRequest(req.method(), req.rawPath(), req.rawQuery(), headers,
                    req.body(), null).verifiesWith(SK), drop);
        }
    }

    // -----------------------------------------------------------------------------------------
    // End to end: a real WorkspaceClient against a local HttpServer
    // -----------------------------------------------------------------------------------------

    /** One request exactly as the JDK HTTP server received it. */
    private record Captured(String requestLine, String method, String rawPath, String rawQuery,
                            Headers headers, byte[] body) {
    }

    private static HttpServer server;
    private static final BlockingQueue<Captured> CAPTURED = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            // The URI object keeps the request-target exactly as it appeared on the request line.
            String target = exchange.getRequestURI().toString();
            CAPTURED.add(new Captured(
                    exchange.getRequestMethod() + " " + target + " " + exchange.getProtocol(),
                    exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
            byte[] answer = "{\"count\":0,\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    static Stream<String> endToEndNames() {
        return Stream.of("dev 01*~/+=&x", "桌面-01", "a b+c", "100% sure~*", "emoji😀/é",
                "quote'\"<>#[]{}|\\^`!$(),:;@?", " padded ");
    }

    @ParameterizedTest
    @MethodSource("endToEndNames")
    void realWorkspaceClientRequestVerifies(String resourceName) throws Exception {
        CAPTURED.clear();
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        WorkspaceClient client = SdkClients.workspace(endpoint, AK, SK, PROJECT_ID);

        ListDesktopUsageMetricResponse response = client.listDesktopUsageMetric(
                new ListDesktopUsageMetricRequest()
                        .withStartTime("2024-01-01T00:00:00Z")
                        .withEndTime("2024-01-31T23:59:59Z")
                        .withResourceName(resourceName)
                        .withMinIdleDays(3));
        assertEquals(0, response.getCount());

        Captured c = CAPTURED.poll(10, TimeUnit.SECONDS);
        assertNotNull(c, "server saw no request");
        Function<String, String> lookup = c.headers()::getFirst;

        assertEquals("GET", c.method());
        assertEquals("/v2/" + PROJECT_ID + "/statistics/metrics/desktops", c.rawPath());
        // The wire carries OkHttp's encoding of the value, not the signer's.
        assertTrue(c.rawQuery().contains("resource_name=" + okHttpQueryEncode(resourceName)),
                c.requestLine());
        assertEquals(SdkSignature.canonicalEncode(resourceName), canonicalValueOf(c.rawQuery()));

        SdkSignature.Authorization auth =
                SdkSignature.parseAuthorization(lookup.apply("Authorization")).orElseThrow();
        assertEquals(AK, auth.accessKey());
        assertEquals("host;user-agent;x-project-id;x-sdk-date", auth.signedHeadersLine());
        assertEquals("127.0.0.1:" + server.getAddress().getPort(), lookup.apply("Host"));
        assertTrue(SdkSignature.isSdkDateFresh(lookup.apply("X-Sdk-Date"), Instant.now()));

        assertTrue(SdkSignature.verify(c.method(), c.rawPath(), c.rawQuery(), lookup, c.body(), SK),
                c.requestLine());
        assertFalse(SdkSignature.verify(c.method(), c.rawPath(), c.rawQuery(), lookup, c.body(),
                WRONG_SK));
        assertFalse(SdkSignature.verify(c.method(), c.rawPath() + "x", c.rawQuery(), lookup,
                c.body(), SK));
        assertFalse(SdkSignature.verify(c.method(), c.rawPath(),
                c.rawQuery().replace("min_idle_days=3", "min_idle_days=30"), lookup, c.body(), SK));
        assertFalse(SdkSignature.verify("POST", c.rawPath(), c.rawQuery(), lookup, c.body(), SK));
    }

    /** OkHttp's own encoding of a query value, to compare the captured line against. */
    private static String okHttpQueryEncode(String value) {
        return HttpUrl.get("http://h/").newBuilder().addQueryParameter("v", value).build()
                .encodedQuery().substring(2);
    }

    private static String canonicalValueOf(String rawQuery) {
        for (String pair : SdkSignature.canonicalQueryString(rawQuery).split("&")) {
            if (pair.startsWith("resource_name=")) {
                return pair.substring("resource_name=".length());
            }
        }
        throw new AssertionError("resource_name missing from " + rawQuery);
    }
}
