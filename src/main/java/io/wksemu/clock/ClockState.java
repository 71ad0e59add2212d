package io.wksemu.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The emulator clock as stored: {@code system} (wall time), {@code fixed} (frozen at an instant) or
 * {@code offset} (wall time plus an offset). Pure: "now" is derived from a wall-time reading passed in.
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

    public Instant now(Instant wall) {
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
