package io.wksemu.testcontainers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A session opened or closed at the clock's now; {@code logoutAt} is null while it is open. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Session(String projectId, String resourceId, String userName, Instant loginAt, Instant logoutAt) {
}
