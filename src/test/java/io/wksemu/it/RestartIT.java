package io.wksemu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wksemu.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Data lives in PostgreSQL: stopping and starting the emulator on the same database changes no answer. */
class RestartIT {

    @Test
    void aRestartKeepsTheData() throws Exception {
        String project = "restart" + UUID.randomUUID().toString().replace("-", "");
        String query = "/v2/" + project + "/statistics/metrics/desktops"
                + "?start_time=2026-01-01T00:00:00Z&end_time=2026-12-31T00:00:00Z&sort_field=desktop_usage";
        String answer;
        try (AppProcess app = AppProcess.start(Map.of())) {
            assertEquals(200, app.send("PUT", "/_emulator/clock", "{\"now\":\"2026-06-15T12:00:00Z\",\"frozen\":true}").statusCode());
            assertEquals(200, app.send("POST", "/_emulator/fixtures", Fixtures.project(project)
                    .desktop("d1", "a", "today-9d").desktop("d2", "b", "p", "today-9d")
                    .usage("d1", "today-4d", 4321).usage("d2", "today-2d", 1234).json()).statusCode());
            answer = app.get(query, "X-Auth-Token", "any-token").body();
            assertEquals("{\"count\":2,\"items\":[{\"resource_id\":\"d1\",\"resource_name\":\"a\",\"metric\":["
                    + "{\"metric_name\":\"desktop_usage\",\"metric_value\":4321.0},"
                    + "{\"metric_name\":\"desktop_idle_duration\",\"metric_value\":259200.0}]},"
                    + "{\"resource_id\":\"d2\",\"resource_pool_id\":\"p\",\"resource_name\":\"b\",\"metric\":["
                    + "{\"metric_name\":\"desktop_usage\",\"metric_value\":1234.0},"
                    + "{\"metric_name\":\"desktop_idle_duration\",\"metric_value\":86400.0}]}]}", answer);
        }
        try (AppProcess app = AppProcess.start(Map.of())) {
            assertEquals(answer, app.get(query, "X-Auth-Token", "any-token").body());
            // a normal start is quiet: no notice about the bookkeeping table, no duplicate pool gauge
            List<CompletableFuture<HttpResponse<String>>> concurrent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                concurrent.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return app.get(query, "X-Auth-Token", "any-token");
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (CompletableFuture<HttpResponse<String>> response : concurrent) {
                assertEquals(answer, response.get().body());
            }
            String log = app.log();
            assertFalse(log.contains("already exists") || log.contains("already registered") || log.contains("applying migration"),
                    log);
        }
    }

    /**
     * A database that stays unreachable stops the start once emulator.database-wait has passed, with the
     * refusals in the log; the wait retries in between (the package-time class-data archive relies on a wait
     * of zero giving up at the first refusal).
     */
    @Test
    void anUnreachableDatabaseStopsTheStartAfterTheConfiguredWait() {
        for (String wait : List.of("0s", "3s")) {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> AppProcess.start(Map.of(
                    "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:9/nowhere", "EMULATOR_DATABASE_WAIT", wait)).close());
            String log = failure.getMessage();
            assertTrue(log.startsWith("emulator exited: "), log);
            long refusals = log.lines().filter(line -> line.contains("database not reachable yet, retrying")).count();
            if (wait.equals("0s")) {
                assertEquals(1, refusals, log);
            } else {
                assertTrue(refusals >= 2, refusals + " refusals in 3 s: " + log);
            }
        }
    }

    /**
     * The package's class-data archive comes from a training start that went through the whole start-up up to
     * the first database connection (pom.xml), not from static initialisation alone.
     */
    @Test
    void thePackageCarriesAClassDataArchiveOfTheWholeStart() throws IOException {
        Path home = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().getParent();
        assertTrue(Files.size(home.resolve("app-cds.jsa")) > 0);
        String training = Files.readString(home.getParent().resolve("app-cds-training.log"));
        assertTrue(training.contains("database not reachable yet, retrying"), training);
        assertTrue(training.contains("Failed to start application"), training);
    }
}
