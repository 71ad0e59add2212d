package io.wksemu.testcontainers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A stored project with its counts ({@code points}: stored day points, explicit and aggregated). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProjectSummary(String projectId, long desktops, long sessions, long openSessions, long points) {
}
