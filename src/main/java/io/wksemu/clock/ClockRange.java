package io.wksemu.clock;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The instants and days the emulator accepts anywhere (SEMANTICS.md section 7): 1970-01-01T00:00:00Z to
 * 9999-12-31T23:59:59Z, so that every stored value reads back, prints as a plain ISO-8601 text and loads
 * back from an export.
 */
public final class ClockRange {

    public static final Instant MIN = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");
    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    public static final String INSTANTS = MIN + " .. " + MAX;
    public static final String DAYS = FIRST_DAY + " .. " + LAST_DAY;

    private ClockRange() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }

    public static boolean contains(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }
}
