package io.wksemu.aggregation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.wksemu.clock.ClockService;
import io.wksemu.clock.StatisticsCalendar;
import io.wksemu.error.DomainException;
import io.wksemu.stats.DueDays;
import io.wksemu.store.ProjectLocks;
import io.wksemu.store.ProjectVersions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Daily aggregation of SEMANTICS.md section 1: raw sessions become one point per desktop and day. Each day
 * is aggregated in its own transaction under an advisory lock, so that of several replicas only one
 * aggregates a day and the others skip it. Catch-up aggregates, oldest first, every due day of the retention
 * window the job has not done yet; the daily cron, clock moves and queries that find the newest due day
 * missing all call it. Re-aggregating is idempotent. Known limitation: a day aggregated while a session was
 * open keeps the open session's use if the session is later deleted by a fixture reset (re-aggregate it).
 */
@ApplicationScoped
public class AggregationService implements DueDays {

    private static final Logger LOG = Logger.getLogger(AggregationService.class);

    private final Pool pool;
    private final AggregationRepository repository;
    private final ProjectVersions versions;
    private final ProjectLocks locks;
    private final ClockService clock;
    private final Timer dayTimer;
    private final Counter catchUps;
    /** The catch-up queries are waiting for, and the day it must reach; null when none runs. */
    private final AtomicReference<InFlight> queryCatchUp = new AtomicReference<>();

    private record InFlight(LocalDate through, Uni<List<LocalDate>> run) {
    }

    public AggregationService(Pool pool, AggregationRepository repository, ProjectVersions versions, ProjectLocks locks,
            ClockService clock, MeterRegistry registry) {
        this.locks = locks;
        this.dayTimer = Timer.builder("wksemu.aggregation.day").description("Aggregation of one day (all projects or one)")
                .register(registry);
        this.catchUps = Counter.builder("wksemu.aggregation.catchups").description("Catch-up runs (cron, clock moves, startup, queries)")
                .register(registry);
        this.pool = pool;
        this.repository = repository;
        this.versions = versions;
        this.clock = clock;
    }

    /** A day aggregated and how many points it has (one per desktop existing by its end). */
    public record DayResult(LocalDate day, long points) {
    }

