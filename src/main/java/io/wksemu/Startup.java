package io.wksemu;

import io.quarkus.runtime.StartupEvent;
import io.wksemu.aggregation.AggregationService;
import io.wksemu.fixture.FixtureService;
import io.wksemu.schema.SchemaMigrator;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Brings the store up to date before the first request: migrations, then the seed folder. A seed file that
 * does not load stops the start with its message, rather than serving an emulator with missing data.
 */
@Singleton
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class);
    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    void onStart(@Observes StartupEvent event, SchemaMigrator migrator, FixtureService fixtures,
            AggregationService aggregation) {
        migrator.migrate().await().atMost(MAX_WAIT);
        fixtures.loadSeed().await().atMost(MAX_WAIT);
        // Days that fell due while the emulator was down; not awaited: a query finding its newest due day
        // missing catches up by itself.
        aggregation.catchUp().subscribe().with(
                days -> LOG.infof("startup catch-up aggregated %d day(s)", days.size()),
                failure -> LOG.warn("startup catch-up failed; the next run catches up", failure));
    }
}
