package io.wksemu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Two emulator processes on one database, as two Kubernetes replicas would run. */
class ReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachDueDayIsAggregatedOnceAndWritesAreSeenByTheOtherReplica() throws Exception {
        try (AppProcess a = AppProcess.start(Map.of()); AppProcess b = AppProcess.start(Map.of())) {
            assertEquals(200, a.send("DELETE", "/_emulator/state", null).statusCode());
            assertEquals(200, a.send("PUT", "/_emulator/clock", "{\"now\":\"2032-01-10T12:00:00Z\"}").statusCode());

            // both replicas move the clock at once: every day that became due is aggregated by one of them
            String move = "{\"now\":\"2032-02-20T12:00:00Z\"}";
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> status(a, move));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> status(b, move));
            assertEquals(200, first.get());
            assertEquals(200, second.get());
            JsonNode days = JSON.readTree(b.get("/_emulator/aggregations").body()).get("days");
            assertEquals(180, days.size(), "the whole retained window, 2031-08-24 .. 2032-02-19");
            for (JsonNode day : days) {
                assertEquals(1, day.get("runs").asInt(), day.toString());
            }

            // a fixture loaded through one replica answers at once on the other
            String project = "replica" + UUID.randomUUID().toString().replace("-", "");
            String query = "/v2/" + project + "/statistics/metrics/desktops?start_time=2032-01-01T00:00:00Z&end_time=2032-03-01T00:00:00Z";
            assertEquals("{\"count\":0,\"items\":[]}", b.get(query, "X-Auth-Token", "any-token").body());
            assertEquals(200, a.send("POST", "/_emulator/fixtures", """
                    {"projects": [{"project_id": "%s",
                      "desktops": [{"resource_id": "d1", "resource_name": "a", "created_at": "2032-02-01T00:00:00Z"}],
                      "sessions": [{"resource_id": "d1", "user_name": "u", "login_at": "2032-02-18T09:00:00Z", "logout_at": "2032-02-18T10:00:00Z"}],
                      "daily_usage": [{"resource_id": "d1", "day": "2032-02-10", "usage_seconds": 100}]}]}
                    """.formatted(project)).statusCode());
            JsonNode answer = JSON.readTree(b.get(query, "X-Auth-Token", "any-token").body());
            assertEquals(1, answer.get("count").asInt());
            assertEquals(3700.0, answer.at("/items/0/metric/0/metric_value").asDouble());

            // and so does an aggregation run by a clock move on the other replica
            assertEquals(201, b.send("POST", "/_emulator/projects/" + project + "/desktops/d1/login", "{}").statusCode());
            assertEquals(200, b.send("POST", "/_emulator/clock/advance", "{\"by\":\"PT2H\"}").statusCode());
            assertEquals(200, b.send("POST", "/_emulator/projects/" + project + "/desktops/d1/logout", null).statusCode());
            assertEquals(200, b.send("POST", "/_emulator/clock/advance", "{\"by\":\"P1D\"}").statusCode());
            assertEquals(3700.0 + 7200.0, JSON.readTree(a.get(query, "X-Auth-Token", "any-token").body()).at("/items/0/metric/0/metric_value").asDouble());
            assertTrue(a.get("/_emulator/clock").body().contains("2032-02-21T14:00:00Z"));
        }
    }

    private static int status(AppProcess app, String body) {
        try {
            return app.send("PUT", "/_emulator/clock", body).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
