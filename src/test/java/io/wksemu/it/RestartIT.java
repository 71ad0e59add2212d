package io.wksemu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.wksemu.Fixtures;
import java.io.IOException;
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
}
