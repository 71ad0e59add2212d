package io.wksemu.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.wksemu.clock.ClockService;
import io.wksemu.clock.StatisticsCalendar;
import io.wksemu.error.DomainException;
import io.wksemu.stats.DueDays;
import io.wksemu.store.StoreOutage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is stored, summarised for people (the dashboard and the {@code /_emulator/projects} routes of
 * SEMANTICS.md section 5): projects with their counts, a project's desktops with their open sessions, and
 * the daily points of the 180-day window (section 1) as a grid. Read-only; like a query, it first aggregates
 * the days that became due, so the grid shows what a query would read. Desktops are paged in the order the
 * emulated endpoint lists them without sort_field (resource_name, then resource_id), so a page of the grid
 * lines up with a page of a query; a query lists only desktops with points in its range, so the two pages
 * can differ by the desktops it leaves out.
 */
@ApplicationScoped
public class InventoryService {

    private final Pool pool;
    private final InventoryRepository repository;
    private final ClockService clock;
    private final DueDays dueDays;

    public InventoryService(Pool pool, InventoryRepository repository, ClockService clock, DueDays dueDays) {
        this.pool = pool;
        this.repository = repository;
        this.clock = clock;
        this.dueDays = dueDays;
    }

    /** A page of a project's desktops and the total. */
    public record DesktopPage(long count, List<StoredDesktop> desktops) {
    }

    /**
     * The grid of daily use from {@code from} (today-180) to {@code to} (today): each desktop's seconds per
     * day, null before its created day and on days not yet due (after {@code lastDueDay}).
     */
    public record Grid(LocalDate from, LocalDate to, LocalDate lastDueDay, long count, List<GridRow> desktops) {
    }

    public record GridRow(String resourceId, String resourceName, LocalDate createdDay, List<Integer> usageSeconds) {
    }

    public Uni<List<ProjectCounts>> projects() {
        return StoreOutage.bounded(pool.withConnection(repository::projects));
    }

    public Uni<DesktopPage> desktops(String projectId, int offset, int limit) {
        return StoreOutage.bounded(pool.withConnection(c -> repository.countDesktops(c, projectId)
                .chain(count -> {
                    if (count == 0) {
                        return Uni.createFrom().failure(DomainException.notFound("No project " + projectId + " is stored."));
                    }
                    return repository.desktops(c, projectId, offset, limit).map(page -> new DesktopPage(count, page));
                })));
    }

    public Uni<Grid> grid(String projectId, int offset, int limit) {
        StatisticsCalendar calendar = clock.calendar();
        return clock.now().chain(now -> {
            LocalDate today = calendar.dayOf(now);
            LocalDate from = calendar.firstRetainedDay(now);
            LocalDate lastDue = calendar.lastDueDay(now);
            return dueDays.ensureAggregatedThrough(lastDue)
                    .chain(() -> desktops(projectId, offset, limit))
                    .chain(page -> StoreOutage.bounded(pool.withConnection(c -> repository.points(c, projectId,
                                    page.desktops().stream().map(StoredDesktop::resourceId).toList(), from, lastDue)))
                            .map(points -> new Grid(from, today, lastDue, page.count(), rows(page, points, calendar, from, today, lastDue))));
        });
    }

    private static List<GridRow> rows(DesktopPage page, List<InventoryRepository.PointRow> points,
            StatisticsCalendar calendar, LocalDate from, LocalDate to, LocalDate lastDue) {
        Map<String, Map<LocalDate, Integer>> stored = new HashMap<>();
        for (InventoryRepository.PointRow p : points) {
            stored.computeIfAbsent(p.resourceId(), k -> new HashMap<>()).put(p.day(), p.usageSeconds());
        }
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        List<GridRow> rows = new ArrayList<>(page.desktops().size());
        for (StoredDesktop d : page.desktops()) {
            LocalDate created = calendar.dayOf(d.createdAt());
            Map<LocalDate, Integer> own = stored.getOrDefault(d.resourceId(), Map.of());
            List<Integer> seconds = new ArrayList<>(days);
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                seconds.add(day.isBefore(created) || day.isAfter(lastDue) ? null : own.getOrDefault(day, 0));
            }
            rows.add(new GridRow(d.resourceId(), d.resourceName(), created, seconds));
        }
        return rows;
    }
}
