package io.wksemu.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The emulator clock as stored: {@code system} (wall time), {@code fixed} (frozen at an instant) or
 * {@code offset} (wall time plus an offset). Pure: "now" is derived from a wall-time reading passed in, and
 * read to the whole second (SEMANTICS.md section 1), so that every instant stored at the clock's now (live
 * logins, logouts, failed logins, fixtures' relative times) is whole and a fraction is dropped, never rounded.
 */
public record ClockState(Mode mode, Instant fixedAt, Duration offset) {

    public enum Mode {
        SYSTEM, FIXED, OFFSET;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final ClockState SYSTEM = new ClockState(Mode.SYSTEM, null, Duration.ZERO);

    public static ClockState frozenAt(Instant instant) {
        return new ClockState(Mode.FIXED, instant, Duration.ZERO);
    }

    /** A running clock that reads {@code instant} at wall time {@code wall}. */
    public static ClockState runningFrom(Instant instant, Instant wall) {
        return new ClockState(Mode.OFFSET, null, Duration.between(wall, instant));
    }

    /** The clock's reading at wall time {@code wall}, its fraction of a second dropped. */
    public Instant now(Instant wall) {
        return exactNow(wall).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The reading with its fraction, for how far the clock is from wall time. */
    public Instant exactNow(Instant wall) {
        return switch (mode) {
            case SYSTEM -> wall;
            case FIXED -> fixedAt;
            case OFFSET -> wall.plus(offset);
        };
    }

    /** The same clock moved forward (or back) by {@code by}; a system clock becomes an offset one. */
    public ClockState advancedBy(Duration by) {
        return switch (mode) {
            case FIXED -> frozenAt(fixedAt.plus(by));
            case SYSTEM, OFFSET -> new ClockState(Mode.OFFSET, null, offset.plus(by));
        };
    }
}
