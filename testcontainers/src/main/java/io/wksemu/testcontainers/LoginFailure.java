package io.wksemu.testcontainers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A failed login attempt recorded at the clock's now (no session opens). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LoginFailure(String projectId, String resourceId, String userName, Instant at) {
}
