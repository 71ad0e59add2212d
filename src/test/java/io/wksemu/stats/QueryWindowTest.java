package io.wksemu.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wksemu.Seeds;
import io.wksemu.clock.StatisticsCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The days a query considers (SEMANTICS.md sections 1 and 2) against an oracle that tests every day on its
 * own: its stamp inside [start, end], inside [today-180, today-1] and its aggregation instant passed.
 */
class QueryWindowTest {

    static Stream<Arguments> cases() {
        return Stream.of("UTC", "Europe/Berlin")
                .flatMap(zone -> Seeds.of(1000).mapToObj(seed -> Arguments.of(zone, seed)));
    }

    /** An instant around 2026, often on or next to a stamp, a day's start or an aggregation instant. */
    private static Instant instant(SplittableRandom random, StatisticsCalendar calendar, LocalDate around, int spreadDays) {
        LocalDate day = around.plusDays(random.nextInt(2 * spreadDays + 1) - spreadDays);
        Instant anchor = switch (random.nextInt(4)) {
            case 0 -> calendar.startOf(day);
            case 1 -> calendar.stampOf(day);
            case 2 -> calendar.aggregationInstantOf(day);
            default -> calendar.startOf(day).plusSeconds(random.nextInt(86_400));
        };
        return anchor.plusSeconds(random.nextInt(3) - 1);
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void matchesADayByDayOracle(String zone, long seed) {
        StatisticsCalendar calendar = new StatisticsCalendar(ZoneId.of(zone));
        SplittableRandom random = new SplittableRandom(seed);
        // now near a daylight-saving change half of the time, so that windows hold 23- and 25-hour days
        LocalDate nowDay = random.nextBoolean() ? LocalDate.of(2026, 3, 29).plusDays(random.nextInt(5) - 1)
                : LocalDate.of(2026, 10, 25).plusDays(random.nextInt(5) - 1);
        if (random.nextInt(4) == 0) {
            nowDay = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        }
        Instant now = instant(random, calendar, nowDay, 1);
        // windows from a few days to beyond the retention, ending near now or in the future
        Instant start = instant(random, calendar, nowDay.minusDays(random.nextInt(200)), 3);
        Instant end = random.nextInt(6) == 0 ? start.minusSeconds(random.nextInt(3)) : instant(random, calendar,
                nowDay.minusDays(random.nextInt(10)), 3);

        LocalDate today = calendar.dayOf(now);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = today.minusDays(400); !d.isAfter(today.plusDays(2)); d = d.plusDays(1)) {
            Instant stamp = calendar.stampOf(d);
            boolean inRequest = !stamp.isBefore(start) && !stamp.isAfter(end);
            boolean retained = !d.isBefore(today.minusDays(180)) && d.isBefore(today);
            boolean aggregated = !calendar.aggregationInstantOf(d).isAfter(now);
            if (inRequest && retained && aggregated) {
                days.add(d);
            }
        }
        QueryWindow window = QueryWindow.of(start, end, now, calendar);
        String context = zone + ", seed " + seed + ": start " + start + ", end " + end + ", now " + now;
        if (days.isEmpty()) {
            assertNull(window, context);
        } else {
            assertEquals(new QueryWindow(days.get(0), days.get(days.size() - 1)), window, context);
            assertEquals(days.size(), window.last().toEpochDay() - window.first().toEpochDay() + 1, context + ": one range");
        }
    }

    @Test
    void aWindowOverTheBerlinChangesCountsItsDaysOnce() {
        StatisticsCalendar berlin = new StatisticsCalendar(ZoneId.of("Europe/Berlin"));
        Instant now = Instant.parse("2026-10-27T12:00:00Z");
        // from the stamp of 28 March (22:59:59Z, winter time) to that of 25 October (22:59:59Z, winter time again)
        QueryWindow window = QueryWindow.of(Instant.parse("2026-03-28T22:59:59Z"), Instant.parse("2026-10-25T22:59:59Z"),
                now, berlin);
        assertEquals(new QueryWindow(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 10, 25)), window);
        // 29 March (23 hours) is stamped 21:59:59Z; an end one second earlier leaves it out; in UTC its stamp is later
        assertEquals(new QueryWindow(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29)),
                QueryWindow.of(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T21:59:59Z"),
                        Instant.parse("2026-04-01T00:00:00Z"), berlin));
        assertNull(QueryWindow.of(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T21:59:58Z"),
                Instant.parse("2026-04-01T00:00:00Z"), berlin));
        assertEquals(new QueryWindow(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29)),
                QueryWindow.of(Instant.parse("2026-03-29T00:00:00Z"), Instant.parse("2026-03-29T23:59:59Z"),
                        Instant.parse("2026-04-01T00:00:00Z"), new StatisticsCalendar(ZoneOffset.UTC)));
    }
}
