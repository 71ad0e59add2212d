package io.wksemu.gateway;

import io.wksemu.config.EmulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Opt-in per-project throttling of the emulated API: at most {@code emulator.throttle.per-minute} requests
 * per project in each wall-clock minute, counted per replica.
 */
@ApplicationScoped
public class Throttle {

    private final OptionalInt perMinute;
    private final Map<String, long[]> windows = new HashMap<>();

    @Inject
    public Throttle(EmulatorConfig config) {
        this(config.throttle().perMinute());
    }

    Throttle(OptionalInt perMinute) {
        this.perMinute = perMinute;
    }

    public OptionalInt limit() {
        return perMinute;
    }

    /** Counts the request; true when it is over the limit of its minute. */
    public synchronized boolean overLimit(String projectId, long epochMillis) {
        if (perMinute.isEmpty()) {
            return false;
        }
        long minute = epochMillis / 60_000;
        long[] window = windows.computeIfAbsent(projectId, p -> new long[] {minute, 0});
        if (window[0] != minute) {
            if (windows.size() > 10_000) {
                // windows of earlier minutes are worthless; those of this minute still count
                windows.values().removeIf(w -> w[0] != minute);
                windows.put(projectId, window);
            }
            window[0] = minute;
            window[1] = 0;
        }
        window[1]++;
        return window[1] > perMinute.getAsInt();
    }

    public synchronized void reset() {
        windows.clear();
    }
}
