package io.wksemu.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-connection gauges of the PostgreSQL client are dropped; everything else passes. */
class ClientMeterFilterTest {

    @Test
    void perConnectionGaugesAreDroppedOtherMetersKept() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new ClientMeterFilter());
        Tags tags = Tags.of("clientName", "<default>", "clientType", "sql");
        for (int connection = 0; connection < 2; connection++) {
            AtomicInteger queue = new AtomicInteger(connection);
            Gauge.builder("postgresql.queue.size", queue, AtomicInteger::get).tags(tags).register(registry);
            Gauge.builder("postgresql.current", queue, AtomicInteger::get).tags(tags).register(registry);
            Timer.builder("postgresql.queue.delay").tags(tags).register(registry);
        }
        Gauge.builder("wksemu.journal.size", () -> 3).register(registry);
        List<String> names = registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).sorted().toList();
        assertEquals(List.of("postgresql.queue.delay", "wksemu.journal.size"), names);
    }
}
