package io.wksemu.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies the versioned SQL migrations under {@code db/migration} in order, each once, never dropping
 * anything, so data survives restarts and upgrades. It runs over the reactive client: a JDBC pool and Flyway
 * would cost about a second of startup for the same few statements. An advisory lock makes replicas that
 * start together apply each migration exactly once.
 *
 * <p>Each applied migration's SHA-256 (of its text with line ends normalised to LF) is kept in
 * {@code schema_migration.checksum}; a shipped migration whose file no longer matches stops the start with
 * {@link EditedMigrationException}. Rows of databases migrated before checksums were kept get the current
 * file's checksum once. Versions the database has and this build does not know (a newer build migrated it)
 * are left alone, so that replicas of two versions can share a database during a rolling upgrade.
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);
    private static final long LOCK_KEY = 0x776b73656d75L; // "wksemu"

    /** Append only: a migration that has shipped is never edited. */
    static final List<String> MIGRATIONS = List.of("V1__statistics.sql", "V2__aggregation.sql", "V3__users.sql",
            "V4__whole_seconds.sql");

    private final Pool pool;
    private final List<String> migrations;
    private final Function<String, String> reader;

    @Inject
    public SchemaMigrator(Pool pool) {
        this(pool, MIGRATIONS, SchemaMigrator::read);
    }

    /** Other migrations or another way to read them: for tests. */
    SchemaMigrator(Pool pool, List<String> migrations, Function<String, String> reader) {
        this.pool = pool;
        this.migrations = migrations;
        this.reader = reader;
    }

    /** A shipped migration's file differs from what was applied: the build is not one to run on this database. */
    public static final class EditedMigrationException extends IllegalStateException {
        EditedMigrationException(String message) {
            super(message);
        }
    }

    /** Brings the schema up to date; answers how many migrations it applied. */
    public Uni<Integer> migrate() {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY))
                .chain(() -> ensureTable(tx))
                .chain(() -> tx.query("SELECT version, script, checksum FROM schema_migration").execute())
                .chain(rows -> {
                    Map<Integer, Row> applied = new HashMap<>();
                    for (Row row : rows) {
                        applied.put(row.getInteger("version"), row);
                    }
                    List<Tuple> backfill = new ArrayList<>();
                    List<String> pending = new ArrayList<>();
                    for (String script : migrations) {
                        Row row = applied.get(versionOf(script));
                        if (row == null) {
                            pending.add(script);
                            continue;
                        }
                        String expected = checksum(reader.apply(script));
                        String stored = row.getString("checksum");
                        if (stored == null) {
                            backfill.add(Tuple.of(expected, versionOf(script)));
                        } else if (!stored.equals(expected)) {
                            return Uni.createFrom().failure(new EditedMigrationException("migration " + script
                                    + " was applied to this database with checksum " + stored + " but the file now has "
                                    + expected + ": a shipped migration must not be edited; restore it and add a new "
                                    + "migration for the change"));
                        }
                    }
                    Uni<Void> recorded = backfill.isEmpty() ? Uni.createFrom().voidItem()
                            : tx.preparedQuery("UPDATE schema_migration SET checksum = $1 WHERE version = $2")
                                    .executeBatch(backfill)
                                    .invoke(() -> LOG.infof("recorded the checksums of %d migration(s) applied before "
                                            + "checksums were kept", backfill.size()))
                                    .replaceWithVoid();
                    return recorded.chain(() -> apply(tx, pending));
                }));
    }

    /** Creates or upgrades the bookkeeping table without statements that would log "already exists" notices. */
    private static Uni<Void> ensureTable(SqlClient tx) {
        return tx.query("SELECT to_regclass('schema_migration') IS NOT NULL, EXISTS (SELECT 1 FROM pg_attribute "
                        + "WHERE attrelid = to_regclass('schema_migration') AND attname = 'checksum' AND NOT attisdropped)")
                .execute()
                .chain(rows -> {
                    Row row = rows.iterator().next();
                    if (!row.getBoolean(0)) {
                        return tx.query("CREATE TABLE schema_migration (version integer PRIMARY KEY, script text NOT NULL, "
                                + "checksum text, applied_at timestamptz NOT NULL DEFAULT now())").execute().replaceWithVoid();
                    }
                    if (!row.getBoolean(1)) {
                        return tx.query("ALTER TABLE schema_migration ADD COLUMN checksum text").execute().replaceWithVoid();
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Integer> apply(SqlClient tx, List<String> pending) {
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(script -> {
                    LOG.infof("applying migration %s", script);
                    String sql = reader.apply(script);
                    return tx.query(sql).execute()
                            .chain(() -> tx.preparedQuery("INSERT INTO schema_migration(version, script, checksum) VALUES ($1, $2, $3)")
                                    .execute(Tuple.of(versionOf(script), script, checksum(sql))));
                })
                .collect().asList()
                .map(List::size);
    }

    static int versionOf(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /** SHA-256 in hex of the text with CRLF and CR line ends read as LF, so a checkout's line ends do not count. */
    static String checksum(String sql) {
        try {
            byte[] normalised = sql.replace("\r\n", "\n").replace('\r', '\n').getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(String script) {
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
