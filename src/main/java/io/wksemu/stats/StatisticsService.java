package io.wksemu.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.wksemu.clock.ClockService;
import io.wksemu.clock.StatisticsCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers the statistics query of SEMANTICS.md section 2 from a per-project {@link ProjectIndex}. Each query
 * reads the clock and the project's version in one statement, so it sees every write committed on any
 * replica before it began; the index is rebuilt from PostgreSQL only when the version moved or the window
 * reaches before the index's first day. Queries that miss the cache together share one rebuild, so a burst
 * of queries on a cold or just-changed project reads its points once, not once per query.
 */
@ApplicationScoped
public class StatisticsService {

    private final StatsRepository repository;
    private final ProjectIndexCache cache;
    private final ClockService clock;
    private final DueDays dueDays;
    /** Index rebuilds in flight, by project, version and span. */
    private final Map<String, Uni<ProjectIndex>> loading = new ConcurrentHashMap<>();

    public StatisticsService(StatsRepository repository, ProjectIndexCache cache, ClockService clock,
            DueDays dueDays) {
        this.dueDays = dueDays;
        this.repository = repository;
        this.cache = cache;
        this.clock = clock;
    }

    public Uni<StatsPage> query(String projectId, MetricsQuery query) {
        return repository.snapshot(projectId).chain(snapshot -> {
            clock.observe(snapshot.clock());
            Instant now = snapshot.clock().now(clock.wallNow());
            LocalDate due = clock.calendar().lastDueDay(now);
            if (snapshot.lastAggregatedDay() == null || snapshot.lastAggregatedDay().isBefore(due)) {
                // The cron fires on wall time; an offset clock can pass 02:00 between two runs.
                return dueDays.ensureAggregatedThrough(due).chain(() -> repository.snapshot(projectId))
                        .chain(fresh -> answer(projectId, query, fresh));
            }
            return answer(projectId, query, snapshot);
        });
    }

    private Uni<StatsPage> answer(String projectId, MetricsQuery query, StatsRepository.Snapshot snapshot) {
        StatisticsCalendar calendar = clock.calendar();
        if (snapshot.version() == null) {
            return Uni.createFrom().item(StatsPage.EMPTY);
        }
        Instant now = snapshot.clock().now(clock.wallNow());
        QueryWindow window = QueryWindow.of(query.start(), query.end(), now, calendar);
        if (window == null) {
            return Uni.createFrom().item(StatsPage.EMPTY);
        }
        ProjectIndex cached = cache.get(projectId);
        if (cached != null && cached.version() == snapshot.version() && cached.covers(window)) {
            return Uni.createFrom().item(cached.query(query, window));
        }
        // The index spans the retention window as of now, never the days stored beyond it (SEMANTICS.md 7).
        LocalDate floor = calendar.firstRetainedDay(now);
        LocalDate ceiling = max(calendar.lastDueDay(now), floor);
        return loadOnce(projectId, snapshot.version(), floor, ceiling, calendar)
                .map(index -> index == null ? StatsPage.EMPTY : index.query(query, window));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private Uni<ProjectIndex> loadOnce(String projectId, long version, LocalDate floor, LocalDate ceiling,
            StatisticsCalendar calendar) {
        String key = projectId + '\n' + version + '\n' + floor + '\n' + ceiling;
        Uni<ProjectIndex> shared = loading.computeIfAbsent(key, k -> repository.loadIndex(projectId, floor, ceiling, calendar)
                .invoke(index -> {
                    if (index != null) {
                        cache.put(projectId, index);
                    }
                })
                .onTermination().invoke(() -> loading.remove(k))
                .memoize().indefinitely());
        // Waiters are resumed on their own event loop, not on the one that ran the rebuild.
        Context context = Vertx.currentContext();
        return context == null ? shared : shared.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
