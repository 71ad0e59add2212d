package io.wksemu.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.wksemu.clock.ClockService;
import io.wksemu.gateway.RequestJournal;
import io.wksemu.stats.IndexCache;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Gauges of the emulator's own state, next to the HTTP metrics of the extension and the aggregation timer:
 * the clock's offset from wall time (as this replica last read it), the journal's size, and the number of
 * projects whose query index is held in memory and the bytes those indexes weigh.
 */
@Singleton
public class EmulatorGauges {

    void register(@Observes StartupEvent ignored, MeterRegistry registry, ClockService clock, RequestJournal journal,
            IndexCache indexes) {
        Gauge.builder("wksemu.clock.offset.seconds", clock, ClockService::offsetSeconds)
                .description("Emulator clock minus wall time").register(registry);
        Gauge.builder("wksemu.journal.size", journal, RequestJournal::size)
                .description("Calls held by /_emulator/requests").register(registry);
        Gauge.builder("wksemu.index.projects", indexes, IndexCache::size)
                .description("Projects whose query index is in memory").register(registry);
        Gauge.builder("wksemu.index.bytes", indexes, IndexCache::bytes)
                .description("Heap the held query indexes weigh (bounded by emulator.index.max-bytes)").register(registry);
    }
}
