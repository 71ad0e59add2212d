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
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
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
        return Duration.between(now, lastSeen.get().exactNow(now)).toMillis() / 1000.0;
    }

    public Uni<Instant> now() {
        return state().map(s -> s.now(wallNow()));
    }

    /**
     * A move of the clock: its reading just before (under the clock row's lock) and its state after. Only a
     * move forward lets points expire (SEMANTICS.md section 1): moving back undoes nothing.
     */
    public record Move(Instant from, ClockState to) {

        public boolean forward(Instant wall) {
            return to.now(wall).isAfter(from);
        }
    }

    /** Sets the clock to read {@code now} (its fraction of a second dropped): frozen there, or running on from there. */
    public Uni<Move> set(Instant now, boolean frozen) {
        Instant whole = now.truncatedTo(ChronoUnit.SECONDS);
        if (!ClockRange.contains(whole)) {
            return Uni.createFrom().failure(DomainException.invalid(
                    "now: " + now + " is outside " + ClockRange.INSTANTS + "; nothing was changed."));
        }
        return move(current -> frozen ? ClockState.frozenAt(whole) : ClockState.runningFrom(whole, wallNow()));
    }

    public Uni<Move> advance(Duration by) {
        return move(current -> {
            Instant wallNow = wallNow();
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
                throw DomainException.invalid("by: moving the clock from " + current.now(wallNow)
                        + " by " + by + " leaves " + ClockRange.INSTANTS + "; nothing was changed.");
            }
            return next;
        });
    }

    public Uni<Move> reset() {
        return move(current -> ClockState.SYSTEM);
    }

    /** Reads the clock under its row's lock, writes {@code next} of it, and answers the move. */
    private Uni<Move> move(UnaryOperator<ClockState> next) {
        return pool.withTransaction(tx -> tx.query("SELECT 1 FROM clock_state WHERE id = 1 FOR UPDATE").execute()
                .chain(() -> repository.read(tx))
                .chain(current -> {
                    Move move = new Move(current.now(wallNow()), next.apply(current));
                    return repository.write(tx, move.to()).replaceWith(move);
                })).invoke(move -> observe(move.to()));
    }
}
