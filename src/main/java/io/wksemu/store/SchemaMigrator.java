package io.wksemu.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies the versioned SQL migrations under {@code db/migration} in order, each once, never dropping
 * anything, so data survives restarts and upgrades. It runs over the reactive client: a JDBC pool and Flyway
 * would cost about a second of startup for the same few statements. An advisory lock makes replicas that
 * start together apply each migration exactly once.
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);
    private static final long LOCK_KEY = 0x776b73656d75L; // "wksemu"

    /** Append only: a migration that has shipped is never edited. */
    static final List<String> MIGRATIONS = List.of("V1__statistics.sql", "V2__aggregation.sql", "V3__users.sql");

    private final Pool pool;

    public SchemaMigrator(Pool pool) {
        this.pool = pool;
    }

    public Uni<Integer> migrate() {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY))
                .chain(() -> tx.query("CREATE TABLE IF NOT EXISTS schema_migration ("
                        + "version integer PRIMARY KEY, script text NOT NULL, "
                        + "applied_at timestamptz NOT NULL DEFAULT now())").execute())
                .chain(() -> tx.query("SELECT version FROM schema_migration").execute())
                .chain(rows -> {
                    Set<Integer> applied = new HashSet<>();
                    for (Row row : rows) {
                        applied.add(row.getInteger(0));
                    }
                    List<String> pending = MIGRATIONS.stream().filter(m -> !applied.contains(versionOf(m))).toList();
                    return Multi.createFrom().iterable(pending)
                            .onItem().transformToUniAndConcatenate(script -> {
                                LOG.infof("applying migration %s", script);
                                return tx.query(read(script)).execute()
                                        .chain(() -> tx.preparedQuery("INSERT INTO schema_migration(version, script) VALUES ($1, $2)")
                                                .execute(Tuple.of(versionOf(script), script)));
                            })
                            .collect().asList()
                            .map(List::size);
                }));
    }

    static int versionOf(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    private static String read(String script) {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream("db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
