package io.wksemu.health;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Drops the two gauges the Vert.x metrics binder registers for every PostgreSQL connection under one name
 * ({@code postgresql.queue.size}, {@code postgresql.current}): the registry keeps only the first
 * connection's and warns "Gauge already registered" when the second connection opens, on every start. They
 * would report one connection of the pool, so they mislead; the pool's timers and counters
 * ({@code postgresql.queue.delay}, {@code postgresql.processing}, {@code postgresql.completed}, ...) add
 * up all connections and stay.
 */
@Singleton
public class ClientMeterFilter implements MeterFilter {

    static final Set<String> PER_CONNECTION_GAUGES = Set.of("postgresql.queue.size", "postgresql.current");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return id.getType() == Meter.Type.GAUGE && PER_CONNECTION_GAUGES.contains(id.getName())
                ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }
}
