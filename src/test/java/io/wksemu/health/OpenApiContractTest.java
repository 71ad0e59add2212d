package io.wksemu.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.wksemu.TestSupport;
import io.wksemu.admin.AdminGuard;
import io.wksemu.error.RequestIds;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI-driven check: {@code /q/openapi} documents every JAX-RS route of the app with its method,
 * its request bodies with their properties, its security schemes and {@code X-Request-Id}; and real calls
 * of every operation (success, bad input, unknown project, conflicts...) answer only statuses the document
 * lists for that operation.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode document;

    /** Read once the application listens (RestAssured knows its port only then). */
    @BeforeEach
    void readDocument() throws Exception {
        if (document == null) {
            document = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .extract().asString());
        }
    }

    @Test
    void everyJaxRsRouteIsDocumentedWithItsMethod() throws Exception {
        List<String> routes = routes();
        assertTrue(routes.size() >= 21, routes.toString());
        List<String> missing = new ArrayList<>();
        for (String route : routes) {
            String[] parts = route.split(" ", 2);
            if (document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT)).isMissingNode()) {
                missing.add(route);
            }
        }
        assertEquals(List.of(), missing, "routes missing from /q/openapi");
        // and nothing documented that is no route
        List<String> documented = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertEquals(new TreeSet<>(routes), new TreeSet<>(documented));
    }

    @Test
    void everyRequestBodyHasASchemaWithProperties() {
        List<String> bodies = new ArrayList<>();
        forEachOperation((name, op) -> {
            JsonNode body = op.path("requestBody");
            if (body.isMissingNode()) {
                return;
            }
            bodies.add(name);
            assertTrue(body.path("content").size() > 0, name);
            body.path("content").forEach(media -> {
                JsonNode schema = resolve(media.path("schema"));
                assertTrue(schema.path("properties").size() > 0, name + ": " + schema);
            });
        });
        assertEquals(List.of("POST /_emulator/aggregations", "POST /_emulator/clock/advance", "POST /_emulator/faults",
                "POST /_emulator/fixtures", "POST /_emulator/projects/{project_id}/desktops/{resource_id}/login",
                "PUT /_emulator/clock"), bodies.stream().sorted().toList());
        // a resource reading the raw exchange has no body, and the framework's types are no schemas
        for (String framework : List.of("RoutingContext", "Buffer", "User", "JsonNode", "ObjectNode")) {
            assertTrue(document.at("/components/schemas/" + framework).isMissingNode(), framework);
        }
    }

    @Test
    void everyResponseDocumentsTheRequestIdHeaderAndErrorsTheirBody() {
        assertEquals("^[0-9a-f]{32}$", document.at("/components/headers/" + RequestIds.HEADER + "/schema/pattern").asText());
        forEachOperation((name, op) -> op.path("responses").fields().forEachRemaining(response -> {
            assertTrue(response.getValue().path("headers").has(RequestIds.HEADER), name + " " + response.getKey());
            if (response.getKey().matches("[45].*")) {
                assertEquals("#/components/schemas/ErrorBody",
                        response.getValue().at("/content/application~1json/schema/$ref").asText(), name + " " + response.getKey());
            }
        }));
        assertEquals(List.of("error_code", "error_msg", "request_id"),
                iterate(document.at("/components/schemas/ErrorBody/properties").fieldNames()));
    }

    /** Every "emulator.auth.mode X" the document mentions names a mode that exists. */
    @Test
    void theDocumentNamesOnlyAuthModesThatExist() {
        java.util.Set<String> modes = java.util.Arrays.stream(io.wksemu.config.EmulatorConfig.AuthMode.values())
                .map(mode -> mode.name().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        java.util.regex.Matcher mention = java.util.regex.Pattern.compile("emulator\\.auth\\.mode ([a-z]+(?:(?:, | or | and )[a-z]+)*)")
                .matcher(document.toString());
        int mentions = 0;
        while (mention.find()) {
            mentions++;
            for (String word : mention.group(1).split(", | or | and ")) {
                assertTrue(modes.contains(word), "the document names auth mode '" + word + "' in: " + mention.group());
            }
        }
        assertTrue(mentions >= 2, "both credential schemes say which modes take them");
    }

    @Test
    void securitySchemesAreDocumented() {
        JsonNode schemes = document.at("/components/securitySchemes");
        assertScheme(schemes.path("X-Auth-Token"), "X-Auth-Token");
        assertScheme(schemes.path("SDK-HMAC-SHA256"), "Authorization");
        assertScheme(schemes.path("X-Sdk-Date"), "X-Sdk-Date");
        assertScheme(schemes.path(AdminGuard.HEADER), AdminGuard.HEADER);
        JsonNode desktops = document.at("/paths/~1v2~1{project_id}~1statistics~1metrics~1desktops/get/security");
        assertEquals("[{\"X-Auth-Token\":[]},{\"SDK-HMAC-SHA256\":[],\"X-Sdk-Date\":[]},{}]", desktops.toString());
        assertEquals("[{\"X-Emulator-Admin-Token\":[]},{}]", document.at("/paths/~1_emulator~1clock/get/security").toString());
    }

    @Test
    void instantsAreDateTimesAndClosedSetsAreEnums() {
        JsonNode clock = document.at("/components/schemas/ClockView/properties");
        assertEquals("date-time", clock.at("/now/format").asText());
        assertEquals("date-time", clock.at("/next_aggregation/format").asText());
        assertEquals("[\"system\",\"fixed\",\"offset\"]", clock.at("/mode/enum").toString());
        assertEquals("date-time", document.at("/components/schemas/SetClock/properties/now/format").asText());
        assertEquals("date-time", document.at("/components/schemas/SessionView/properties/login_at/format").asText());
        assertEquals("date-time", document.at("/components/schemas/Entry/properties/time/format").asText());
    }

    /** The core of the check: whatever a real call answers, its operation lists. */
    @Test
    void realCallsAnswerOnlyDocumentedStatuses() {
        String project = TestSupport.newProject();
        String unknown = TestSupport.newProject();
        TestSupport.freezeClock(TestSupport.NOW);
        List<String> undocumented = new ArrayList<>();
        Caller call = (method, template, path, body) -> {
            var spec = given().contentType(ContentType.JSON);
            if (body != null) {
                spec = spec.body(body);
            }
            Response response = spec.request(method, path);
            String name = method + " " + template;
            JsonNode op = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
            assertFalse(op.isMissingNode(), name);
            String status = String.valueOf(response.statusCode());
            JsonNode documented = op.path("responses").has(status) ? op.path("responses").path(status)
                    : op.path("responses").path(status.charAt(0) + "XX");
            if (documented.isMissingNode()) {
                undocumented.add(name + " (" + path + ") answered " + status + " " + response.asString());
            }
            assertNotNull(response.header(RequestIds.HEADER), name);
            return response.statusCode();
        };
        String fixture = "{\"projects\":[{\"project_id\":\"" + project + "\",\"desktops\":["
                + "{\"resource_id\":\"d1\",\"resource_name\":\"one\"},{\"resource_id\":\"d2\",\"resource_name\":\"two\"}],"
                + "\"daily_usage\":[{\"resource_id\":\"d1\",\"day\":\"2026-06-10\",\"usage_seconds\":3600}]}]}";
        String login = "/_emulator/projects/{project_id}/desktops/{resource_id}/login";
        String logout = "/_emulator/projects/{project_id}/desktops/{resource_id}/logout";
        String desktops = "/v2/{project_id}/statistics/metrics/desktops";
        String users = "/v2/{project_id}/statistics/metrics/users";
        String window = "?start_time=" + TestSupport.WIDE_START + "&end_time=" + TestSupport.WIDE_END;
        int[] statuses = {
                call.call("POST", "/_emulator/fixtures", "/_emulator/fixtures", fixture),
                call.call("POST", "/_emulator/fixtures", "/_emulator/fixtures", "{\"projects\": 5}"),
                call.call("POST", "/_emulator/fixtures", "/_emulator/fixtures?reset=maybe", fixture),
                call.call("POST", "/_emulator/fixtures", "/_emulator/fixtures", "not json"),
                call.call("GET", "/_emulator/fixtures", "/_emulator/fixtures?project_id=" + project, null),
                call.call("GET", "/_emulator/fixtures", "/_emulator/fixtures?project_id=" + unknown, null),
                call.call("GET", "/_emulator/fixtures", "/_emulator/fixtures?project_id=bad!", null),
                call.call("GET", "/_emulator/clock", "/_emulator/clock", null),
                call.call("PUT", "/_emulator/clock", "/_emulator/clock", "{}"),
                call.call("PUT", "/_emulator/clock", "/_emulator/clock", "{\"now\": \"yesterday\"}"),
                call.call("PUT", "/_emulator/clock", "/_emulator/clock", "{\"now\": \"" + TestSupport.NOW + "\"}"),
                call.call("POST", "/_emulator/clock/advance", "/_emulator/clock/advance", "{\"by\": \"soon\"}"),
                call.call("POST", "/_emulator/clock/advance", "/_emulator/clock/advance", "{\"by\": \"PT1H\"}"),
                call.call("DELETE", "/_emulator/clock", "/_emulator/clock", null),
                call.call("PUT", "/_emulator/clock", "/_emulator/clock", "{\"now\": \"" + TestSupport.NOW + "\"}"),
                call.call("GET", "/_emulator/aggregations", "/_emulator/aggregations", null),
                call.call("POST", "/_emulator/aggregations", "/_emulator/aggregations", "{\"day\": \"2026-06-10\"}"),
                call.call("POST", "/_emulator/aggregations", "/_emulator/aggregations", "{\"day\": \"2026-06-16\"}"),
                call.call("POST", "/_emulator/aggregations", "/_emulator/aggregations", "{}"),
                call.call("GET", "/_emulator/projects", "/_emulator/projects", null),
                call.call("GET", "/_emulator/projects/{project_id}/desktops", "/_emulator/projects/" + project + "/desktops", null),
                call.call("GET", "/_emulator/projects/{project_id}/desktops", "/_emulator/projects/" + unknown + "/desktops", null),
                call.call("GET", "/_emulator/projects/{project_id}/desktops", "/_emulator/projects/" + project + "/desktops?limit=0", null),
                call.call("GET", "/_emulator/projects/{project_id}/usage", "/_emulator/projects/" + project + "/usage", null),
                call.call("GET", "/_emulator/projects/{project_id}/usage", "/_emulator/projects/" + unknown + "/usage", null),
                call.call("GET", "/_emulator/projects/{project_id}/usage", "/_emulator/projects/" + project + "/usage?offset=-1", null),
                call.call("POST", login, "/_emulator/projects/" + project + "/desktops/d1/login", null),
                call.call("POST", login, "/_emulator/projects/" + project + "/desktops/d1/login", "{\"user_name\": \"alice\"}"),
                call.call("POST", login, "/_emulator/projects/" + project + "/desktops/nope/login", null),
                call.call("POST", login, "/_emulator/projects/" + project + "/desktops/d2/login", "{\"user\": 1}"),
                call.call("POST", login, "/_emulator/projects/" + project + "/desktops/d2/login", "{\"failed\": true}"),
                call.call("POST", logout, "/_emulator/projects/" + project + "/desktops/d1/logout", null),
                call.call("POST", logout, "/_emulator/projects/" + project + "/desktops/d1/logout", null),
                call.call("POST", logout, "/_emulator/projects/" + project + "/desktops/nope/logout", null),
                call.call("POST", "/_emulator/faults", "/_emulator/faults", "{}"),
                call.call("POST", "/_emulator/faults", "/_emulator/faults", "{\"status\": 600}"),
                call.call("POST", "/_emulator/faults", "/_emulator/faults",
                        "{\"status\": 503, \"count\": 1, \"project_id\": \"" + project + "\"}"),
                call.call("GET", "/_emulator/faults", "/_emulator/faults", null),
                call.call("GET", desktops, "/v2/" + project + "/statistics/metrics/desktops" + window, null),
                call.call("GET", desktops, "/v2/" + project + "/statistics/metrics/desktops" + window, null),
                call.call("GET", desktops, "/v2/" + project + "/statistics/metrics/desktops", null),
                call.call("GET", desktops, "/v2/" + project + "/statistics/metrics/desktops" + window + "&limit=0", null),
                call.call("GET", desktops, "/v2/" + project + "/statistics/metrics/desktops?x=" + "a".repeat(5000), null),
                call.call("GET", users, "/v2/" + project + "/statistics/metrics/users" + window, null),
                call.call("GET", users, "/v2/" + project + "/statistics/metrics/users?start_time=x", null),
                call.call("GET", "/_emulator/requests", "/_emulator/requests?project_id=" + project, null),
                call.call("GET", "/_emulator/requests", "/_emulator/requests?x=" + "a".repeat(5000), null),
                call.call("DELETE", "/_emulator/faults", "/_emulator/faults", null),
                call.call("DELETE", "/_emulator/state", "/_emulator/state?reseed=maybe", null),
                call.call("DELETE", "/_emulator/state", "/_emulator/state?project_id=" + project, null),
                call.call("DELETE", "/_emulator/requests", "/_emulator/requests", null),
        };
        assertEquals(List.of(), undocumented, "statuses the document does not list");
        // the calls meant to meet each documented kind of answer did
        assertEquals(List.of(200, 400, 400, 400, 200, 404, 400, 200, 400, 400, 200, 400, 200, 200, 200, 200, 200,
                400, 400, 200, 200, 404, 400, 200, 404, 400, 201, 409, 404, 400, 201, 200, 409, 404, 400, 400, 201,
                200, 503, 200, 400, 400, 414, 200, 400, 200, 414, 200, 400, 200, 200),
                java.util.Arrays.stream(statuses).boxed().toList());
    }

    @FunctionalInterface
    private interface Caller {
        int call(String method, String template, String path, String body);
    }

    /** "METHOD /path" of every resource method of the app, from its JAX-RS annotations. */
    private static List<String> routes() throws Exception {
        List<String> routes = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.wksemu")) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = Class.forName(type.getName());
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = (base + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                        routes.add(http.value() + " " + (path.length() > 1 ? path.replaceAll("/$", "") : path));
                    }
                }
            }
        }
        return routes;
    }

    private interface OperationVisitor {
        void visit(String name, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                op -> visitor.visit(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue())));
    }

    private static JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
            return document.path("components").path("schemas").path(name);
        }
        return schema;
    }

    private static void assertScheme(JsonNode scheme, String header) {
        assertEquals("apiKey", scheme.path("type").asText(), scheme.toString());
        assertEquals("header", scheme.path("in").asText(), scheme.toString());
        assertEquals(header, scheme.path("name").asText(), scheme.toString());
    }

    private static List<String> iterate(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
