package io.wksemu;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.wksemu.aggregation.AggregationService;
import io.wksemu.config.EmulatorConfig;
import io.wksemu.fixture.LoadResult;
import io.wksemu.fixture.SeedService;
import io.wksemu.store.EmbeddedDatabase;
import io.wksemu.store.SchemaMigrator;
import io.wksemu.startup.StartupStatus;
import io.wksemu.store.StoreOutage;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Brings the store up to date: migrations, the catch-up of due days, then the seed folder as
 * {@code emulator.seed-mode} says (SEMANTICS.md section 6); the folder is read and parsed beside the migrations. A
 * seed file that does not load, or a configured seed folder that does not exist, stops the start with its
 * message, rather than serving an emulator with missing data. A database that is not reachable yet (started
 * alongside, as in Kubernetes or CI service containers) is waited for up to {@code emulator.database-wait}.
 * <p>
 * With {@code emulator.listen-early} (the default) this runs while Quarkus opens the HTTP port: requests that
 * arrive meanwhile wait for it at the gateway front, readiness is green only once it has finished, and a
 * failure ends the process with status 1. Otherwise Quarkus opens the port only after it.
 */
@Singleton
public class StoreStartup {

    private static final Logger LOG = Logger.getLogger(StoreStartup.class);
    /**
     * How long migrations, the catch-up and the seed load may take once the database answers: a database that
     * accepts connections but never answers would otherwise hold the start forever.
     */
    static final Duration WORK_LIMIT = Duration.ofMinutes(5);

    /** The first start-event observer, so that the store's work runs beside the others' route set-up. */
    void onStart(@Observes @Priority(1) StartupEvent event, SchemaMigrator migrator, SeedService seed,
            StartupStatus status, AggregationService aggregation, EmulatorConfig config) {
        seed.seedFolder().requirePresent();
        Duration limit = startLimit(config.databaseWait());
        Uni<LoadResult> start = Uni.combine().all()
                .unis(embeddedReady().chain(() -> migrated(migrator, config)), seed.readSeedFolder(config.seedMode()))
                .asTuple()
                .call(() -> caughtUp(aggregation))
                .chain(both -> seed.loadSeed(config.seedMode(), both.getItem2()))
                .ifNoItem().after(limit).fail();
        if (!config.listenEarly()) {
            start.await().indefinitely();
            status.markFinished();
            return;
        }
        start.subscribe().with(loaded -> status.markFinished(), failure -> {
            LOG.error("Failed to start application: the store could not be prepared; stopping", failure);
            status.markFailed(failure);
            Quarkus.asyncExit(1);
        });
    }

    /** The embedded database, when the emulator runs one, is stopped once Quarkus has stopped serving. */
    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedDatabase.current().ifPresent(EmbeddedDatabase::stopAfterQuarkus);
    }

    /** Done at once without an embedded database; with one, once it accepts connections. */
    private static Uni<Void> embeddedReady() {
        return EmbeddedDatabase.current()
                .map(db -> {
                    db.startedUnderQuarkus();
                    return Uni.createFrom().completionStage(db.ready());
                })
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * The whole start's bound: the wait for the database, as long as {@code emulator.database-wait} says, then
     * {@link #WORK_LIMIT} for the work itself. A negative wait is a configuration error, named as such.
     */
    static Duration startLimit(Duration databaseWait) {
        if (databaseWait.isNegative()) {
            throw new IllegalArgumentException("emulator.database-wait (EMULATOR_DATABASE_WAIT) must not be negative: "
                    + databaseWait);
        }
        return databaseWait.plus(WORK_LIMIT);
    }

    private static Uni<Integer> migrated(SchemaMigrator migrator, EmulatorConfig config) {
        return migrator.migrate()
                .onFailure(StoreOutage::isOutage).invoke(f -> LOG.warnf("database not reachable yet, retrying: %s", f))
                .onFailure(StoreOutage::isOutage).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5)).expireIn(config.databaseWait().toMillis());
    }

    /**
     * Days that fell due while the emulator was down, before the seed: on a fresh store every day is quiet
     * (one statement), and the seed's load aggregates the due days of its own sessions as any fixture load
     * does, so no day is aggregated twice. A failure here does not stop the start: the next run catches up.
     */
    private static Uni<Void> caughtUp(AggregationService aggregation) {
        return aggregation.catchUpAtStart()
                .invoke(days -> LOG.infof("startup catch-up aggregated %d day(s)", days.size()))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warn("startup catch-up failed; the next run catches up", failure);
                    return List.of();
                })
                .replaceWithVoid();
    }
}
