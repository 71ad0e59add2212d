package io.wksemu.stats;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.wksemu.clock.ClockService;
import io.wksemu.clock.StatisticsCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Answers the statistics queries of SEMANTICS.md section 2 (desktops, from a per-project {@link DesktopIndex})
 * and section 8 (users, from a per-project {@link UserIndex}) the same way. Each query reads the clock and
 * the project's version in one statement, so it sees every write committed on any replica before it began;
 * an index is rebuilt from PostgreSQL only when the version moved or the window reaches outside the days it
 * holds. Queries that miss the cache together share one rebuild, so a burst of queries on a cold or
 * just-changed project reads its figures once, not once per query.
 */
@ApplicationScoped
public class StatisticsService {

    /** What differs between the endpoints: the index, its window and how it is read from the store. */
    private record Kind<I extends CachedIndex>(Class<I> type, int windowDays, Loader<I> loader) {
    }

    @FunctionalInterface
    private interface Loader<I> {
        /** The index of days [floor, ceiling] (the last day due), or null for a project without data. */
        Uni<I> load(String projectId, LocalDate floor, LocalDate ceiling, StatisticsCalendar calendar);
    }

    private final StatsRepository repository;
    private final IndexCache cache;
    private final ClockService clock;
    private final DueDays dueDays;
    private final Kind<DesktopIndex> desktops;
    private final Kind<UserIndex> users;
    /**
     * Index rebuilds in flight, by kind, project, version and days held: Caffeine's asynchronous cache as a
     * single-flight map (the first miss starts the build, later ones get the same future); an entry leaves
     * when its build ends, as the finished index is in {@link IndexCache}.
     */
    private final AsyncCache<String, CachedIndex> loading = Caffeine.newBuilder().executor(Runnable::run).buildAsync();
    private final Counter rebuilds;
    /** Rebuilds of different projects run one after another: each needs memory in proportion to its project. */
    private final OneAtATime builds = new OneAtATime();

    public StatisticsService(StatsRepository repository, IndexCache cache, ClockService clock,
            DueDays dueDays, MeterRegistry registry) {
        this.rebuilds = Counter.builder("wksemu.index.rebuilds").description("Index builds from the store (queries that share one count once)")
                .register(registry);
        this.dueDays = dueDays;
        this.repository = repository;
        this.cache = cache;
        this.clock = clock;
        this.desktops = new Kind<>(DesktopIndex.class, StatisticsCalendar.RETENTION_DAYS,
                (projectId, floor, ceiling, calendar) -> repository.loadIndex(projectId, floor, ceiling, calendar));
        this.users = new Kind<>(UserIndex.class, StatisticsCalendar.USER_WINDOW_DAYS,
                (projectId, floor, ceiling, calendar) -> repository.loadUserIndex(projectId, floor, ceiling));
    }

    public Uni<StatsPage> query(String projectId, MetricsQuery query) {
        return answer(projectId, desktops, query.start(), query.end(), StatsPage.EMPTY, (index, window) -> index.query(query, window));
    }

    public Uni<UserStatsPage> queryUsers(String projectId, UserMetricsQuery query) {
        return answer(projectId, users, query.start(), query.end(), UserStatsPage.EMPTY, (index, window) -> index.query(query, window));
    }

    private <I extends CachedIndex, R> Uni<R> answer(String projectId, Kind<I> kind, Instant start, Instant end, R empty,
            BiFunction<I, QueryWindow, R> ask) {
        return repository.snapshot(projectId).chain(snapshot -> {
            clock.observe(snapshot.clock());
            Instant now = snapshot.clock().now(clock.wallNow());
            LocalDate due = clock.calendar().lastDueDay(now);
            if (snapshot.lastAggregatedDay() == null || snapshot.lastAggregatedDay().isBefore(due)) {
                // The cron fires on wall time; an offset clock can pass 02:00 between two runs.
                return dueDays.ensureAggregatedThrough(due).chain(() -> repository.snapshot(projectId))
                        .chain(fresh -> answer(projectId, kind, start, end, empty, ask, fresh));
            }
            return answer(projectId, kind, start, end, empty, ask, snapshot);
        });
    }

    private <I extends CachedIndex, R> Uni<R> answer(String projectId, Kind<I> kind, Instant start, Instant end, R empty,
            BiFunction<I, QueryWindow, R> ask, StatsRepository.Snapshot snapshot) {
        StatisticsCalendar calendar = clock.calendar();
        if (snapshot.version() == null) {
            return Uni.createFrom().item(empty);
        }
        Instant now = snapshot.clock().now(clock.wallNow());
        QueryWindow window = QueryWindow.of(start, end, now, calendar, kind.windowDays());
        if (window == null) {
            return Uni.createFrom().item(empty);
        }
        I cached = cache.get(kind.type(), projectId);
        if (cached != null && cached.version() == snapshot.version() && cached.covers(window)) {
            return Uni.createFrom().item(ask.apply(cached, window));
        }
        // The index spans the kind's window as of now, never the days stored beyond it (SEMANTICS.md 7).
        LocalDate floor = calendar.firstDayWithin(now, kind.windowDays());
        LocalDate ceiling = max(calendar.lastDueDay(now), floor);
        return loadOnce(projectId, kind, snapshot.version(), floor, ceiling, calendar)
                .map(index -> index == null ? empty : ask.apply(index, window));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private <I extends CachedIndex> Uni<I> loadOnce(String projectId, Kind<I> kind, long version, LocalDate floor,
            LocalDate ceiling, StatisticsCalendar calendar) {
        String key = kind.type().getSimpleName() + '\n' + projectId + '\n' + version + '\n' + floor + '\n' + ceiling;
        CompletableFuture<CachedIndex> build = loading.get(key, (k, executor) -> builds.run(() -> {
                    rebuilds.increment();
                    return kind.loader().load(projectId, floor, ceiling, calendar);
                })
                .<CachedIndex>map(index -> {
                    if (index != null) {
                        cache.put(projectId, index);
                    }
                    return index;
                })
                .subscribeAsCompletionStage());
        build.whenComplete((index, failure) -> loading.asMap().remove(key, build));
        // Each waiter gets a copy: a waiter that goes away cancels its copy, never the build the others wait for.
        Uni<I> shared = Uni.createFrom().completionStage(build.copy()).map(kind.type()::cast);
        // Waiters are resumed on their own event loop, not on the one that ran the rebuild.
        Context context = Vertx.currentContext();
        return context == null ? shared : shared.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
