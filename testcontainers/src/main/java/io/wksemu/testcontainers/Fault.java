package io.wksemu.testcontainers;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A pending fault of the emulated API: the status and error body it answers with (status null: only a
 * delay), the delay, how many matching answers it still affects, and the project it is limited to (null:
 * any).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Fault(long id, Integer status, String errorCode, String errorMsg, long delayMs, int remaining,
        String projectId) {
}
