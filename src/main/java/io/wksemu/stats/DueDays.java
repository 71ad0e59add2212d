package io.wksemu.stats;

import io.smallrye.mutiny.Uni;
import java.time.LocalDate;

/**
 * What a query needs from aggregation: every day through {@code day} aggregated before it reads. Owned here
 * and implemented by the aggregation package, so that statistics never imports it back.
 */
public interface DueDays {

    Uni<Void> ensureAggregatedThrough(LocalDate day);
}
