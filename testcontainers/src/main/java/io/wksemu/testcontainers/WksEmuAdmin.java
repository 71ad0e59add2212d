package io.wksemu.testcontainers;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A typed client of the emulator's admin API ({@code /_emulator}): the clock, fixtures, state, aggregations,
 * live logins, faults, the request journal and the stored projects. Every answer other than success is a
 * {@link WksEmuException} with the status and the emulator's {@code error_code} and {@code error_msg}.
 * Instances are immutable and safe to share between threads.
 * <pre>{@code
 * WksEmuAdmin admin = WksEmuAdmin.connect("http://localhost:8080");   // .withAdminToken(token) when set
 * admin.freezeClock(Instant.parse("2026-11-03T09:00:00Z"));
 * admin.loadFixture(Fixture.project("p1").desktop("d1", "dev-01").dailyUsage("d1", "today-1d", 3600), true);
 * admin.advanceClock(Duration.ofDays(1));                            // aggregates the day that became due
 * admin.verify(1, RequestPattern.desktopQueries("p1"));
 * }</pre>
 */
public final class WksEmuAdmin {

    /** The header that carries the admin token when the emulator has {@code EMULATOR_ADMIN_TOKEN} set. */
    public static final String ADMIN_TOKEN_HEADER = "X-Emulator-Admin-Token";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String adminToken;

