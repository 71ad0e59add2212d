package io.wksemu;

import io.quarkus.runtime.StartupEvent;
import io.wksemu.aggregation.AggregationService;
import io.wksemu.config.EmulatorConfig;
import io.wksemu.fixture.FixtureService;
import io.wksemu.store.StartupStatus;
import io.wksemu.store.SchemaMigrator;
import io.wksemu.store.StoreOutage;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Brings the store up to date before the first request: migrations, then the seed folder as
 * {@code emulator.seed-mode} says (SEMANTICS.md section 6). A seed file that does not load, or a configured
 * seed folder that does not exist, stops the start with its message, rather than serving an emulator with missing data. A
 * database that is not reachable yet (started alongside, as in Kubernetes or CI service containers) is
 * waited for up to {@code emulator.database-wait}. Quarkus opens the HTTP port only after this, and readiness is
 * green only once it has finished.
 */
@Singleton
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class);
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    void onStart(@Observes StartupEvent event, SchemaMigrator migrator, FixtureService fixtures, StartupStatus status,
            AggregationService aggregation, EmulatorConfig config) {
        fixtures.seedFolder().requirePresent();
        migrator.migrate()
                .onFailure(StoreOutage::isOutage).invoke(f -> LOG.warnf("database not reachable yet, retrying: %s", f))
                .onFailure(StoreOutage::isOutage).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5)).expireIn(config.databaseWait().toMillis())
                .await().atMost(MAX_WAIT);
        fixtures.loadSeed(config.seedMode(), null).await().atMost(MAX_WAIT);
        status.markFinished();
        // Days that fell due while the emulator was down; not awaited: the first queries join this run.
        aggregation.catchUpAtStart().subscribe().with(
                days -> LOG.infof("startup catch-up aggregated %d day(s)", days.size()),
                failure -> LOG.warn("startup catch-up failed; the next run catches up", failure));
    }
}
