package io.wksemu.examples;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.freezeClock;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.wksemu.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CI recipes of examples/ci: the sample fixture they start from loads and answers what it says, and every
 * job does what the README says (waits for readiness, freezes the clock, loads the fixture, tests).
 */
@QuarkusTest
class CiRecipesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theSampleFixtureLoadsRelativeToTheFrozenClockAndAnswers() throws IOException {
        freezeClock(TestSupport.NOW); // the recipes freeze the clock at this instant before loading
        given().contentType("application/json").body(Files.readString(Path.of("examples/ci/workspace-fixture.json")))
                .queryParam("reset", true).post("/_emulator/fixtures").then().statusCode(200)
                .body("projects", equalTo(1)).body("desktops", equalTo(2)).body("sessions", equalTo(2))
                .body("daily_usage", equalTo(1)).body("login_failures", equalTo(1));
        // 3 h of alice yesterday and 2 h a week ago; bob's 22:00-01:00 across midnight, 2 h + 1 h
        given().header("X-Auth-Token", "any").queryParam("start_time", "2026-05-16T00:00:00Z")
                .queryParam("end_time", "2026-06-15T00:00:00Z").queryParam("sort_field", "desktop_usage")
                .get("/v2/ci-project/statistics/metrics/desktops").then().statusCode(200)
                .body("count", equalTo(2))
                .body("items[0].resource_name", equalTo("build-01")).body("items[0].metric[0].metric_value", equalTo(18000.0f))
                .body("items[1].resource_name", equalTo("pool-01")).body("items[1].resource_pool_id", equalTo("ci-pool"))
                .body("items[1].metric[0].metric_value", equalTo(10800.0f));
        given().header("X-Auth-Token", "any").queryParam("start_time", "2026-05-16T00:00:00Z")
                .queryParam("end_time", "2026-06-15T00:00:00Z").queryParam("sort_field", "user_usage")
                .get("/v2/ci-project/statistics/metrics/users").then().statusCode(200)
                .body("count", equalTo(2)).body("items[0].username", equalTo("alice"))
                .body("items[0].metric[1].metric_value", equalTo(2.0f)) // one login, one failed
                .body("items[0].metric[3].metric_value", equalTo(1.0f));
    }

    @Test
    void everyJobWaitsFreezesTheClockLoadsTheFixtureAndTests() throws IOException {
        JsonNode github = YAML.readTree(Path.of("examples/ci/github-actions.yml").toFile()).path("jobs");
        assertEquals(3, github.size());
        github.fields().forEachRemaining(job -> {
            String steps = job.getValue().path("steps").toString();
            assertTrue(steps.contains("/q/health/ready") && steps.contains("_emulator/clock")
                    && steps.contains("fixtures?reset=true") && steps.contains("workspace-fixture.json")
                    && steps.contains("-Dworkspace.endpoint=http://localhost:8080"), job.getKey() + ": " + steps);
        });
        JsonNode jar = github.path("with-jar");
        // the package carries seed/ and loads it by default: a relative seed folder would resolve elsewhere
        assertFalse(jar.toString().contains("EMULATOR_SEED_DIR"), jar.toString());
        JsonNode checkout = jar.path("steps").get(1);
        assertEquals("wksemu/wksemu", checkout.path("with").path("repository").asText());
        assertTrue(checkout.path("with").path("ref").asText().matches("v\\d+\\.\\d+\\.\\d+|[0-9a-f]{40}"), checkout.toString());

        // with-image is one service on its embedded database; the other jobs bring a PostgreSQL beside it
        github.fields().forEachRemaining(job -> assertEquals(!job.getKey().equals("with-image"),
                job.getValue().path("services").has("postgres"), job.getKey()));
        assertEquals(1, github.path("with-image").path("services").size());

        JsonNode gitlab = YAML.readTree(Path.of("examples/ci/gitlab-ci.yml").toFile());
        JsonNode alone = gitlab.path("integration");
        assertEquals(1, alone.path("services").size());
        assertTrue(alone.path("variables").path("DB_HOST").isMissingNode());
        JsonNode external = gitlab.path("integration-external-db");
        assertEquals("true", external.path("variables").path("FF_NETWORK_PER_BUILD").asText());
        assertEquals("postgres", external.path("variables").path("DB_HOST").asText());
        for (String job : new String[] {"integration", "integration-external-db"}) {
            String script = gitlab.path(job).path("script").toString();
            assertTrue(script.contains("/q/health/ready") && script.contains("_emulator/clock")
                    && script.contains("fixtures?reset=true") && script.contains("workspace-fixture.json"), job + ": " + script);
        }
    }
}
