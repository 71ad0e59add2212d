package io.wksemu.stats;

import static io.wksemu.TestSupport.freezeClock;
import static io.wksemu.TestSupport.load;
import static io.wksemu.TestSupport.newProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.wksemu.TestSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Queries that miss the index cache together share one rebuild, and a query that goes away while it waits
 * (its client disconnected) does not take the rebuild from the others. The rebuild is held at its first read
 * of {@code desktop} by a table lock, so every query below arrives while it is in flight.
 */
@QuarkusTest
class SharedRebuildTest {

    private static final int WAITERS = 6;

    @Inject
    StatisticsService statistics;

    @Inject
    IndexCache cache;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void waitersShareOneRebuildAndOneLeavingCancelsNothing() throws Exception {
        freezeClock(TestSupport.NOW);
        String project = newProject();
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "alpha", "created_at": "today-10d"},
                               {"resource_id": "d2", "resource_name": "beta", "created_at": "today-10d"}],
                  "daily_usage": [{"resource_id": "d1", "day": "today-2d", "usage_seconds": 3600},
                                  {"resource_id": "d2", "day": "today-1d", "usage_seconds": 60}]}]}
                """.formatted(project));
        MetricsQuery query = new MetricsQuery(Instant.parse("2026-06-05T00:00:00Z"), Instant.parse("2026-06-15T00:00:00Z"),
                null, null, null, null, null, null, null, 0, 100);
        cache.clear();
        double before = rebuilds();

        SqlConnection holder = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        Transaction lock = holder.begin().await().atMost(Duration.ofSeconds(10));
        List<CompletableFuture<StatsPage>> answers = new ArrayList<>();
        try {
            holder.query("LOCK TABLE desktop IN ACCESS EXCLUSIVE MODE").execute().await().atMost(Duration.ofSeconds(10));
            CompletableFuture<StatsPage> leaver = new CompletableFuture<>();
            Cancellable first = statistics.query(project, query).subscribe().with(leaver::complete, leaver::completeExceptionally);
            waitFor(() -> rebuilds() == before + 1, "the first query's rebuild to start");
            for (int i = 0; i < WAITERS; i++) {
                answers.add(statistics.query(project, query).subscribeAsCompletionStage());
            }
            Thread.sleep(500); // the waiters read the snapshot (no lock on it) and join the rebuild in flight
            first.cancel();
        } finally {
            lock.commit().await().atMost(Duration.ofSeconds(10));
            holder.close().await().atMost(Duration.ofSeconds(10));
        }
        for (CompletableFuture<StatsPage> answer : answers) {
            StatsPage page = answer.get(20, TimeUnit.SECONDS);
            assertEquals(List.of(new DesktopStats("d1", "alpha", null, 3600, 1), new DesktopStats("d2", "beta", null, 60, 0)),
                    page.items());
        }
        assertEquals(before + 1, rebuilds(), "one rebuild for all the queries");
    }

    private double rebuilds() {
        io.micrometer.core.instrument.Counter counter = registry.find("wksemu.index.rebuilds").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 10 s for " + what);
            Thread.sleep(10);
        }
    }
}
