package io.wksemu.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Days, stamps and aggregation instants in the statistics zone (SEMANTICS.md section 1): day D is
 * [D 00:00, D+1 00:00), its point is stamped D 23:59:59, it is aggregated at D+1 02:00, and the queryable
 * days are [today-180, today-1] once aggregated.
 */
public record StatisticsCalendar(ZoneId zone) {

    public static final int RETENTION_DAYS = 180;
    /** ListUserUsageMetric: "data within a maximum of 30 days can be queried" (SEMANTICS.md section 8). */
    public static final int USER_WINDOW_DAYS = 30;
    private static final LocalTime AGGREGATION_TIME = LocalTime.of(2, 0);
    private static final LocalTime STAMP_TIME = LocalTime.of(23, 59, 59);

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public long lengthSeconds(LocalDate day) {
        return startOf(day.plusDays(1)).getEpochSecond() - startOf(day).getEpochSecond();
    }

    public Instant stampOf(LocalDate day) {
        return day.atTime(STAMP_TIME).atZone(zone).toInstant();
    }

    public Instant aggregationInstantOf(LocalDate day) {
        return day.plusDays(1).atTime(AGGREGATION_TIME).atZone(zone).toInstant();
    }

    /** The newest day whose aggregation instant has passed at {@code now}. */
    public LocalDate lastDueDay(Instant now) {
        LocalDate yesterday = dayOf(now).minusDays(1);
        return now.isBefore(aggregationInstantOf(yesterday)) ? yesterday.minusDays(1) : yesterday;
    }

    /** The oldest day still inside the 180-day window at {@code now}. */
    public LocalDate firstRetainedDay(Instant now) {
        return firstDayWithin(now, RETENTION_DAYS);
    }

    /** The oldest day of a window of {@code days} days ending yesterday: today-{@code days}. */
    public LocalDate firstDayWithin(Instant now, int days) {
        return dayOf(now).minusDays(days);
    }

    public Instant nextAggregation(Instant now) {
        Instant next = aggregationInstantOf(lastDueDay(now).plusDays(1));
        return next.isAfter(now) ? next : aggregationInstantOf(lastDueDay(now).plusDays(2));
    }
}
