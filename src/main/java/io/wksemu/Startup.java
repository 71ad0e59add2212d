package io.wksemu;

import io.quarkus.runtime.StartupEvent;
import io.wksemu.fixture.FixtureService;
import io.wksemu.health.StartupStatus;
import io.wksemu.schema.SchemaMigrator;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Brings the store up to date before the first request: migrations, then the seed folder. A seed file that
 * does not load stops the start with its message, rather than serving an emulator with missing data.
 */
@Singleton
public class Startup {

    private static final Duration MAX_WAIT = Duration.ofMinutes(5);

    void onStart(@Observes StartupEvent event, SchemaMigrator migrator, FixtureService fixtures, StartupStatus status) {
        migrator.migrate().await().atMost(MAX_WAIT);
        fixtures.loadSeed().await().atMost(MAX_WAIT);
        status.markFinished();
    }
}
