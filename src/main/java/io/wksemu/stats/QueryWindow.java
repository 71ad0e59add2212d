package io.wksemu.stats;

import io.wksemu.clock.StatisticsCalendar;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The days whose points a query considers: stamp (D 23:59:59) inside [start, end], D inside the 180-day
 * window (30 days for users) and already aggregated at the clock's now. Stamps grow with D, so these days are one range.
 */
public record QueryWindow(LocalDate first, LocalDate last) {

    /** The window, or null when no day qualifies ("less than one period" gives an empty result). */
    public static QueryWindow of(Instant start, Instant end, Instant now, StatisticsCalendar calendar) {
        return of(start, end, now, calendar, StatisticsCalendar.RETENTION_DAYS);
    }

    /** The same over a window of the last {@code windowDays} days (30 for the users endpoint). */
    public static QueryWindow of(Instant start, Instant end, Instant now, StatisticsCalendar calendar, int windowDays) {
        LocalDate first = calendar.dayOf(start);
        if (calendar.stampOf(first).isBefore(start)) {
            first = first.plusDays(1);
        }
        LocalDate last = calendar.dayOf(end);
        if (calendar.stampOf(last).isAfter(end)) {
            last = last.minusDays(1);
        }
        LocalDate retained = calendar.firstDayWithin(now, windowDays);
        LocalDate due = calendar.lastDueDay(now);
        if (first.isBefore(retained)) {
            first = retained;
        }
        if (last.isAfter(due)) {
            last = due;
        }
        return first.isAfter(last) ? null : new QueryWindow(first, last);
    }
}