    private WksEmuAdmin(URI base, String adminToken) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.adminToken = adminToken;
    }

    /** A client of the emulator at {@code baseUrl} (e.g. {@code http://localhost:8080}). */
    public static WksEmuAdmin connect(String baseUrl) {
        return new WksEmuAdmin(URI.create(baseUrl), null);
    }

    public static WksEmuAdmin connect(URI baseUrl) {
        return new WksEmuAdmin(baseUrl, null);
    }

    /** The same client, sending {@code token} in {@value #ADMIN_TOKEN_HEADER}. */
    public WksEmuAdmin withAdminToken(String token) {
        return new WksEmuAdmin(base, token);
    }

    public URI baseUrl() {
        return base;
    }

    // --- the clock

    public Clock clock() {
        return call("GET", "/_emulator/clock", null, type(Clock.class));
    }

    /** Sets the clock to {@code now} and stops it there; days that became due are aggregated first. */
    public Clock freezeClock(Instant now) {
        return call("PUT", "/_emulator/clock", Map.of("now", now.toString(), "frozen", true), type(Clock.class));
    }

    /** Sets the clock to {@code now}, running on from there. */
    public Clock runClockFrom(Instant now) {
        return call("PUT", "/_emulator/clock", Map.of("now", now.toString(), "frozen", false), type(Clock.class));
    }

    /** Moves the clock by {@code by}; the answer lists the days it made due and aggregated. */
    public Clock advanceClock(Duration by) {
        return call("POST", "/_emulator/clock/advance", Map.of("by", by.toString()), type(Clock.class));
    }

    /** Back to the system clock. */
    public Clock resetClock() {
        return call("DELETE", "/_emulator/clock", null, type(Clock.class));
    }

    // --- fixtures

    /** Loads the document, adding to (or updating) what is stored. */
    public LoadResult loadFixture(Fixture fixture) {
        return loadFixture(fixture, false);
    }

    /** Loads the document; with {@code reset}, the projects it names are wiped first. */
    public LoadResult loadFixture(Fixture fixture, boolean reset) {
        return loadFixtureJson(fixture.toJson(), reset);
    }

    public LoadResult loadFixture(Path file, boolean reset) {
        try {
            return loadFixtureJson(Files.readString(file), reset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture document on the classpath, e.g. {@code "fixtures/two-desktops.json"}. */
    public LoadResult loadFixtureResource(String resource, boolean reset) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : WksEmuAdmin.class.getClassLoader()).getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + name);
            }
            return loadFixtureJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), reset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture document given as JSON text. */
    public LoadResult loadFixtureJson(String json, boolean reset) {
        return call("POST", "/_emulator/fixtures?reset=" + reset, json, type(LoadResult.class));
    }

    /** The project as a fixture document (JSON) that loads back to the same state. */
    public String exportProject(String projectId) {
        return call("GET", "/_emulator/fixtures?project_id=" + encode(projectId), null, null);
    }

    /** Every stored project as one fixture document (JSON). */
    public String exportAll() {
        return call("GET", "/_emulator/fixtures", null, null);
    }

    // --- state

    public void wipeProject(String projectId) {
        call("DELETE", "/_emulator/state?project_id=" + encode(projectId), null, null);
    }

    /** Wipes every project and forgets which days were aggregated; the clock is not touched. */
    public void wipeAll() {
        call("DELETE", "/_emulator/state", null, null);
    }

    /** Wipes everything and loads the seed folder again, in one transaction; answers what the seed stored. */
    public LoadResult reseed() {
        return reseeded(call("DELETE", "/_emulator/state?reseed=true", null, type(JsonNode.class)));
    }

    /** Wipes the project and loads its part of the seed folder again. */
    public LoadResult reseedProject(String projectId) {
        return reseeded(call("DELETE", "/_emulator/state?reseed=true&project_id=" + encode(projectId), null,
                type(JsonNode.class)));
    }

    private static LoadResult reseeded(JsonNode answer) {
        return Json.MAPPER.convertValue(answer.get("reseeded"), LoadResult.class);
    }

    // --- aggregation

    /** (Re)aggregates one day now, with the daily job's own code; the day must be due on the clock. */
    public List<AggregatedDay> aggregate(LocalDate day) {
        return days(call("POST", "/_emulator/aggregations", Map.of("day", day.toString()), type(JsonNode.class)),
                AggregatedDay.class);
    }

    /** (Re)aggregates the days from {@code from} to {@code to}, both included (at most 366). */
    public List<AggregatedDay> aggregate(LocalDate from, LocalDate to) {
        return days(call("POST", "/_emulator/aggregations", Map.of("from", from.toString(), "to", to.toString()),
                type(JsonNode.class)), AggregatedDay.class);
    }

    /** The days aggregated so far. */
    public List<AggregationRecord> aggregatedDays() {
        return days(call("GET", "/_emulator/aggregations", null, type(JsonNode.class)), AggregationRecord.class);
    }

    private static <T> List<T> days(JsonNode answer, Class<T> element) {
        return Json.MAPPER.convertValue(answer.get("days"), listOf(element));
    }

    // --- live logins

    /** Opens a session on the desktop at the clock's now, for the emulator's default user. */
    public Session login(String projectId, String resourceId) {
        return call("POST", desktopPath(projectId, resourceId) + "/login", null, type(Session.class));
    }

    public Session login(String projectId, String resourceId, String userName) {
        return call("POST", desktopPath(projectId, resourceId) + "/login", Map.of("user_name", userName),
                type(Session.class));
    }

    /** Closes the desktop's open session at the clock's now. */
    public Session logout(String projectId, String resourceId) {
        return call("POST", desktopPath(projectId, resourceId) + "/logout", null, type(Session.class));
    }

    /** Records a failed login attempt at the clock's now; no session opens. */
    public LoginFailure failedLogin(String projectId, String resourceId, String userName) {
        return call("POST", desktopPath(projectId, resourceId) + "/login",
                Map.of("user_name", userName, "failed", true), type(LoginFailure.class));
    }

    // --- faults

    public Fault injectFault(FaultSpec fault) {
        return call("POST", "/_emulator/faults", fault.body(), type(Fault.class));
    }

    /** The faults still pending. */
    public List<Fault> faults() {
        JsonNode answer = call("GET", "/_emulator/faults", null, type(JsonNode.class));
        return Json.MAPPER.convertValue(answer.get("faults"), listOf(Fault.class));
    }

    /** Clears every pending fault; answers how many there were. */
    public int clearFaults() {
        return this.<JsonNode>call("DELETE", "/_emulator/faults", null, type(JsonNode.class)).get("cleared").asInt();
    }

    // --- the request journal

    /** The last calls to the emulated API, newest first. */
    public List<RequestEntry> requests() {
        return requests(RequestPattern.any());
    }

    /** The journal's entries that match, newest first. */
    public List<RequestEntry> requests(RequestPattern pattern) {
        String query = pattern.projectId() == null ? "" : "?project_id=" + encode(pattern.projectId());
        JsonNode answer = call("GET", "/_emulator/requests" + query, null, type(JsonNode.class));
        List<RequestEntry> entries = Json.MAPPER.convertValue(answer.get("requests"), listOf(RequestEntry.class));
        return entries.stream().filter(pattern).collect(Collectors.toUnmodifiableList());
    }

    public int countRequests(RequestPattern pattern) {
        return requests(pattern).size();
    }

    /** Fails with an {@link AssertionError} naming what was found unless exactly {@code expected} calls match. */
    public void verify(int expected, RequestPattern pattern) {
        List<RequestEntry> found = requests(pattern);
        if (found.size() != expected) {
            throw new AssertionError("expected " + expected + " " + pattern + ", found " + found.size() + ": "
                    + found.stream().map(e -> e.method() + " " + e.path() + (e.query() == null ? "" : "?" + e.query())
                            + " -> " + e.status()).collect(Collectors.joining(", ")));
        }
    }

    /** Empties the journal; answers how many entries it held. */
    public int clearRequests() {
        return this.<JsonNode>call("DELETE", "/_emulator/requests", null, type(JsonNode.class)).get("cleared").asInt();
    }

    // --- stored projects

    public List<ProjectSummary> projects() {
        JsonNode answer = call("GET", "/_emulator/projects", null, type(JsonNode.class));
        return Json.MAPPER.convertValue(answer.get("projects"), listOf(ProjectSummary.class));
    }

    /** The first 100 desktops of the project, by name then id. */
    public DesktopPage desktops(String projectId) {
        return desktops(projectId, 0, 100);
    }

    public DesktopPage desktops(String projectId, int offset, int limit) {
        return call("GET", "/_emulator/projects/" + encode(projectId) + "/desktops?offset=" + offset + "&limit=" + limit,
                null, type(DesktopPage.class));
    }

    // --- transport

    private <T> T call(String method, String pathAndQuery, Object body, JavaType answerType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(TIMEOUT);
        if (adminToken != null) {
            request.header(ADMIN_TOKEN_HEADER, adminToken);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String json = body instanceof String text ? text : Json.write(body);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WksEmuException(method + " " + base + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WksEmuException(method + " " + base + pathAndQuery + " interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw error(response);
        }
        @SuppressWarnings("unchecked")
        T answer = answerType == null ? (T) response.body() : Json.read(response.body(), answerType);
        return answer;
    }

    private static WksEmuException error(HttpResponse<String> response) {
        try {
            JsonNode body = Json.MAPPER.readTree(response.body());
            if (body != null && body.hasNonNull("error_code")) {
                return new WksEmuException(response.statusCode(), body.get("error_code").asText(),
                        body.path("error_msg").asText(null));
            }
        } catch (IOException notJson) {
            // the body is not the emulator's error body: keep it as the message
        }
        return new WksEmuException(response.statusCode(), null, response.body());
    }

    private static String desktopPath(String projectId, String resourceId) {
        return "/_emulator/projects/" + encode(projectId) + "/desktops/" + encode(resourceId);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JavaType type(Class<?> type) {
        return TypeFactory.defaultInstance().constructType(type);
    }

    private static JavaType listOf(Class<?> element) {
        return TypeFactory.defaultInstance().constructCollectionType(List.class, element);
    }
}