    /** The scheduler fires on wall time; which days are due is the emulator clock's answer. */
    @Scheduled(identity = "daily-aggregation", cron = "${emulator.aggregation.cron}",
            timeZone = "${emulator.statistics-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        return catchUp(true).invoke(days -> LOG.infof("daily aggregation: %d day(s) aggregated", days.size()))
                .onFailure().invoke(e -> LOG.warn("daily aggregation failed; the next run catches up", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Aggregates every due, retained day not aggregated yet, in order, then, with {@code purge}, purges
     * expired points: the daily job and forward clock moves purge, queries and the start never do, so a point
     * stored outside the window (a fixture may load one) shows again when the clock is set back, until one of
     * those purges it (SEMANTICS.md section 1). Days aggregated under a later clock that are not due any more
     * (the clock went back) are forgotten, not undone: their points stay, and they are aggregated again when
     * due, with the sessions added since.
     */
    public Uni<List<LocalDate>> catchUp(boolean purge) {
        return Uni.createFrom().deferred(() -> {
            catchUps.increment(); // runs, not callers: the queries' shared run counts once
            return clock.now();
        }).chain(now -> {
            StatisticsCalendar calendar = clock.calendar();
            LocalDate from = calendar.firstRetainedDay(now);
            LocalDate to = calendar.lastDueDay(now);
            return pool.withConnection(c -> repository.forgetDaysAfter(c, to).chain(() -> repository.unaggregatedDays(c, from, to)))
                    .chain(days -> markQuiet(days).chain(quiet -> Multi.createFrom().iterable(days)
                            .filter(day -> !quiet.contains(day))
                            .onItem().transformToUniAndConcatenate(day -> aggregateIfNotDone(day).map(done -> done ? day : null))
                            .filter(day -> day != null)
                            .collect().in(() -> new TreeSet<>(quiet), TreeSet::add)))
                    .<List<LocalDate>>map(ArrayList::new)
                    .call(() -> purge ? purge(from) : Uni.createFrom().voidItem());
        });
    }

    /**
     * The catch-up at start: the first queries, arriving while it runs, join it (they need no later day)
     * instead of starting a second one; answers the days it aggregated.
     */
    public Uni<List<LocalDate>> catchUpAtStart() {
        return clock.now().chain(now -> shared(clock.calendar().lastDueDay(now)));
    }

    /**
     * A catch-up aggregates every due day, so also the days through {@code day}. Queries that need it together
     * share one run (SEMANTICS.md section 7): a query joins the run in flight when that run reaches its day,
     * and starts one otherwise; every caller waits for the run and resumes on its own context.
     */
    @Override
    public Uni<Void> ensureAggregatedThrough(LocalDate day) {
        return shared(day).replaceWithVoid();
    }

    private Uni<List<LocalDate>> shared(LocalDate day) {
        InFlight joined;
        synchronized (queryCatchUp) {
            joined = queryCatchUp.get();
            if (joined == null || joined.through().isBefore(day)) {
                InFlight[] self = new InFlight[1];
                Uni<List<LocalDate>> run = catchUp(false)
                        .onTermination().invoke(() -> queryCatchUp.compareAndSet(self[0], null))
                        .memoize().indefinitely();
                self[0] = new InFlight(day, run);
                joined = self[0];
                queryCatchUp.set(joined);
            }
        }
        Context context = Vertx.currentContext();
        Uni<List<LocalDate>> shared = joined.run();
        return context == null ? shared : shared.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /**
     * Marks, in one transaction under the store lock, the days among {@code days} with nothing to aggregate
     * (no session, failure or computed point touches them): after a long downtime, or on a fresh store, most
     * due days are such, and marking them one transaction each would keep the first query waiting.
     */
    private Uni<Set<LocalDate>> markQuiet(List<LocalDate> days) {
        if (days.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        StatisticsCalendar calendar = clock.calendar();
        List<Instant> starts = days.stream().map(calendar::startOf).toList();
        List<Instant> ends = days.stream().map(day -> calendar.startOf(day.plusDays(1))).toList();
        return pool.withTransaction(tx -> locks.lockAll(tx).chain(() -> repository.markQuietDays(tx, days, starts, ends)));
    }

    private Uni<Boolean> aggregateIfNotDone(LocalDate day) {
        // A replica that finds the day locked waits, then sees it done and skips it. A day of every project
        // is a write to every project: it takes the store lock before the day's.
        return pool.withTransaction(tx -> locks.lockAll(tx).chain(() -> repository.lockDay(tx, day))
                .chain(() -> repository.isAggregated(tx, day))
                .chain(done -> done ? Uni.createFrom().item(false)
                        : aggregateLocked(tx, day, null).call(() -> repository.markAggregated(tx, day)).replaceWith(true)));
    }

    public Uni<List<AggregationRepository.AggregatedDay>> aggregatedDays() {
        return pool.withConnection(repository::aggregatedDays);
    }

    /**
     * (Re)aggregates the given days now, whatever was done before; answers each day's point count. A day not
     * due yet on the clock (its D+1 02:00 still ahead) is refused before any day is touched: marking it done
     * would keep sessions added later for it from ever being counted.
     */
    public Uni<List<DayResult>> aggregate(Collection<LocalDate> days) {
        TreeSet<LocalDate> ordered = new TreeSet<>(days);
        if (ordered.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return clock.now().chain(now -> {
            LocalDate last = ordered.last();
            Instant due = clock.calendar().aggregationInstantOf(last);
            if (now.isBefore(due)) {
                return Uni.createFrom().failure(DomainException.invalid("Day " + last + " is not due yet: it becomes due at "
                        + due + " (the clock reads " + now + "); nothing was aggregated."));
            }
            return aggregateDue(ordered);
        });
    }

    private Uni<List<DayResult>> aggregateDue(TreeSet<LocalDate> days) {
        return Multi.createFrom().iterable(days)
                .onItem().transformToUniAndConcatenate(day -> pool.withTransaction(tx -> locks.lockAll(tx)
                        .chain(() -> repository.lockDay(tx, day))
                        .chain(() -> aggregateLocked(tx, day, null))
                        .call(() -> repository.markAggregated(tx, day))
                        .chain(() -> repository.pointCount(tx, clock.calendar().startOf(day.plusDays(1))))
                        .map(points -> new DayResult(day, points))))
                .collect().asList();
    }

    /**
     * Re-aggregates one project's days touched by [from, to] that are due and retained at {@code now}, inside
     * the caller's transaction, which holds the project's lock (so sessions loaded for past days are queryable
     * in the same commit that stores them, never a moment later).
     */
    public Uni<Void> aggregateProjectIn(SqlClient tx, String projectId, Instant from, Optional<Instant> to, Instant now) {
        StatisticsCalendar calendar = clock.calendar();
        LocalDate first = max(calendar.dayOf(from), calendar.firstRetainedDay(now));
        LocalDate last = calendar.lastDueDay(now);
        if (to.isPresent() && calendar.dayOf(to.get()).isBefore(last)) {
            last = calendar.dayOf(to.get());
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return Multi.createFrom().iterable(days)
                .onItem().transformToUniAndConcatenate(day -> aggregateLocked(tx, day, projectId))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> aggregateLocked(SqlClient tx, LocalDate day, String projectId) {
        StatisticsCalendar calendar = clock.calendar();
        long start = System.nanoTime();
        return repository.aggregateDay(tx, day, calendar.startOf(day), calendar.startOf(day.plusDays(1)), projectId)
                .chain(changed -> versions.bump(tx, changed))
                .invoke(() -> dayTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    }

    private Uni<Void> purge(LocalDate firstRetained) {
        return pool.withTransaction(tx -> locks.lockAll(tx)
                .chain(() -> repository.purgeBefore(tx, firstRetained)).chain(changed -> versions.bump(tx, changed)));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
