package io.wksemu;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds of the property tests: each case is generated from its seed alone, so a failure names the seed
 * that reproduces it. {@code -Dwksemu.seed=N} runs only seed N.
 */
public final class Seeds {

    private Seeds() {
    }

    /** Seeds 1..count, or only the one given by {@code -Dwksemu.seed}. */
    public static LongStream of(int count) {
        String only = System.getProperty("wksemu.seed");
        return only == null || only.isBlank() ? LongStream.rangeClosed(1, count) : LongStream.of(Long.parseLong(only.trim()));
    }

    /** An int in [min, max], both included. */
    public static int between(SplittableRandom random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** One of the values, nulls included, each as likely. */
    @SafeVarargs
    public static <T> T oneOf(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    public static <T> T oneOf(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
