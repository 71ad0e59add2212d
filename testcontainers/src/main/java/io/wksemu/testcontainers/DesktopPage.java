package io.wksemu.testcontainers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** One page of a project's desktops, by name then id, and how many the project holds in all. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DesktopPage(String projectId, long count, List<Desktop> desktops) {

    /** A stored desktop; {@code openSession} is null when nobody is logged in. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Desktop(String resourceId, String resourceName, String resourcePoolId, Instant createdAt,
            OpenSession openSession) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OpenSession(String userName, Instant loginAt) {
    }
}
