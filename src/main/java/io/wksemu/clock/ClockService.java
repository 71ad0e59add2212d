package io.wksemu.clock;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.wksemu.config.EmulatorConfig;
import io.wksemu.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator clock of SEMANTICS.md section 1: the only source of "now" for statistics, aggregation and
 * retention. Its state lives in PostgreSQL so every replica reads the same time; wall time comes from the
 * injected {@link Clock} of the JVM. Every value it takes lies in {@link ClockRange} (SEMANTICS.md section 7):
 * a move whose result falls outside is refused and nothing is stored.
 */
@ApplicationScoped
public class ClockService {

    private final Pool pool;
    private final ClockRepository repository;
    private final StatisticsCalendar calendar;
    private final Clock wall = Clock.systemUTC();
    private final AtomicReference<ClockState> lastSeen = new AtomicReference<>(ClockState.SYSTEM);

    public ClockService(Pool pool, ClockRepository repository, EmulatorConfig config) {
        this.pool = pool;
        this.repository = repository;
        this.calendar = new StatisticsCalendar(config.statisticsZone());
    }

    public StatisticsCalendar calendar() {
        return calendar;
    }

    public Instant wallNow() {
        return wall.instant();
    }

    public Uni<ClockState> state() {
        return repository.read().invoke(this::observe);
    }

    /** Records a state read elsewhere (the query's snapshot), so the offset metric follows every replica's reads. */
    public void observe(ClockState state) {
        lastSeen.set(state);
    }

    /** Seconds the emulator clock is ahead of wall time (negative: behind), as last read. */
    public double offsetSeconds() {
        Instant now = wallNow();
        return Duration.between(now, lastSeen.get().now(now)).toMillis() / 1000.0;
    }

    public Uni<Instant> now() {
        return state().map(s -> s.now(wallNow()));
    }

    /** Sets the clock to read {@code now}: frozen there, or running on from there. */
    public Uni<ClockState> set(Instant now, boolean frozen) {
        if (!ClockRange.contains(now)) {
            return Uni.createFrom().failure(DomainException.invalid(
                    "now: " + now + " is outside " + ClockRange.INSTANTS + "; nothing was changed."));
        }
        ClockState next = frozen ? ClockState.frozenAt(now) : ClockState.runningFrom(now, wallNow());
        return write(next);
    }

    public Uni<ClockState> advance(Duration by) {
        return pool.withTransaction(tx -> tx.query("SELECT 1 FROM clock_state WHERE id = 1 FOR UPDATE").execute()
                .chain(() -> repository.read(tx))
                .chain(current -> {
                    Instant wallNow = wallNow();
                    Instant from = current.now(wallNow);
                    ClockState next;
                    Instant to;
                    try {
                        next = current.advancedBy(by);
                        to = next.now(wallNow);
                    } catch (DateTimeException | ArithmeticException overflow) {
                        next = null;
                        to = null;
                    }
                    if (to == null || !ClockRange.contains(to)) {
                        return Uni.createFrom().failure(DomainException.invalid("by: moving the clock from " + from
                                + " by " + by + " leaves " + ClockRange.INSTANTS + "; nothing was changed."));
                    }
                    return repository.write(tx, next).replaceWith(next);
                })).invoke(this::observe);
    }

    public Uni<ClockState> reset() {
        return write(ClockState.SYSTEM);
    }

    private Uni<ClockState> write(ClockState next) {
        return pool.withTransaction(tx -> repository.write(tx, next)).replaceWith(next).invoke(this::observe);
    }
}
