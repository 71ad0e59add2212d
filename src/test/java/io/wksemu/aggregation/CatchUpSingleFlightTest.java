package io.wksemu.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.wksemu.TestSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catch-up queries trigger runs once however many queries ask for it, and counts runs (SEMANTICS.md 7). */
@QuarkusTest
class CatchUpSingleFlightTest {

    @Inject
    AggregationService aggregation;

    @Inject
    MeterRegistry registry;

    private double runs() {
        return registry.counter("wksemu.aggregation.catchups").count();
    }

    @Test
    void concurrentCallersShareOneRunAndAllWaitForIt() {
        TestSupport.freezeClock(TestSupport.NOW);
        LocalDate due = LocalDate.parse(TestSupport.NOW.substring(0, 10)).minusDays(1);
        double before = runs();
        List<Uni<Void>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(aggregation.ensureAggregatedThrough(due));
        }
        Uni.join().all(callers).andFailFast().await().atMost(Duration.ofSeconds(60));
        assertEquals(before + 1, runs(), "eight callers, one run");
        // once it has finished, the next caller starts a run of its own
        aggregation.ensureAggregatedThrough(due).await().atMost(Duration.ofSeconds(60));
        assertEquals(before + 2, runs());
    }
}
