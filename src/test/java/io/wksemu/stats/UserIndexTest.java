package io.wksemu.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The users index against a brute-force oracle that walks every row of every user (seeded, reproducible). */
class UserIndexTest {

    private static final LocalDate FLOOR = LocalDate.of(2026, 5, 16);
    private static final LocalDate CEILING = FLOOR.plusDays(29);
    private static final String[] NAMES = {"alice", "Bob", "carol", "dave", "Eve", "al", "BOBBY", "zed", "ünï", "x_y"};

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matchesTheOracle(long seed) {
        Random random = new Random(seed);
        Map<String, UserIndex.Row> unique = new HashMap<>();
        int rows = random.nextInt(40);
        for (int r = 0; r < rows; r++) {
            String name = NAMES[random.nextInt(NAMES.length)];
            // rows outside [floor, ceiling] must be ignored
            LocalDate day = FLOOR.plusDays(random.nextInt(34) - 2);
            long usage = List.of(0L, 0L, 60L, 3600L, 86400L, 5 * 86400L).get(random.nextInt(6));
            int success = random.nextInt(3);
            int fail = random.nextInt(4) == 0 ? random.nextInt(3) : 0;
            unique.put(name + day, new UserIndex.Row(name, day, usage, success, fail));
        }
        List<UserIndex.Row> data = new ArrayList<>(unique.values());
        int lo = random.nextInt(30);
        int hi = Math.min(29, lo + random.nextInt(30));
        Integer minH = random.nextBoolean() ? null : random.nextInt(3);
        Integer maxH = random.nextBoolean() ? null : random.nextInt(30);
        if (minH != null && maxH != null && maxH < minH) {
            maxH = minH;
        }
        String needle = random.nextInt(3) == 0 ? List.of("b", "AL", "_", "ü", "nobody").get(random.nextInt(5)) : null;
        UserMetricsQuery query = new UserMetricsQuery(Instant.EPOCH, Instant.EPOCH, needle, minH, maxH,
                random.nextBoolean(), random.nextBoolean() ? MetricsQuery.SortType.ASC : MetricsQuery.SortType.DESC,
                random.nextInt(8), 1 + random.nextInt(6));
        QueryWindow window = new QueryWindow(FLOOR.plusDays(lo), FLOOR.plusDays(hi));

        UserStatsPage actual = new UserIndex(7, FLOOR, CEILING, data).query(query, window);
        assertEquals(oracle(data, query, window), actual, "seed " + seed + ", query " + query + ", window " + window);
    }

    private static UserStatsPage oracle(List<UserIndex.Row> data, UserMetricsQuery q, QueryWindow w) {
        Map<String, long[]> sums = new HashMap<>();
        for (UserIndex.Row r : data) {
            if (r.day().isBefore(w.first()) || r.day().isAfter(w.last())) {
                continue;
            }
            long[] s = sums.computeIfAbsent(r.userName(), k -> new long[3]);
            s[0] += r.usageSeconds();
            s[1] += r.loginSuccess();
            s[2] += r.loginFail();
        }
        List<UserStats> matched = new ArrayList<>();
        sums.forEach((name, s) -> {
            boolean listed = s[0] > 0 || s[1] + s[2] > 0;
            boolean nameOk = q.username() == null
                    || name.toLowerCase(Locale.ROOT).contains(q.username().toLowerCase(Locale.ROOT));
            boolean minOk = q.usageMinHours() == null || s[0] >= q.usageMinHours() * 3600L;
            boolean maxOk = q.usageMaxHours() == null || s[0] <= q.usageMaxHours() * 3600L;
            if (listed && nameOk && minOk && maxOk) {
                matched.add(new UserStats(name, s[0], s[1], s[2]));
            }
        });
        Comparator<UserStats> byName = Comparator.comparing(UserStats::username);
        Comparator<UserStats> order = byName;
        if (q.sortByUsage()) {
            Comparator<UserStats> byUsage = Comparator.comparingLong(UserStats::usageSeconds);
            order = (q.sortType() == MetricsQuery.SortType.DESC ? byUsage.reversed() : byUsage).thenComparing(byName);
        }
        matched.sort(order);
        int from = Math.min(q.offset(), matched.size());
        int to = Math.min(matched.size(), q.offset() + q.limit());
        return new UserStatsPage(matched.size(), List.copyOf(matched.subList(from, to)));
    }

    @Test
    void aWindowOutsideTheHeldDaysIsNotCovered() {
        UserIndex index = new UserIndex(1, FLOOR, CEILING, List.of());
        assertTrue(index.covers(new QueryWindow(FLOOR, CEILING)));
        assertFalse(index.covers(new QueryWindow(FLOOR.minusDays(1), CEILING)));
        assertFalse(index.covers(new QueryWindow(FLOOR, CEILING.plusDays(1))));
    }

    @Test
    void hugeUsageFallsBackToAnExactSort() {
        // a user whose use does not fit a packed sort key still sorts exactly
        List<UserIndex.Row> rows = List.of(new UserIndex.Row("big", FLOOR, Long.MAX_VALUE / 4, 1, 0),
                new UserIndex.Row("small", FLOOR, 5, 1, 0), new UserIndex.Row("mid", FLOOR, 1L << 40, 1, 0));
        UserStatsPage page = new UserIndex(1, FLOOR, CEILING, rows).query(new UserMetricsQuery(Instant.EPOCH, Instant.EPOCH,
                null, null, null, true, MetricsQuery.SortType.DESC, 0, 10), new QueryWindow(FLOOR, CEILING));
        assertEquals(List.of("big", "mid", "small"), page.items().stream().map(UserStats::username).toList());
    }
}
