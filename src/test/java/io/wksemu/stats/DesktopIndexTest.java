package io.wksemu.stats;

import static io.wksemu.Seeds.between;
import static io.wksemu.Seeds.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wksemu.Seeds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index's answers against a brute-force oracle that walks every day of every desktop, over seeded random
 * cases (the seed is in every failure message; {@code -Dwksemu.seed=N} reruns one).
 */
class DesktopIndexTest {

    private static final LocalDate FLOOR = LocalDate.of(2026, 1, 1);
    /** Desktop names: repeated ones (ties broken by id), cases, and the characters a LIKE would treat specially. */
    private static final String[] NAMES = {"name0", "name1", "Name1", "DEV-alice", "dev_bob", "50%-pool", "a\\b", "ÄRGER"};
    /** Name filters: case-insensitive substrings, with %, _ and \ taken literally. */
    private static final String[] FILTERS = {"name", "NAME1", "e1", "dev", "_", "%", "\\", "v_b", "x", "ärger", "a"};

    record Case(List<DesktopIndex.DesktopRow> desktops, List<Point> points, int lo, int hi,
            MetricsQuery query) {
    }

    static LongStream seeds() {
        return Seeds.of(1000);
    }

    /** 0 to 8 desktops created around the floor, up to 40 points (some before the floor), any window, name filter and query. */
    static Case generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = between(random, 0, 8);
        List<DesktopIndex.DesktopRow> desktops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            desktops.add(new DesktopIndex.DesktopRow("id" + (n - i), oneOf(random, NAMES), i % 2 == 0 ? null : "pool",
                    FLOOR.plusDays(between(random, -5, 25))));
        }
        Map<String, Point> unique = new HashMap<>();
        int pointCount = n == 0 ? 0 : between(random, 0, 40);
        for (int k = 0; k < pointCount; k++) {
            String id = "id" + (n - between(random, 0, n - 1));
            int day = between(random, -3, 25);
            unique.put(id + day, new Point(id, FLOOR.plusDays(day), oneOf(random, 0, 0, 60, 3600, 86400)));
        }
        int lo = between(random, 0, 25);
        int hi = Math.min(25, lo + between(random, 0, 25));
        Integer minIdle = oneOf(random, null, 0, 1, 3);
        Integer maxIdle = oneOf(random, null, 0, 2, 30);
        Integer minH = oneOf(random, null, 0, 1);
        Integer maxH = oneOf(random, null, 0, 1, 24);
        MetricsQuery.SortField field = random.nextInt(10) < 3 ? null : oneOf(random, MetricsQuery.SortField.values());
        MetricsQuery.SortType type = oneOf(random, MetricsQuery.SortType.values());
        String name = random.nextInt(10) < 5 ? null : oneOf(random, FILTERS);
        MetricsQuery query = new MetricsQuery(Instant.EPOCH, Instant.EPOCH, name, minIdle, maxIdle, minH,
                maxH != null && minH != null && maxH < minH ? minH : maxH, field, type,
                between(random, 0, 6), between(random, 1, 5));
        return new Case(desktops, new ArrayList<>(unique.values()), lo, hi, query);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matchesBruteForce(long seed) {
        Case c = generate(seed);
        DesktopIndex index = new DesktopIndex(1, FLOOR, FLOOR.plusDays(DesktopIndex.MAX_DAYS - 1), c.desktops(),
                Point.source(c.points()));
        QueryWindow window = new QueryWindow(FLOOR.plusDays(c.lo()), FLOOR.plusDays(c.hi()));
        assertEquals(bruteForce(c, window), index.query(c.query(), window), () -> "seed " + seed + ": " + c);
    }

    private static StatsPage bruteForce(Case c, QueryWindow window) {
        MetricsQuery q = c.query();
        List<DesktopStats> all = new ArrayList<>();
        for (DesktopIndex.DesktopRow d : c.desktops()) {
            Map<LocalDate, Integer> usage = new HashMap<>();
            LocalDate first = d.createdDay();
            for (Point p : c.points()) {
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
            boolean keep = (q.resourceName() == null || d.resourceName().toLowerCase(Locale.ROOT)
                    .contains(q.resourceName().toLowerCase(Locale.ROOT)))
                    && (q.minIdleDays() == null || idle >= q.minIdleDays())
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
