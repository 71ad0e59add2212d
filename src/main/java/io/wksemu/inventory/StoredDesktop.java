package io.wksemu.inventory;

import java.time.Instant;

/** One stored desktop and, when it has one, its open session. */
public record StoredDesktop(String resourceId, String resourceName, String poolId, Instant createdAt,
        String openUser, Instant openSince) {
}
