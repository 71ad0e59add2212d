package io.wksemu.testcontainers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What a fixture load stored: counts of projects, desktops, sessions, daily points and failed logins. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LoadResult(int projects, int desktops, int sessions, int dailyUsage, int loginFailures) {
}
