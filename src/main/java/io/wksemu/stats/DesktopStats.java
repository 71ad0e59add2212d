package io.wksemu.stats;

/** One desktop's figures over a query window. */
public record DesktopStats(String resourceId, String resourceName, String resourcePoolId, long usageSeconds, int idleDays) {

    public static final long SECONDS_PER_IDLE_DAY = 86_400;

    public long idleSeconds() {
        return idleDays * SECONDS_PER_IDLE_DAY;
    }
}
