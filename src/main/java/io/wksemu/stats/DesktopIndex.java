package io.wksemu.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable in-memory index of one project's retained daily points, answering a query in time linear in
 * the number of desktops whatever the window's length: per desktop it keeps prefix sums of daily use and,
 * per day, the last day with any use, so usage and idle days of any day range are two array reads.
 * PostgreSQL stays the source of truth; {@code version} says which committed state this index reflects.
 *
 * <p>Days [{@code floor}, {@code ceiling}] are held, at most {@link #MAX_DAYS} of them (the 181 days of the
 * retention window), whatever is stored: points on days not yet due (a fixture may set a day far in the
 * future) cost no memory. Days past the last stored point read as 0 seconds, as do days without a point
 * from each desktop's first day (its creation day, or an earlier explicit point) on.
 */
public final class DesktopIndex implements CachedIndex {

    private static final int NEVER_USED = Integer.MIN_VALUE;
    /** The queryable window: days today-180 to today-1, plus one for a window read across a day change. */
    public static final int MAX_DAYS = 181;

    private final long version;
    private final long floor;
    private final long ceiling;
    private final int days;
    private final String[] ids;
    private final String[] names;
    private final String[] lowerNames;
    private final String[] pools;
    private final long[] firstDay;
    /** Rank of each desktop in resource_id order (ties of a sort), and its inverse. */
    private final int[] idRank;
    private final int[] byIdRank;
    /**
     * {@code days + 1} rows of one sum per desktop: element (k, i) is desktop i's use of days [floor, floor + k).
     * Day-major, so a query, which reads the same day of every desktop, scans memory in order.
     */
    private final int[] prefix;
    /** {@code days} rows, day-major too: element (k, i) is desktop i's last day with use at or before floor + k. */
    private final int[] lastUsed;

    public record DesktopRow(String resourceId, String resourceName, String resourcePoolId, LocalDate createdDay) {
    }

    /**
     * The points an index is built from, as a source the build walks twice, so that a loader can hand them over
     * in whatever compact form it read them (a project of 10,000 desktops has over 400,000 points).
     */
    @FunctionalInterface
    public interface Points {
        void forEach(PointSink sink);
    }

    /** One point: a desktop's use of one day (as an epoch day). */
    @FunctionalInterface
    public interface PointSink {
        void accept(String resourceId, long epochDay, int usageSeconds);
    }

