package io.wksemu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wksemu.Fixtures;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * emulator.listen-early (the default): the HTTP port opens while migrations and the seed folder load; requests
 * that arrive meanwhile wait and then see the seeded store, probes answer at once, and a start that fails
 * refuses the waiting requests with the outage errors and ends the process with status 1. It no longer makes the
 * first answer measurably sooner (README, Benchmarks); what keeps it is that the process stays responsive while
 * the start waits for a database: SIGTERM stops it at once, where a start held inside Quarkus' start event
 * would hold the stop until the wait (emulator.database-wait) is over.
 */
class ListenEarlyIT {

    private static final String SEED_PROJECT = "0b5c3a1d9e8f4b7a8c6d5e4f3a2b1c0d";
    private static final String QUERY = "/v2/" + SEED_PROJECT + "/statistics/metrics/desktops"
            + "?start_time=2026-01-01T00:00:00Z&end_time=2026-12-31T00:00:00Z";

    @Test
    void requestsDuringTheStartWaitForTheSeededStore() throws Exception {
        try (DatabaseRelay database = new DatabaseRelay();
                AppProcess app = AppProcess.launch(Map.of("QUARKUS_DATASOURCE_REACTIVE_URL",
                        "postgresql://127.0.0.1:" + database.port() + "/" + AppProcess.TEST_DB))) {
            // the database is not reachable yet: the port answers, readiness says why it is not ready
            HttpResponse<String> ready = app.get("/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("migrations and seed not loaded yet"), ready.body());
            String project = "early" + System.nanoTime();
            CompletableFuture<HttpResponse<String>> query = async(() -> app.get(QUERY, "X-Auth-Token", "any-token"));
            CompletableFuture<HttpResponse<String>> export = async(() -> app.get("/_emulator/fixtures?project_id=" + SEED_PROJECT));
            CompletableFuture<HttpResponse<String>> load = async(() -> app.send("POST", "/_emulator/fixtures",
                    Fixtures.project(project).desktop("d1", "a", "today-3d").json()));
            Thread.sleep(1500);
            assertFalse(query.isDone() || export.isDone() || load.isDone(), "answered before the store was ready");

            database.open(InetAddress.getLoopbackAddress());
            HttpResponse<String> exported = export.get(60, TimeUnit.SECONDS);
            assertEquals(200, exported.statusCode(), exported.body());
            assertTrue(exported.body().contains("\"project_id\":\"" + SEED_PROJECT + "\""), exported.body());
            assertTrue(exported.body().contains("\"resource_id\""), "the seed's desktops: " + exported.body());
            HttpResponse<String> loaded = load.get(10, TimeUnit.SECONDS);
            assertEquals(200, loaded.statusCode(), loaded.body());
            assertEquals("{\"projects\":1,\"desktops\":1,\"sessions\":0,\"daily_usage\":0,\"login_failures\":0}", loaded.body());
            HttpResponse<String> answered = query.get(10, TimeUnit.SECONDS);
            assertEquals(200, answered.statusCode(), answered.body());
            assertEquals(app.get(QUERY, "X-Auth-Token", "any-token").body(), answered.body());
            assertEquals(200, app.get("/q/health/ready").statusCode());
            assertTrue(app.get("/_emulator/fixtures?project_id=" + project).body().contains("\"resource_id\":\"d1\""));
        }
    }

    @Test
    void aStartThatFailsRefusesTheWaitingRequestsAndEndsTheProcess() throws Exception {
        try (AppProcess app = AppProcess.launch(Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:9/nowhere", "EMULATOR_DATABASE_WAIT", "6s"))) {
            CompletableFuture<HttpResponse<String>> admin = async(() -> app.get("/_emulator/clock"));
            CompletableFuture<HttpResponse<String>> query = async(() -> app.get(QUERY, "X-Auth-Token", "any-token"));
            HttpResponse<String> refusedAdmin = admin.get(30, TimeUnit.SECONDS);
            assertEquals(503, refusedAdmin.statusCode());
            assertEquals("{\"error_code\":\"EMU.0503\",\"error_msg\":\"The emulator's start failed and it is stopping; "
                    + "see its log.\"}", refusedAdmin.body());
            assertTrue(refusedAdmin.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f]{32}"));
            HttpResponse<String> refusedQuery = query.get(5, TimeUnit.SECONDS);
            assertEquals(500, refusedQuery.statusCode());
            assertEquals("{\"error_code\":\"WKS.00000003\",\"error_msg\":\"Failed to obtain database information. "
                    + "Click Cancel Service and Apply Now again.\"}", refusedQuery.body());
            assertEquals(1, app.exitStatus(30), app.log());
            assertTrue(app.log().contains("Failed to start application: the store could not be prepared"), app.log());
        }
    }

    @Test
    void aStopDuringTheWaitForTheDatabaseEndsTheProcessAtOnce() throws Exception {
        try (AppProcess app = AppProcess.launch(Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:9/nowhere", "EMULATOR_DATABASE_WAIT", "60s"))) {
            assertEquals(503, app.get("/q/health/ready").statusCode());
            app.terminate();
            // 128 + SIGTERM, as after any stop; without the early port the stop waited out the 60 s
            assertEquals(143, app.exitStatus(10), app.log());
        }
    }

    private static <T> CompletableFuture<T> async(Callable<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
