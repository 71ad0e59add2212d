package io.wksemu.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wksemu.Seeds;
import java.time.Instant;
import java.time.LocalDate;
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
 * The statistics calendar (SEMANTICS.md section 1) in UTC and in a zone with daylight saving: exact figures
 * of the Europe/Berlin changes of 2026, and every answer against an oracle that walks the days one by one.
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

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void answersMatchADayByDayWalk(String zone, long seed) {
        StatisticsCalendar calendar = new StatisticsCalendar(ZoneId.of(zone));
        SplittableRandom random = new SplittableRandom(seed);
        Instant now = instant(random, calendar);
        String context = zone + ", seed " + seed + ", now " + now;

        // the day holding now: the one whose [start, next start) contains it
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(2);
        while (!calendar.startOf(day.plusDays(1)).isAfter(now)) {
            day = day.plusDays(1);
        }
        assertEquals(day, calendar.dayOf(now), context);
        assertTrue(!calendar.startOf(day).isAfter(now), context);
        // the stamp is the day's last second, whatever the day's length
        assertEquals(calendar.startOf(day.plusDays(1)).minusSeconds(1), calendar.stampOf(day), context);
        assertEquals(calendar.startOf(day.plusDays(1)).getEpochSecond() - calendar.startOf(day).getEpochSecond(),
                calendar.lengthSeconds(day), context);

        // the newest day whose aggregation instant is not after now; the first aggregation instant after now
        LocalDate due = day.plusDays(2);
        while (calendar.aggregationInstantOf(due).isAfter(now)) {
            due = due.minusDays(1);
        }
        assertEquals(due, calendar.lastDueDay(now), context);
        LocalDate next = day.minusDays(2);
        while (!calendar.aggregationInstantOf(next).isAfter(now)) {
            next = next.plusDays(1);
        }
        assertEquals(calendar.aggregationInstantOf(next), calendar.nextAggregation(now), context);
        // an aggregation instant is 02:00 (or the first instant after a gap) of the next day, in that day
        assertEquals(day.minusDays(StatisticsCalendar.RETENTION_DAYS), calendar.firstRetainedDay(now), context);
        Instant aggregation = calendar.aggregationInstantOf(day);
        assertEquals(day.plusDays(1), calendar.dayOf(aggregation), context);
        long sinceMidnight = aggregation.getEpochSecond() - calendar.startOf(day.plusDays(1)).getEpochSecond();
        assertTrue(sinceMidnight == 7_200 || sinceMidnight == 3_600, context + ": " + sinceMidnight);
    }
}
