package io.wksemu.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index spans at most the window's days, whatever days the store holds (SEMANTICS.md section 7). */
class DesktopIndexSpanTest {

    private static final LocalDate FLOOR = LocalDate.of(2025, 12, 17);
    private static final LocalDate CEILING = FLOOR.plusDays(179);
    private static final int DESKTOPS = 10_000;

    private static List<DesktopIndex.DesktopRow> desktops() {
        List<DesktopIndex.DesktopRow> rows = new ArrayList<>();
        for (int i = 0; i < DESKTOPS; i++) {
            rows.add(new DesktopIndex.DesktopRow("d" + i, "n" + i, null, FLOOR.minusDays(20)));
        }
        return rows;
    }

    private static List<Point> points(LocalDate... days) {
        List<Point> rows = new ArrayList<>();
        for (int i = 0; i < DESKTOPS; i++) {
            rows.add(new Point("d" + i, FLOOR.plusDays(i % 180), 60 * (i % 7)));
            for (LocalDate day : days) {
                rows.add(new Point("d" + i, day, 3600));
            }
        }
        return rows;
    }

    @Test
    void pointsOnFarFutureDaysCostNoMemoryAndChangeNoAnswer() {
        DesktopIndex plain = new DesktopIndex(1, FLOOR, CEILING, desktops(), Point.source(points()));
        // +290000-01-01 and today+99999d of the original report, and the last day LocalDate knows
        DesktopIndex farFuture = new DesktopIndex(1, FLOOR, CEILING, desktops(), Point.source(
                points(LocalDate.of(290_000, 1, 1), CEILING.plusDays(99_999), LocalDate.MAX, CEILING.plusDays(1))));
        assertEquals(plain.approximateBytes(), farFuture.approximateBytes());
        assertEquals(180, farFuture.heldDays());
        QueryWindow window = new QueryWindow(FLOOR, CEILING);
        MetricsQuery query = new MetricsQuery(Instant.EPOCH, Instant.EPOCH, null, null, null, null, null,
                MetricsQuery.SortField.DESKTOP_USAGE, MetricsQuery.SortType.DESC, 0, 100);
        assertEquals(plain.query(query, window), farFuture.query(query, window));
        assertEquals(DESKTOPS, farFuture.query(query, window).count());
    }

    @Test
    void anIndexNeverSpansMoreThanTheWindow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DesktopIndex(1, FLOOR, FLOOR.plusDays(DesktopIndex.MAX_DAYS), List.of(), Point.source(List.of())));
        assertEquals("an index spans at most 181 days", e.getMessage());
        QueryWindow beyond = new QueryWindow(FLOOR, CEILING.plusDays(1));
        DesktopIndex index = new DesktopIndex(1, FLOOR, CEILING, List.of(), Point.source(List.of()));
        assertEquals(false, index.covers(beyond));
    }
}
