package io.wksemu.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wksemu.Seeds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statistics calendar in UTC and in a zone with daylight saving: exact figures of the Europe/Berlin
 * changes of 2026, and every answer against an oracle built from java.time's local date-times alone.
 */
class StatisticsCalendarTest {

    private static final StatisticsCalendar BERLIN = new StatisticsCalendar(ZoneId.of("Europe/Berlin"));
    private static final StatisticsCalendar UTC = new StatisticsCalendar(ZoneOffset.UTC);

    @Test
    void berlinDaysAre23And25HoursLongOnTheChanges() {
        assertEquals(86_400, BERLIN.lengthSeconds(LocalDate.of(2026, 3, 28)));
        assertEquals(82_800, BERLIN.lengthSeconds(LocalDate.of(2026, 3, 29)));
        assertEquals(86_400, BERLIN.lengthSeconds(LocalDate.of(2026, 3, 30)));
        assertEquals(90_000, BERLIN.lengthSeconds(LocalDate.of(2026, 10, 25)));
        TreeMap<Long, Integer> lengths = new TreeMap<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            lengths.merge(BERLIN.lengthSeconds(d), 1, Integer::sum);
            assertEquals(86_400, UTC.lengthSeconds(d));
        }
        assertEquals(new TreeMap<>(java.util.Map.of(82_800L, 1, 86_400L, 363, 90_000L, 1)), lengths);
    }

    @Test
    void berlinStampsAndAggregationInstantsAroundTheChanges() {
        assertEquals(Instant.parse("2026-03-28T23:00:00Z"), BERLIN.startOf(LocalDate.of(2026, 3, 29)));
        assertEquals(Instant.parse("2026-03-29T21:59:59Z"), BERLIN.stampOf(LocalDate.of(2026, 3, 29)));
        // 02:00 does not exist on 29 March: the day before is aggregated at 03:00 CEST, the instant 02:00 would be
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), BERLIN.aggregationInstantOf(LocalDate.of(2026, 3, 28)));
        assertEquals(Instant.parse("2026-03-30T00:00:00Z"), BERLIN.aggregationInstantOf(LocalDate.of(2026, 3, 29)));
        assertEquals(Instant.parse("2026-10-24T22:00:00Z"), BERLIN.startOf(LocalDate.of(2026, 10, 25)));
        assertEquals(Instant.parse("2026-10-25T22:59:59Z"), BERLIN.stampOf(LocalDate.of(2026, 10, 25)));
        // 02:00 happens twice on 25 October: the first (summer time) one counts
        assertEquals(Instant.parse("2026-10-25T00:00:00Z"), BERLIN.aggregationInstantOf(LocalDate.of(2026, 10, 24)));
        assertEquals(Instant.parse("2026-10-26T01:00:00Z"), BERLIN.aggregationInstantOf(LocalDate.of(2026, 10, 25)));
        assertEquals(LocalDate.of(2026, 3, 28), BERLIN.lastDueDay(Instant.parse("2026-03-29T01:00:00Z")));
        assertEquals(LocalDate.of(2026, 3, 27), BERLIN.lastDueDay(Instant.parse("2026-03-29T00:59:59Z")));
    }

    static Stream<Arguments> cases() {
        return Stream.of("UTC", "Europe/Berlin")
                .flatMap(zone -> Seeds.of(500).mapToObj(seed -> Arguments.of(zone, seed)));
    }

    /** An instant in 2025-2027, often on or next to a day's start, stamp or aggregation instant. */
    static Instant instant(SplittableRandom random, StatisticsCalendar calendar) {
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(3 * 365));
        if (random.nextInt(8) < 3) { // near the 2026 changes
            day = random.nextBoolean() ? LocalDate.of(2026, 3, 27).plusDays(random.nextInt(4))
                    : LocalDate.of(2026, 10, 23).plusDays(random.nextInt(4));
        }
        Instant anchor = switch (random.nextInt(4)) {
            case 0 -> calendar.startOf(day);
            case 1 -> calendar.stampOf(day);
            case 2 -> calendar.aggregationInstantOf(day);
            default -> calendar.startOf(day).plusSeconds(random.nextInt(90_000));
        };
        return anchor.plusSeconds(random.nextInt(3) - 1);
    }

    /**
     * The oracle, from java.time alone and without the calendar: the local date and time of each instant in
     * the zone, searched hour by hour, then minute by minute, then second by second.
     */
    private record Oracle(ZoneId zone) {

        LocalDate dayOf(Instant t) {
            return LocalDate.ofInstant(t, zone);
        }

        /**
         * The first instant at or after {@code from} whose local date-time is at or after {@code local}: steps of
         * an hour, a minute, then a second, each taken only while its end is still before {@code local}.
         */
        Instant firstAtOrAfter(Instant from, LocalDateTime local) {
            Instant t = from;
            for (long step : new long[] {3600, 60, 1}) {
                while (LocalDateTime.ofInstant(t.plusSeconds(step), zone).isBefore(local)) {
                    t = t.plusSeconds(step);
                }
            }
            return LocalDateTime.ofInstant(t, zone).isBefore(local) ? t.plusSeconds(1) : t;
        }

        /** Where the search for a day's instants starts: well before any zone's midnight of that day. */
        static Instant before(LocalDate day) {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(15 * 3600);
        }

        Instant startOf(LocalDate day) {
            return firstAtOrAfter(before(day), day.atStartOfDay());
        }

        /** D+1 02:00 local, or the first instant after it when the clocks skip it; the first when it repeats. */
        Instant aggregationInstantOf(LocalDate day) {
            return firstAtOrAfter(before(day.plusDays(1)), day.plusDays(1).atTime(LocalTime.of(2, 0)));
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void answersMatchAnOracleOfJavaTimeAlone(String zone, long seed) {
        StatisticsCalendar calendar = new StatisticsCalendar(ZoneId.of(zone));
        Oracle oracle = new Oracle(ZoneId.of(zone));
        SplittableRandom random = new SplittableRandom(seed);
        Instant now = instant(random, calendar);
        String context = zone + ", seed " + seed + ", now " + now;

        LocalDate day = oracle.dayOf(now);
        assertEquals(day, calendar.dayOf(now), context);
        assertEquals(oracle.startOf(day), calendar.startOf(day), context);
        // the stamp is the day's last second, whatever the day's length
        Instant next = oracle.startOf(day.plusDays(1));
        assertEquals(next.minusSeconds(1), calendar.stampOf(day), context);
        assertEquals(next.getEpochSecond() - oracle.startOf(day).getEpochSecond(), calendar.lengthSeconds(day), context);
        assertEquals(oracle.aggregationInstantOf(day), calendar.aggregationInstantOf(day), context);

        // the newest day whose aggregation instant is not after now; the first aggregation instant after now
        LocalDate due = day;
        while (oracle.aggregationInstantOf(due).isAfter(now)) {
            due = due.minusDays(1);
        }
        assertEquals(due, calendar.lastDueDay(now), context);
        assertEquals(oracle.aggregationInstantOf(due.plusDays(1)), calendar.nextAggregation(now), context);
        assertEquals(day.minusDays(StatisticsCalendar.RETENTION_DAYS), calendar.firstRetainedDay(now), context);
    }
}
