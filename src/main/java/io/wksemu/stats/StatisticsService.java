package io.wksemu.stats;

import io.smallrye.mutiny.Uni;
import io.wksemu.clock.ClockService;
import io.wksemu.clock.StatisticsCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Answers the statistics query of SEMANTICS.md section 2 from a per-project {@link ProjectIndex}. Each query
 * reads the clock and the project's version in one statement, so it sees every write committed on any
 * replica before it began; the index is rebuilt from PostgreSQL only when the version moved or the window
 * reaches before the index's first day.
 */
@ApplicationScoped
public class StatisticsService {

    private final StatsRepository repository;
    private final ProjectIndexCache cache;
    private final ClockService clock;

    public StatisticsService(StatsRepository repository, ProjectIndexCache cache, ClockService clock) {
        this.repository = repository;
        this.cache = cache;
        this.clock = clock;
    }

    public Uni<StatsPage> query(String projectId, MetricsQuery query) {
        StatisticsCalendar calendar = clock.calendar();
        return repository.snapshot(projectId).chain(snapshot -> {
            if (snapshot.version() == null) {
                return Uni.createFrom().item(StatsPage.EMPTY);
            }
            Instant now = snapshot.clock().now(clock.wallNow());
            QueryWindow window = QueryWindow.of(query.start(), query.end(), now, calendar);
            if (window == null) {
                return Uni.createFrom().item(StatsPage.EMPTY);
            }
            ProjectIndex cached = cache.get(projectId);
            if (cached != null && cached.version() == snapshot.version() && !window.first().isBefore(cached.floor())) {
                return Uni.createFrom().item(cached.query(query, window));
            }
            return repository.loadIndex(projectId, calendar.firstRetainedDay(now), calendar)
                    .map(index -> {
                        if (index == null) {
                            return StatsPage.EMPTY;
                        }
                        cache.put(projectId, index);
                        return index.query(query, window);
                    });
        });
    }
}
