package io.wksemu.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.wksemu.store.SchemaMigrator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The aggregation SQL itself, run on the real PostgreSQL, against a brute-force oracle that marks every
 * second a session covers and counts them per day. Random session sets include overlaps, nesting, touching
 * ends, sessions crossing one or two midnights, zero-length and open sessions.
 */
class DaySplitPropertyTest {

    private static final LocalDate DAY0 = LocalDate.of(2026, 3, 1);
    private static final Instant ORIGIN = DAY0.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final int DAYS = 3;
    private static final int SPAN = DAYS * 86400;

    private static Vertx vertx;
    private static Pool pool;

    @BeforeContainer
    static void connect() {
        vertx = Vertx.vertx();
        PgConnectOptions options = new PgConnectOptions()
                .setHost(env("DB_HOST", "localhost")).setPort(Integer.parseInt(env("DB_PORT", "5432")))
                .setDatabase(env("DB_NAME", "wksemu")).setUser(env("DB_USERNAME", "wksemu"))
                .setPassword(env("DB_PASSWORD", "wksemu"));
        pool = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(2));
        new SchemaMigrator(pool).migrate().await().atMost(Duration.ofMinutes(1));
    }

    @AfterContainer
    static void disconnect() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** A session as offsets in seconds from DAY0's start; end -1 means still open. */
    record Session(int start, int end) {
    }

    @Provide
    Arbitrary<List<Session>> sessionSets() {
        Arbitrary<Integer> start = Arbitraries.oneOf(
                Arbitraries.integers().between(-7200, SPAN + 3600),
                Arbitraries.of(0, 86400, 2 * 86400, 3 * 86400, 86400 - 1, 86400 + 1));
        Arbitrary<Session> session = start.flatMap(s -> Arbitraries.oneOf(
                Arbitraries.integers().between(0, 40000).map(len -> new Session(s, s + len)),
                Arbitraries.integers().between(0, 2 * 86400).map(len -> new Session(s, s + len)),
                Arbitraries.just(new Session(s, s)),
                Arbitraries.just(new Session(s, -1))));
        return session.list().ofMaxSize(7);
    }

    @Property(tries = 120)
    void sqlAggregationMatchesSecondBySecondOracle(@ForAll("sessionSets") List<Session> sessions) {
        String project = "prop" + UUID.randomUUID().toString().replace("-", "");
        AggregationRepository repository = new AggregationRepository();
        try {
            pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO desktop (project_id, resource_id, resource_name, "
                            + "created_at, created_explicit) VALUES ($1, 'd', 'd', $2, true)")
                    .execute(Tuple.of(project, utc(ORIGIN.minusSeconds(86400))))
                    .chain(() -> {
                        List<Tuple> rows = new ArrayList<>();
                        Map<Integer, Boolean> seen = new HashMap<>();
                        for (Session s : sessions) {
                            if (seen.put(s.start(), true) == null) { // login instant identifies a session
                                rows.add(Tuple.of(project, utc(ORIGIN.plusSeconds(s.start())),
                                        s.end() < 0 ? null : utc(ORIGIN.plusSeconds(s.end()))));
                            }
                        }
                        return rows.isEmpty() ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                                : tx.preparedQuery("INSERT INTO desktop_session (project_id, resource_id, user_name, login_at, logout_at) "
                                        + "VALUES ($1, 'd', 'u', $2, $3)").executeBatch(rows).replaceWithVoid();
                    })).await().atMost(Duration.ofSeconds(30));

            for (int day = 0; day < DAYS; day++) {
                LocalDate date = DAY0.plusDays(day);
                Instant start = ORIGIN.plusSeconds(day * 86400L);
                pool.withTransaction(tx -> repository.aggregateDay(tx, date, start, start.plusSeconds(86400), project))
                        .await().atMost(Duration.ofSeconds(30));
            }
            Map<LocalDate, Integer> actual = new HashMap<>();
            pool.preparedQuery("SELECT day, usage_seconds FROM daily_usage WHERE project_id = $1").execute(Tuple.of(project))
                    .await().atMost(Duration.ofSeconds(30))
                    .forEach(row -> actual.put(row.getLocalDate(0), row.getInteger(1)));
            assertEquals(oracle(sessions), actual);
        } finally {
            pool.preparedQuery("DELETE FROM desktop WHERE project_id = $1").execute(Tuple.of(project))
                    .await().atMost(Duration.ofSeconds(30));
        }
    }

    /** Marks each covered second of the three days; an open session covers to the end of each day counted. */
    private static Map<LocalDate, Integer> oracle(List<Session> sessions) {
        Map<Integer, Session> byStart = new HashMap<>();
        for (Session s : sessions) {
            byStart.putIfAbsent(s.start(), s);
        }
        Map<LocalDate, Integer> expected = new HashMap<>();
        for (int day = 0; day < DAYS; day++) {
            BitSet covered = new BitSet(86400);
            int dayStart = day * 86400;
            for (Session s : byStart.values()) {
                int end = s.end() < 0 ? Integer.MAX_VALUE : s.end();
                for (int t = Math.max(s.start(), dayStart); t < Math.min(end, dayStart + 86400); t++) {
                    covered.set(t - dayStart);
                }
            }
            if (covered.cardinality() > 0) {
                expected.put(DAY0.plusDays(day), covered.cardinality());
            }
        }
        return expected;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
