package io.wksemu.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricResponse;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The container class on real containers (scripts/verify-containers.sh runs it, -Pcontainers): fixtures and a
 * seed folder copied in, a frozen clock, strict credentials, an admin token and an external database.
 */
class WksEmuContainerTest {

    private static final Instant NOW = Instant.parse("2026-11-05T09:00:00Z");

    @Test
    void fixturesJoinTheImagesSeedAndTheClockIsFrozenOnceReady(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("from-a-file.json"), Fixture.project("file-project")
                .desktop("f1", "from-a-file", null, "2026-10-01T00:00:00Z").toJson());
        try (WksEmuContainer emulator = new WksEmuContainer()
                .withFixture("built", Fixture.project("built-project")
                        .desktop("b1", "built-in-code", null, "2026-10-01T00:00:00Z")
                        .session("b1", "alice", "2026-11-03T09:00:00Z", "2026-11-03T11:30:00Z"))
                .withFixture(file)
                .withFixtureResource("fixtures/one-desktop.json")
                .withClock(NOW)) {
            emulator.start();
            WksEmuAdmin admin = emulator.admin();

            Clock clock = admin.clock();
            assertEquals(NOW, clock.now());
            assertTrue(clock.frozen());
            assertEquals(List.of(WksEmuContainer.SEED_PROJECT_ID, "built-project", "file-project", "resource-fixture"),
                    admin.projects().stream().map(ProjectSummary::projectId).sorted().toList());
            assertEquals(5, admin.desktops(WksEmuContainer.SEED_PROJECT_ID).count());
            assertEquals("from-the-classpath", admin.desktops("resource-fixture").desktops().get(0).resourceName());

            // the built fixture's session, aggregated by the catch-up of the clock's start (3 November is due)
            WorkspaceClient client = sdk(emulator.getEndpoint(), "built-project", emulator.getAccessKey(),
                    emulator.getSecretKey());
            assertEquals(9000.0, usage(client.listDesktopUsageMetric(new ListDesktopUsageMetricRequest()
                    .withStartTime("2026-11-01T00:00:00Z").withEndTime("2026-11-05T00:00:00Z"))));
        }
    }

    @Test
    void anOwnSeedFolderReplacesTheImagesSeed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.json"), Fixture.project("own-seed")
                .desktop("o1", "own-01").desktop("o2", "own-02").toJson());
        try (WksEmuContainer emulator = new WksEmuContainer().withSeed(dir)) {
            emulator.start();
            assertEquals(List.of("own-seed"), emulator.admin().projects().stream().map(ProjectSummary::projectId).toList());
            assertEquals(2, emulator.admin().desktops("own-seed").count());
            // reseed reads the same folder
            emulator.admin().wipeAll();
            assertEquals(new LoadResult(1, 2, 0, 0, 0), emulator.admin().reseed());
        }
    }

    @Test
    void strictCredentialsAndAnAdminTokenAreEnforced() throws Exception {
        try (WksEmuContainer emulator = new WksEmuContainer().withCredentials("ci-ak", "ci-sk").withToken("ci-token")
                .withAdminToken("ci-admin").withProjectId("strict-project").withClock(NOW)) {
            emulator.start();
            String endpoint = emulator.getEndpoint();
            assertEquals("strict-project", emulator.getProjectId());
            assertEquals("ci-ak", emulator.getAccessKey());
            assertEquals("ci-sk", emulator.getSecretKey());
            assertEquals("ci-token", emulator.getToken());
            // the admin client sends the token
            emulator.admin().loadFixture(Fixture.project("strict-project")
                    .desktop("s1", "strict-01", null, "2026-10-01T00:00:00Z"), true);
            WksEmuException noToken = assertThrows(WksEmuException.class, () -> WksEmuAdmin.connect(endpoint).clock());
            assertEquals(401, noToken.status());
            assertEquals("EMU.0401", noToken.errorCode());

            ListDesktopUsageMetricRequest request = new ListDesktopUsageMetricRequest()
                    .withStartTime("2026-11-01T00:00:00Z").withEndTime("2026-11-05T00:00:00Z");
            ListDesktopUsageMetricResponse signed = sdk(endpoint, "strict-project", "ci-ak", "ci-sk")
                    .listDesktopUsageMetric(request);
            assertEquals(1, signed.getCount());
            assertEquals("strict-01", signed.getItems().get(0).getResourceName());
            ServiceResponseException refused = assertThrows(ServiceResponseException.class,
                    () -> sdk(endpoint, "strict-project", "ci-ak", "another-sk").listDesktopUsageMetric(request));
            assertEquals(401, refused.getHttpStatusCode());
            assertEquals("APIGW.0301", refused.getErrorCode());

            String window = "start_time=2026-11-01T00:00:00Z&end_time=2026-11-05T00:00:00Z";
            HttpResponse<String> withToken = Api.desktops(
                    new WksEmuInfo(endpoint, "strict-project", null, null, "ci-token", emulator.admin()), window);
            assertEquals(200, withToken.statusCode(), withToken.body());
            HttpResponse<String> otherToken = Api.desktops(
                    new WksEmuInfo(endpoint, "strict-project", null, null, "not-the-token", emulator.admin()), window);
            assertEquals(401, otherToken.statusCode(), otherToken.body());
        }
    }

    @Test
    void anExternalDatabaseTakesThePlaceOfTheEmbeddedOne() throws Exception {
        try (Network network = Network.newNetwork();
                GenericContainer<?> postgres = new GenericContainer<>("postgres:15").withNetwork(network)
                        .withNetworkAliases("db").withEnv("POSTGRES_USER", "emu").withEnv("POSTGRES_PASSWORD", "emu-pw")
                        .withEnv("POSTGRES_DB", "usage")
                        .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
                WksEmuContainer emulator = new WksEmuContainer().withNetwork(network)
                        .withDatabase("db", 5432, "usage", "emu", "emu-pw")) {
            postgres.start();
            emulator.start();
            emulator.admin().loadFixture(Fixture.project("external").desktop("x1", "in-the-external-db"));

            assertFalse(emulator.getLogs().contains("embedded PostgreSQL"), emulator.getLogs());
            var rows = postgres.execInContainer("psql", "-U", "emu", "-d", "usage", "-tAc",
                    "SELECT resource_name FROM desktop WHERE project_id = 'external'");
            assertEquals("in-the-external-db", rows.getStdout().strip(), rows.getStderr());
        }
    }

    private static WorkspaceClient sdk(String endpoint, String project, String ak, String sk) {
        return WorkspaceClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(ak).withSk(sk).withProjectId(project))
                .withEndpoints(List.of(endpoint))
                .build();
    }

    private static double usage(ListDesktopUsageMetricResponse response) {
        assertEquals(1, response.getCount());
        return response.getItems().get(0).getMetric().get(0).getMetricValue();
    }
}
