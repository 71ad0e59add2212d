package io.wksemu.stats;

import java.util.List;

/** {@code count} is the number of matching desktops before offset and limit. */
public record StatsPage(int count, List<DesktopStats> items) {

    public static final StatsPage EMPTY = new StatsPage(0, List.of());
}
