package io.wksemu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
            assertEquals(200, app.send("POST", "/_emulator/fixtures", """
                    {"projects": [{"project_id": "%s",
                      "desktops": [{"resource_id": "d1", "resource_name": "a", "created_at": "today-9d"},
                                   {"resource_id": "d2", "resource_name": "b", "resource_pool_id": "p", "created_at": "today-9d"}],
                      "daily_usage": [{"resource_id": "d1", "day": "today-4d", "usage_seconds": 4321},
                                      {"resource_id": "d2", "day": "today-2d", "usage_seconds": 1234}]}]}
                    """.formatted(project)).statusCode());
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
