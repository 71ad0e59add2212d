package io.wksemu.aggregation;

import io.wksemu.clock.ClockRange;
import io.wksemu.clock.StatisticsCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The one rule of a desktop's {@code created_at} (SEMANTICS.md section 6), for fixture loads and live logins
 * alike, applied to what is stored and what is new. An explicit {@code created_at} refuses use on an earlier
 * day; one newly listed makes the desktop explicit and must not be on a day after its stored use; a
 * defaulted one is the earliest of the stored value, a defaulted value an export carries and the new use,
 * or the load time when there is none of them, so it moves earlier to cover use loaded later, never later.
 * Pure: days are the statistics zone's.
 */
public final class CreationRule {

    /** A desktop's creation as stored, and its earliest stored session or point (null for none). */
    public record Stored(Instant createdAt, boolean explicit, Instant earliestUse) {

        public Creation creation() {
            return new Creation(createdAt, explicit);
        }
    }

    /** The {@code created_at} a document lists at {@code entry}: explicit, or a defaulted value from an export. */
    public record Listed(String entry, Instant createdAt, boolean explicit) {
    }

    /** A new use at {@code entry}, {@code shown} as its entry gives it, starting at {@code at}. */
    public record Use(String entry, String shown, Instant at) {

        /** A point's use starts with its day. */
        public static Use ofDay(String entry, LocalDate day, StatisticsCalendar calendar) {
            return new Use(entry, day.toString(), startOf(day, calendar));
        }
    }

    /** Where a point's day starts, clamped to the accepted instants (east of UTC, 1970-01-01 starts in 1969). */
    public static Instant startOf(LocalDate day, StatisticsCalendar calendar) {
        Instant start = calendar.startOf(day);
        return start.isBefore(ClockRange.MIN) ? ClockRange.MIN : start;
    }

    /** What the desktop's creation becomes. */
    public record Creation(Instant createdAt, boolean explicit) {
    }

    /** A use or a listed {@code created_at} the rule refuses; {@code entry} names it, {@code problem} says why. */
    public static final class Refused extends RuntimeException {

        private final String entry;
        private final String problem;

        Refused(String entry, String problem) {
            super(entry + ": " + problem, null, false, false);
            this.entry = entry;
            this.problem = problem;
        }

        public String entry() {
            return entry;
        }

        public String problem() {
            return problem;
        }
    }

    private final StatisticsCalendar calendar;

    public CreationRule(StatisticsCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The creation of desktop {@code resourceId} given what is stored (null for a new desktop), what the
     * document lists (null when it does not list a {@code created_at}) and the new use in document order;
     * {@code now} is the load time. Throws {@link Refused} for the first use or listing the rule refuses.
     */
    public Creation resolve(String resourceId, Stored stored, Listed listed, List<Use> uses, Instant now) {
        if (listed != null && listed.explicit()) {
            refuseUseBefore(resourceId, listed.createdAt(), uses);
            if (stored != null && stored.earliestUse() != null
                    && calendar.dayOf(stored.earliestUse()).isBefore(calendar.dayOf(listed.createdAt()))) {
                throw new Refused(listed.entry(), listed.createdAt() + " is on a day after the stored use of desktop "
                        + resourceId + " on " + calendar.dayOf(stored.earliestUse()));
            }
            return new Creation(listed.createdAt(), true);
        }
        if (stored != null && stored.explicit()) {
            refuseUseBefore(resourceId, stored.createdAt(), uses);
            return new Creation(stored.createdAt(), true);
        }
        Instant earliest = stored == null ? null : stored.createdAt();
        if (listed != null) {
            earliest = earlier(earliest, listed.createdAt());
        }
        for (Use use : uses) {
            earliest = earlier(earliest, use.at());
        }
        return new Creation(earliest == null ? now : earliest, false);
    }

    private void refuseUseBefore(String resourceId, Instant createdAt, List<Use> uses) {
        LocalDate createdDay = calendar.dayOf(createdAt);
        for (Use use : uses) {
            if (calendar.dayOf(use.at()).isBefore(createdDay)) {
                throw new Refused(use.entry(), use.shown() + " is on a day before the created_at of desktop " + resourceId
                        + " (" + createdAt + ", given explicitly)");
            }
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
