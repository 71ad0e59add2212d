package io.wksemu.stats;

/** One user's figures over a query window: seconds of use, successful and failed logins. */
public record UserStats(String username, long usageSeconds, long loginSuccessCount, long loginFailCount) {

    public long loginCount() {
        return loginSuccessCount + loginFailCount;
    }
}
