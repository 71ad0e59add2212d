package io.wksemu.stats;

import java.util.List;

/** {@code count} is the number of matching users before offset and limit. */
public record UserStatsPage(int count, List<UserStats> items) {

    public static final UserStatsPage EMPTY = new UserStatsPage(0, List.of());
}
