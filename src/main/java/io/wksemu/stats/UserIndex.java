package io.wksemu.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;

/**
 * An immutable in-memory index of one project's per-user daily figures over the users endpoint's 30-day
 * window (SEMANTICS.md section 8), built like {@link DesktopIndex}: per user, day-major prefix sums of
 * seconds of use, successful and failed logins, so any day range costs three array reads per user and a
 * query is linear in the number of users whatever the range. Users are held in username order, which is
 * both the unsorted order and the tie-break of a sort.
 *
 * <p>It holds days [floor, ceiling]: the window's first day and the last day due when it was built. A
 * window outside them needs a rebuild, since a day that became due since may hold rows written before
 * (a clock moved back and forth) without the project's version having moved.
 */
public final class UserIndex implements CachedIndex {

    private final long version;
    private final long floor;
    private final long ceiling;
    private final int days;
    private final String[] names;
    private final String[] lowerNames;
    /** {@code days + 1} rows of one sum per user: element (k, i) is user i's figure over days [floor, floor + k). */
    private final long[] usagePrefix;
    private final int[] successPrefix;
    private final int[] failPrefix;
    /** Bits of a sort key's low half (the user's position); the high half holds the seconds of use. */
    private final int rankBits;
    /** Whether every user's use fits the high half of a key; only absurd volumes fall back to a slower sort. */
    private final boolean packable;

    public record Row(String userName, LocalDate day, long usageSeconds, int loginSuccess, int loginFail) {
    }

    public UserIndex(long version, LocalDate floorDay, LocalDate ceilingDay, List<Row> rows) {
        this.version = version;
        this.floor = floorDay.toEpochDay();
        this.ceiling = ceilingDay.toEpochDay();
        this.days = (int) Math.max(0, ceiling - floor + 1);
        HashMap<String, Integer> position = new HashMap<>();
        for (Row r : rows) {
            long day = r.day().toEpochDay();
            if (day >= floor && day <= ceiling) {
                position.put(r.userName(), 0);
            }
        }
        int n = position.size();
        names = position.keySet().toArray(String[]::new);
        Arrays.sort(names);
        lowerNames = new String[n];
        for (int i = 0; i < n; i++) {
            lowerNames[i] = names[i].toLowerCase(Locale.ROOT);
            position.put(names[i], i);
        }
        usagePrefix = new long[n * (days + 1)];
        successPrefix = new int[n * (days + 1)];
        failPrefix = new int[n * (days + 1)];
        // Day values first (row k + 1 holds day k), then a running sum down each user's column.
        for (Row r : rows) {
            long day = r.day().toEpochDay();
            if (day < floor || day > ceiling) {
                continue;
            }
            int at = (int) (day - floor + 1) * n + position.get(r.userName());
            usagePrefix[at] = r.usageSeconds();
            successPrefix[at] = r.loginSuccess();
            failPrefix[at] = r.loginFail();
        }
        long maxUsage = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 1; k <= days; k++) {
                usagePrefix[k * n + i] += usagePrefix[(k - 1) * n + i];
                successPrefix[k * n + i] += successPrefix[(k - 1) * n + i];
                failPrefix[k * n + i] += failPrefix[(k - 1) * n + i];
            }
            maxUsage = Math.max(maxUsage, usagePrefix[days * n + i]);
        }
        rankBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, n));
        packable = maxUsage < 1L << (62 - rankBits);
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public boolean covers(QueryWindow window) {
        return window.first().toEpochDay() >= floor && window.last().toEpochDay() <= ceiling;
    }

    @Override
    public long approximateBytes() {
        return 16L * usagePrefix.length + 200L * names.length;
    }

    /** Answers a query over the window's days, which must lie inside [floor, ceiling]. */
    public UserStatsPage query(UserMetricsQuery q, QueryWindow window) {
        if (!covers(window)) {
            throw new IllegalArgumentException("window outside the index's days");
        }
        int lo = (int) (window.first().toEpochDay() - floor);
        int hi = (int) (window.last().toEpochDay() - floor) + 1;
        String needle = q.username() == null ? null : q.username().toLowerCase(Locale.ROOT);
        long minUsage = q.usageMinHours() == null ? Long.MIN_VALUE : q.usageMinHours() * 3600L;
        long maxUsage = q.usageMaxHours() == null ? Long.MAX_VALUE : q.usageMaxHours() * 3600L;
        boolean descending = q.sortType() == MetricsQuery.SortType.DESC;

        int n = names.length;
        // One primitive array per query: positions in username order, or sort keys.
        int[] matched = new int[n];
        long[] keys = q.sortByUsage() && packable ? new long[n] : null;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (needle != null && !lowerNames[i].contains(needle)) {
                continue;
            }
            long usage = usagePrefix[hi * n + i] - usagePrefix[lo * n + i];
            if (usage == 0 && attempts(i, lo, hi) == 0) {
                continue; // no use and no login attempt inside the window: not listed
            }
            if (usage < minUsage || usage > maxUsage) {
                continue;
            }
            if (keys != null) {
                keys[count] = ((descending ? ~usage : usage) << rankBits) | i;
            }
            matched[count] = i;
            count++;
        }

        int end = (int) Math.min(count, (long) q.offset() + q.limit());
        List<UserStats> items = new ArrayList<>(Math.max(0, end - q.offset()));
        if (q.offset() < end) {
            int[] page = pageOrder(q.sortByUsage(), descending, matched, keys, count, end, lo, hi);
            for (int k = q.offset(); k < end; k++) {
                items.add(stats(page[k], lo, hi));
            }
        }
        return new UserStatsPage(count, items);
    }

    /** Positions of the first {@code end} matches in the requested order. */
    private int[] pageOrder(boolean sortByUsage, boolean descending, int[] matched, long[] keys, int count, int end,
            int lo, int hi) {
        if (!sortByUsage) {
            return matched;
        }
        int n = names.length;
        int[] page = new int[end];
        if (keys != null) {
            long[] first = TopK.smallest(keys, count, end);
            long mask = (1L << rankBits) - 1;
            for (int k = 0; k < end; k++) {
                page[k] = (int) (first[k] & mask);
            }
            return page;
        }
        Integer[] all = new Integer[count];
        for (int k = 0; k < count; k++) {
            all[k] = matched[k];
        }
        Arrays.sort(all, (a, b) -> {
            long ua = usagePrefix[hi * n + a] - usagePrefix[lo * n + a];
            long ub = usagePrefix[hi * n + b] - usagePrefix[lo * n + b];
            int byUsage = descending ? Long.compare(ub, ua) : Long.compare(ua, ub);
            return byUsage != 0 ? byUsage : Integer.compare(a, b);
        });
        for (int k = 0; k < end; k++) {
            page[k] = all[k];
        }
        return page;
    }

    private long attempts(int user, int lo, int hi) {
        int n = names.length;
        return (long) successPrefix[hi * n + user] - successPrefix[lo * n + user]
                + failPrefix[hi * n + user] - failPrefix[lo * n + user];
    }

    private UserStats stats(int user, int lo, int hi) {
        int n = names.length;
        return new UserStats(names[user], usagePrefix[hi * n + user] - usagePrefix[lo * n + user],
                successPrefix[hi * n + user] - successPrefix[lo * n + user],
                failPrefix[hi * n + user] - failPrefix[lo * n + user]);
    }
}
