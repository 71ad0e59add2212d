package io.wksemu.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The clock reads whole seconds in every mode (SEMANTICS.md section 1); a move is forward only when it reads later. */
class ClockStateTest {

    private static final Instant WALL = Instant.parse("2027-08-03T09:00:00.999Z");

    @Test
    void everyModeDropsTheFraction() {
        assertEquals(Instant.parse("2027-08-03T09:00:00Z"), ClockState.SYSTEM.now(WALL));
        assertEquals(Instant.parse("2027-08-03T09:00:00Z"), ClockState.frozenAt(WALL).now(Instant.EPOCH));
        assertEquals(Instant.parse("2027-08-03T08:59:59Z"), new ClockState(ClockState.Mode.OFFSET, null, Duration.ofMillis(-1000)).now(WALL));
        assertEquals(WALL, ClockState.SYSTEM.exactNow(WALL));
    }

    @Test
    void onlyAMoveThatReadsLaterIsForward() {
        Instant from = Instant.parse("2026-03-27T00:00:01Z");
        assertTrue(new ClockService.Move(from, ClockState.frozenAt(from.plusSeconds(1))).forward(WALL));
        assertFalse(new ClockService.Move(from, ClockState.frozenAt(from)).forward(WALL));
        assertFalse(new ClockService.Move(from, ClockState.frozenAt(from.minusSeconds(86_400))).forward(WALL));
        assertFalse(new ClockService.Move(from, ClockState.frozenAt(from.plusMillis(999))).forward(WALL), "the same second");
    }
}
