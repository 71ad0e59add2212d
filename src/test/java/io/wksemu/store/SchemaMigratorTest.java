package io.wksemu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checked migrations (decision 8), on the tests' PostgreSQL in a schema of their own: checksums recorded and
 * verified, rows of databases migrated before checksums existed backfilled, an edited shipped migration
 * refused with a message naming it; and the list in code is exactly the files shipped.
 */
class SchemaMigratorTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Vertx vertx;
    private Pool admin;
    private Pool pool;
    private String schema;

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static PgConnectOptions options() {
        return new PgConnectOptions()
                .setHost(env("DB_HOST", "localhost")).setPort(Integer.parseInt(env("DB_PORT", "5432")))
                .setDatabase(env("WKSEMU_TEST_DB", "wksemu_test")).setUser(env("DB_USERNAME", "wksemu"))
                .setPassword(env("DB_PASSWORD", "wksemu"));
    }

    @BeforeEach
    void freshSchema() {
        vertx = Vertx.vertx();
        schema = "migr_" + UUID.randomUUID().toString().replace("-", "");
        admin = PgPool.pool(vertx, options(), new PoolOptions().setMaxSize(1));
        admin.query("CREATE SCHEMA " + schema).execute().await().atMost(WAIT);
        pool = PgPool.pool(vertx, options().setProperties(Map.of("search_path", schema)), new PoolOptions().setMaxSize(1));
    }

    @AfterEach
    void dropSchema() {
        pool.closeAndAwait();
        admin.query("DROP SCHEMA " + schema + " CASCADE").execute().await().atMost(WAIT);
        admin.closeAndAwait();
        vertx.closeAndAwait();
    }

    /** version -> checksum as stored. */
    private Map<Integer, String> stored() {
        Map<Integer, String> checksums = new TreeMap<>();
        for (Row row : pool.query("SELECT version, checksum FROM schema_migration").execute().await().atMost(WAIT)) {
            checksums.put(row.getInteger(0), row.getString(1));
        }
        return checksums;
    }

    private static Map<Integer, String> shipped() {
        Map<Integer, String> checksums = new TreeMap<>();
        for (String script : SchemaMigrator.MIGRATIONS) {
            checksums.put(SchemaMigrator.versionOf(script), SchemaMigrator.checksum(SchemaMigrator.read(script)));
        }
        return checksums;
    }

    @Test
    void aFreshDatabaseGetsEveryMigrationWithItsChecksumOnce() {
        assertEquals(SchemaMigrator.MIGRATIONS.size(), new SchemaMigrator(pool).migrate().await().atMost(WAIT));
        assertEquals(shipped(), stored());
        assertEquals(0, new SchemaMigrator(pool).migrate().await().atMost(WAIT));
        assertEquals(shipped(), stored());
        // the tables landed in this schema, not in the tests' usual one
        assertEquals(1L, pool.query("SELECT count(*) FROM " + schema + ".clock_state").execute().await().atMost(WAIT)
                .iterator().next().getLong(0));
    }

    @Test
    void aDatabaseMigratedBeforeChecksumsGetsThemBackfilled() {
        // the bookkeeping table as earlier builds created it, with both migrations applied
        new SchemaMigrator(pool).migrate().await().atMost(WAIT);
        pool.query("ALTER TABLE schema_migration DROP COLUMN checksum").execute().await().atMost(WAIT);
        assertEquals(0, new SchemaMigrator(pool).migrate().await().atMost(WAIT));
        assertEquals(shipped(), stored());
    }

    @Test
    void onlyTheFirstMigrationAppliedThenTheSecondComesWithItsChecksum() {
        SchemaMigrator first = new SchemaMigrator(pool, List.of("V1__statistics.sql"), SchemaMigrator::read);
        assertEquals(1, first.migrate().await().atMost(WAIT));
        // the others, V2 on, come afterwards
        assertEquals(SchemaMigrator.MIGRATIONS.size() - 1, new SchemaMigrator(pool).migrate().await().atMost(WAIT));
        assertEquals(shipped(), stored());
    }

    @Test
    void anEditedShippedMigrationStopsTheStartNamingIt() {
        new SchemaMigrator(pool).migrate().await().atMost(WAIT);
        SchemaMigrator edited = new SchemaMigrator(pool, SchemaMigrator.MIGRATIONS,
                script -> script.startsWith("V2__") ? SchemaMigrator.read(script) + "\n-- an afterthought\n" : SchemaMigrator.read(script));
        SchemaMigrator.EditedMigrationException e = assertThrows(SchemaMigrator.EditedMigrationException.class,
                () -> edited.migrate().await().atMost(WAIT));
        String v2 = shipped().get(2);
        String now = SchemaMigrator.checksum(SchemaMigrator.read("V2__aggregation.sql") + "\n-- an afterthought\n");
        assertEquals("migration V2__aggregation.sql was applied to this database with checksum " + v2
                + " but the file now has " + now + ": a shipped migration must not be edited; restore it and add a new "
                + "migration for the change", e.getMessage());
        // nothing was changed by the refused start
        assertEquals(shipped(), stored());
    }

    @Test
    void lineEndsDoNotCount() {
        assertEquals(SchemaMigrator.checksum("SELECT 1;\nSELECT 2;\n"), SchemaMigrator.checksum("SELECT 1;\r\nSELECT 2;\r\n"));
        assertTrue(!SchemaMigrator.checksum("SELECT 1;").equals(SchemaMigrator.checksum("SELECT 2;")));
    }

    @Test
    void theListInCodeIsExactlyTheShippedFilesInVersionOrder() throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(Path.of("src/main/resources/db/migration"))) {
            files = listing.map(p -> p.getFileName().toString()).sorted((a, b) -> Integer.compare(
                    SchemaMigrator.versionOf(a), SchemaMigrator.versionOf(b))).toList();
        }
        assertEquals(files, SchemaMigrator.MIGRATIONS);
        List<Integer> versions = new ArrayList<>();
        for (String script : SchemaMigrator.MIGRATIONS) {
            assertTrue(script.matches("V[1-9][0-9]*__[a-z0-9_]+\\.sql"), script);
            versions.add(SchemaMigrator.versionOf(script));
        }
        List<Integer> expected = new ArrayList<>();
        for (int v = 1; v <= versions.size(); v++) {
            expected.add(v);
        }
        assertEquals(expected, versions, "versions are 1..n without gaps");
    }
}
