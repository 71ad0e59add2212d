package io.wksemu.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The index's answers against a brute-force oracle that walks every day of every desktop. */
class ProjectIndexTest {

    private static final LocalDate FLOOR = LocalDate.of(2026, 1, 1);

    record Case(List<ProjectIndex.DesktopRow> desktops, List<ProjectIndex.PointRow> points, int lo, int hi,
            MetricsQuery query) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> desktopCount = Arbitraries.integers().between(0, 8);
        return desktopCount.flatMap(n -> {
            Arbitrary<List<Integer>> created = Arbitraries.integers().between(-5, 25).list().ofSize(n);
            Arbitrary<List<int[]>> points = Arbitraries.integers().between(0, Math.max(0, n - 1))
                    .flatMap(d -> Arbitraries.integers().between(-3, 25)
                            .flatMap(day -> Arbitraries.of(0, 0, 60, 3600, 86400).map(u -> new int[] {d, day, u})))
                    .list().ofMaxSize(n == 0 ? 0 : 40);
            Arbitrary<Integer> lo = Arbitraries.integers().between(0, 25);
            Arbitrary<Integer> span = Arbitraries.integers().between(0, 25);
            Arbitrary<MetricsQuery> query = Combinators.combine(
                    Arbitraries.of((Integer) null, 0, 1, 3), Arbitraries.of((Integer) null, 0, 2, 30),
                    Arbitraries.of((Integer) null, 0, 1), Arbitraries.of((Integer) null, 0, 1, 24),
                    Arbitraries.of(MetricsQuery.SortField.values()).injectNull(0.3),
                    Arbitraries.of(MetricsQuery.SortType.values()),
                    Arbitraries.integers().between(0, 6), Arbitraries.integers().between(1, 5))
                    .as((minIdle, maxIdle, minH, maxH, field, type, offset, limit) -> new MetricsQuery(
                            Instant.EPOCH, Instant.EPOCH, null, minIdle, maxIdle, minH,
                            maxH != null && minH != null && maxH < minH ? minH : maxH, field, type, offset, limit));
            return Combinators.combine(created, points, lo, span, query).as((c, p, l, s, q) -> {
                List<ProjectIndex.DesktopRow> desktops = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    desktops.add(new ProjectIndex.DesktopRow("id" + (n - i), "name" + (i % 3), i % 2 == 0 ? null : "pool",
                            FLOOR.plusDays(c.get(i))));
                }
                Map<String, ProjectIndex.PointRow> unique = new HashMap<>();
                for (int[] point : p) {
                    String id = "id" + (n - point[0]);
                    unique.put(id + point[1], new ProjectIndex.PointRow(id, FLOOR.plusDays(point[1]), point[2]));
                }
                return new Case(desktops, new ArrayList<>(unique.values()), l, Math.min(25, l + s), q);
            });
        });
    }

    @Property(tries = 400)
    void matchesBruteForce(@ForAll("cases") Case c) {
        ProjectIndex index = new ProjectIndex(1, FLOOR, c.desktops(), c.points());
        QueryWindow window = new QueryWindow(FLOOR.plusDays(c.lo()), FLOOR.plusDays(c.hi()));
        assertEquals(bruteForce(c, window), index.query(c.query(), window));
    }

    private static StatsPage bruteForce(Case c, QueryWindow window) {
        MetricsQuery q = c.query();
        List<DesktopStats> all = new ArrayList<>();
        for (ProjectIndex.DesktopRow d : c.desktops()) {
            Map<LocalDate, Integer> usage = new HashMap<>();
            LocalDate first = d.createdDay();
            for (ProjectIndex.PointRow p : c.points()) {
                if (p.resourceId().equals(d.resourceId()) && !p.day().isBefore(FLOOR)) {
                    usage.put(p.day(), p.usageSeconds());
                    first = p.day().isBefore(first) ? p.day() : first;
                }
            }
            List<Integer> considered = new ArrayList<>();
            for (LocalDate day = window.first(); !day.isAfter(window.last()); day = day.plusDays(1)) {
                if (!day.isBefore(first)) {
                    considered.add(usage.getOrDefault(day, 0));
                }
            }
            if (considered.isEmpty()) {
                continue;
            }
            long sum = considered.stream().mapToLong(Integer::longValue).sum();
            int idle = 0;
            for (int k = considered.size() - 1; k >= 0 && considered.get(k) == 0; k--) {
                idle++;
            }
            boolean keep = (q.minIdleDays() == null || idle >= q.minIdleDays())
                    && (q.maxIdleDays() == null || idle <= q.maxIdleDays())
                    && (q.usageMinHours() == null || sum >= q.usageMinHours() * 3600L)
                    && (q.usageMaxHours() == null || sum <= q.usageMaxHours() * 3600L);
            if (keep) {
                all.add(new DesktopStats(d.resourceId(), d.resourceName(), d.resourcePoolId(), sum, idle));
            }
        }
        Comparator<DesktopStats> order;
        if (q.sortField() == null) {
            order = Comparator.comparing(DesktopStats::resourceName).thenComparing(DesktopStats::resourceId);
        } else {
            Comparator<DesktopStats> metric = q.sortField() == MetricsQuery.SortField.DESKTOP_USAGE
                    ? Comparator.comparingLong(DesktopStats::usageSeconds) : Comparator.comparingInt(DesktopStats::idleDays);
            order = (q.sortType() == MetricsQuery.SortType.DESC ? metric.reversed() : metric)
                    .thenComparing(DesktopStats::resourceId);
        }
        all.sort(order);
        List<DesktopStats> page = all.subList(Math.min(q.offset(), all.size()), Math.min(q.offset() + q.limit(), all.size()));
        return new StatsPage(all.size(), new ArrayList<>(page));
    }
}