    /**
     * An index of days [floorDay, ceilingDay], which must be at most {@link #MAX_DAYS} days; points outside
     * are ignored.
     */
    public DesktopIndex(long version, LocalDate floorDay, LocalDate ceilingDay, List<DesktopRow> desktops, Points points) {
        this.version = version;
        this.floor = floorDay.toEpochDay();
        this.ceiling = ceilingDay.toEpochDay();
        if (ceiling - floor + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("an index spans at most " + MAX_DAYS + " days");
        }
        List<DesktopRow> sorted = new ArrayList<>(desktops);
        sorted.sort(Comparator.comparing(DesktopRow::resourceName).thenComparing(DesktopRow::resourceId));
        int n = sorted.size();
        ids = new String[n];
        names = new String[n];
        lowerNames = new String[n];
        pools = new String[n];
        firstDay = new long[n];
        Map<String, Integer> position = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            DesktopRow d = sorted.get(i);
            ids[i] = d.resourceId();
            names[i] = d.resourceName();
            lowerNames[i] = d.resourceName().toLowerCase(Locale.ROOT);
            pools[i] = d.resourcePoolId();
            firstDay[i] = d.createdDay().toEpochDay();
            position.put(d.resourceId(), i);
        }
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) {
            byId[i] = i;
        }
        Arrays.sort(byId, Comparator.comparing(i -> ids[i]));
        idRank = new int[n];
        byIdRank = new int[n];
        for (int r = 0; r < n; r++) {
            idRank[byId[r]] = r;
            byIdRank[r] = byId[r];
        }
        long[] maxDay = {floor - 1};
        points.forEach((resourceId, day, usageSeconds) -> {
            if (day <= ceiling) {
                maxDay[0] = Math.max(maxDay[0], day);
            }
        });
        days = (int) Math.max(0, maxDay[0] - floor + 1);
        int[] usage = new int[Math.multiplyExact(n, days)];
        points.forEach((resourceId, day, usageSeconds) -> {
            Integer i = position.get(resourceId);
            if (i == null || day < floor || day > ceiling) {
                return;
            }
            usage[(int) (day - floor) * n + i] = usageSeconds;
            firstDay[i] = Math.min(firstDay[i], day);
        });
        prefix = new int[Math.multiplyExact(n, days + 1)];
        lastUsed = new int[usage.length];
        for (int i = 0; i < n; i++) {
            int sum = 0;
            int last = NEVER_USED;
            for (int k = 0; k < days; k++) {
                int u = usage[k * n + i];
                sum += u;
                if (u > 0) {
                    last = (int) (floor + k);
                }
                prefix[(k + 1) * n + i] = sum;
                lastUsed[k * n + i] = last;
            }
        }
    }

    @Override
    public long version() {
        return version;
    }

    /** Days held in the arrays (up to the last stored point of the span). */
    public int heldDays() {
        return days;
    }

    /** Approximate heap taken by the arrays, for sizing the cache. */
    @Override
    public long approximateBytes() {
        return 4L * (prefix.length + lastUsed.length + idRank.length + byIdRank.length) + 8L * firstDay.length
                + 200L * ids.length;
    }

    /** Whether the window's days all lie in the span this index holds. */
    @Override
    public boolean covers(QueryWindow window) {
        return window.first().toEpochDay() >= floor && window.last().toEpochDay() <= ceiling;
    }

    /** Answers a query over the window's days, which must lie in the days held ({@link #covers}). */
    public StatsPage query(MetricsQuery q, QueryWindow window) {
        long lo = window.first().toEpochDay();
        long hi = window.last().toEpochDay();
        if (!covers(window)) {
            throw new IllegalArgumentException("window outside the index span");
        }
        String needle = q.resourceName() == null ? null : q.resourceName().toLowerCase(Locale.ROOT);
        long minUsage = q.usageMinHours() == null ? Long.MIN_VALUE : q.usageMinHours() * 3600L;
        long maxUsage = q.usageMaxHours() == null ? Long.MAX_VALUE : q.usageMaxHours() * 3600L;
        int minIdle = q.minIdleDays() == null ? Integer.MIN_VALUE : q.minIdleDays();
        int maxIdle = q.maxIdleDays() == null ? Integer.MAX_VALUE : q.maxIdleDays();

        int n = ids.length;
        boolean sorted = q.sortField() != null;
        boolean byUsage = q.sortField() == MetricsQuery.SortField.DESKTOP_USAGE;
        boolean descending = q.sortType() == MetricsQuery.SortType.DESC;
        // One primitive array per query: desktop positions in resource_name order, or sort keys. The page's
        // figures are computed again for its few desktops rather than kept for all of them.
        int[] matched = sorted ? null : new int[n];
        long[] keys = sorted ? new long[n] : null;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (needle != null && !lowerNames[i].contains(needle)) {
                continue;
            }
            if (Math.max(lo, firstDay[i]) > hi) {
                continue; // no point of this desktop lies in the window
            }
            long usage = usage(i, lo, hi);
            int idle = idleDays(i, lo, hi);
            if (usage < minUsage || usage > maxUsage || idle < minIdle || idle > maxIdle) {
                continue;
            }
            if (sorted) {
                keys[count] = sortKey(byUsage ? Math.toIntExact(usage) : idle, descending, i);
            } else {
                matched[count] = i;
            }
            count++;
        }

        int end = (int) Math.min(count, (long) q.offset() + q.limit());
        List<DesktopStats> items = new ArrayList<>(Math.max(0, end - q.offset()));
        if (q.offset() < end) {
            long[] first = sorted ? TopK.smallest(keys, count, end) : null;
            for (int k = q.offset(); k < end; k++) {
                // a key's low half is the desktop's rank by resource_id
                int i = sorted ? byIdRank[(int) first[k]] : matched[k];
                items.add(new DesktopStats(ids[i], names[i], pools[i], usage(i, lo, hi), idleDays(i, lo, hi)));
            }
        }
        return new StatsPage(count, items);
    }

    /** Use of days [lo, hi]; nothing is stored before a desktop's first day, so its prefix sum there is 0. */
    private long usage(int desktop, long lo, long hi) {
        return prefixAt(desktop, hi + 1) - (firstDay[desktop] > lo ? 0 : prefixAt(desktop, lo));
    }

    /** Trailing days without use in [lo, hi], counting only days from the desktop's first day on. */
    private int idleDays(int desktop, long lo, long hi) {
        long from = Math.max(lo, firstDay[desktop]);
        long last = Math.max(lastUsedAtOrBefore(desktop, hi), from - 1);
        return (int) (hi - last);
    }

    /**
     * A primitive key whose natural order is the requested order: the metric (bit-inverted when descending)
     * in the high half, the desktop's rank by resource_id in the low half for ties.
     */
    private long sortKey(int metric, boolean descending, int desktop) {
        return ((long) (descending ? ~metric : metric) << 32) | idRank[desktop];
    }

    /** Use of days [floor, day). */
    private long prefixAt(int desktop, long day) {
        long k = Math.min(Math.max(day - floor, 0), days);
        return prefix[(int) k * ids.length + desktop];
    }

    private long lastUsedAtOrBefore(int desktop, long day) {
        if (days == 0 || day < floor) {
            return NEVER_USED;
        }
        long k = Math.min(day - floor, days - 1);
        int last = lastUsed[(int) k * ids.length + desktop];
        return last == NEVER_USED ? NEVER_USED : last;
    }
}
