package io.wksemu.gateway;

import static io.wksemu.Seeds.between;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wksemu.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The throttle's arithmetic on fixed milliseconds, against an oracle that counts requests per project and minute. */
class ThrottleTest {

    private static final long T0 = 1_781_000_000_000L - 1_781_000_000_000L % 60_000; // a minute's first millisecond

    static LongStream seeds() {
        return Seeds.of(300);
    }

    /** The oracle: a request is over the limit when it is past the limit-th of its project in its minute. */
    private static List<Boolean> oracle(int limit, List<String> projects, List<Long> millis) {
        Map<String, Integer> counts = new HashMap<>();
        List<Boolean> over = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            int count = counts.merge(projects.get(i) + "@" + millis.get(i) / 60_000, 1, Integer::sum);
            over.add(count > limit);
        }
        return over;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void matchesPerProjectPerMinuteCounts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int limit = between(random, 1, 6);
        int projectCount = between(random, 1, 4);
        int requests = between(random, 0, 60);
        List<String> projects = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        long now = T0 + between(random, -3, 3);
        for (int i = 0; i < requests; i++) {
            // steps of 0 ms to 2 minutes, many of them landing on or next to a minute's first millisecond
            now += switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> between(random, 1, 2_000);
                case 2 -> 60_000 - Math.floorMod(now, 60_000) + between(random, -1, 0);
                default -> between(random, 1, 120_000);
            };
            projects.add("p" + random.nextInt(projectCount));
            millis.add(now);
        }
        Throttle throttle = new Throttle(OptionalInt.of(limit));
        List<Boolean> actual = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            actual.add(throttle.overLimit(projects.get(i), millis.get(i)));
        }
        assertEquals(oracle(limit, projects, millis), actual,
                () -> "seed " + seed + ": limit " + limit + ", requests " + projects + " at " + millis);
    }

    @Test
    void theMinuteTurnsAtItsFirstMillisecond() {
        Throttle throttle = new Throttle(OptionalInt.of(2));
        assertFalse(throttle.overLimit("p", T0 + 59_998));
        assertFalse(throttle.overLimit("p", T0 + 59_999));
        assertTrue(throttle.overLimit("p", T0 + 59_999));
        assertFalse(throttle.overLimit("p", T0 + 60_000));
        assertFalse(throttle.overLimit("p", T0 + 119_999));
        assertTrue(throttle.overLimit("p", T0 + 119_999));
    }

    @Test
    void withoutALimitNothingIsOver() {
        Throttle throttle = new Throttle(OptionalInt.empty());
        for (int i = 0; i < 1000; i++) {
            assertFalse(throttle.overLimit("p", T0));
        }
    }

    @Test
    void forgettingIdleProjectsKeepsTheCountsOfTheCurrentMinute() {
        Throttle throttle = new Throttle(OptionalInt.of(2));
        for (int i = 0; i <= 10_001; i++) {
            throttle.overLimit("idle" + i, T0);
        }
        assertFalse(throttle.overLimit("busy", T0 + 60_000));
        assertFalse(throttle.overLimit("busy", T0 + 60_000));
        // a project idle since the last minute comes back: the map is pruned of the last minute's windows
        assertFalse(throttle.overLimit("idle0", T0 + 60_001));
        assertTrue(throttle.overLimit("busy", T0 + 60_002), "busy's third request of its minute");
    }

    @Test
    void resetForgetsEveryCount() {
        Throttle throttle = new Throttle(OptionalInt.of(1));
        assertFalse(throttle.overLimit("p", T0));
        assertTrue(throttle.overLimit("p", T0));
        throttle.reset();
        assertFalse(throttle.overLimit("p", T0));
    }
}
