package io.wksemu.aggregation;

import static io.wksemu.Seeds.between;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.wksemu.Seeds;
import io.wksemu.clock.StatisticsCalendar;
import io.wksemu.store.SchemaMigrator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The aggregation SQL itself, run on the real PostgreSQL, against a brute-force oracle that marks every
 * second a session covers and counts them per day. Seeded random session sets include overlaps, nesting,
 * touching ends, sessions crossing one or two midnights, zero-length and open sessions. Days are those of
 * the statistics calendar, as the daily job passes them: three UTC days, and three Europe/Berlin days around
 * each daylight-saving change (82,800 and 90,000 s long in the middle).
 */
class DaySplitPropertyTest {

    private static final int DAYS = 3;

    /** The calendars and their first days; each runs three consecutive days. */
    private static final Map<String, Period> PERIODS = new LinkedHashMap<>();

    static {
        PERIODS.put("UTC", new Period(new StatisticsCalendar(ZoneOffset.UTC), LocalDate.of(2026, 3, 1)));
        PERIODS.put("Berlin spring", new Period(new StatisticsCalendar(ZoneId.of("Europe/Berlin")), LocalDate.of(2026, 3, 28)));
        PERIODS.put("Berlin autumn", new Period(new StatisticsCalendar(ZoneId.of("Europe/Berlin")), LocalDate.of(2026, 10, 24)));
    }

    private static Vertx vertx;
    private static Pool pool;
    private static Pool admin;
    private static String schema;

    /** Three days of a calendar; {@code bounds[k]} is day k's start in seconds after day 0's start. */
    record Period(StatisticsCalendar calendar, LocalDate day0) {

        Instant origin() {
            return calendar.startOf(day0);
        }

        int[] bounds() {
            int[] bounds = new int[DAYS + 1];
            for (int k = 0; k <= DAYS; k++) {
                bounds[k] = (int) (calendar.startOf(day0.plusDays(k)).getEpochSecond() - origin().getEpochSecond());
            }
            return bounds;
        }
    }

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        PgConnectOptions options = new PgConnectOptions()
                .setHost(env("DB_HOST", "localhost")).setPort(Integer.parseInt(env("DB_PORT", "5432")))
                .setDatabase(env("WKSEMU_TEST_DB", "wksemu_test")).setUser(env("DB_USERNAME", "wksemu"))
                .setPassword(env("DB_PASSWORD", "wksemu"));
        // A schema of its own: an emulator running on the same database (the @QuarkusTest app of this JVM, or
        // another replica) must neither see these rows nor aggregate them while a case runs.
        schema = "split_" + UUID.randomUUID().toString().replace("-", "");
        admin = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(1));
        admin.query("CREATE SCHEMA " + schema).execute().await().atMost(Duration.ofSeconds(30));
        pool = PgPool.pool(vertx, new PgConnectOptions(options).setProperties(Map.of("search_path", schema)),
                new PoolOptions().setMaxSize(2));
        new SchemaMigrator(pool).migrate().await().atMost(Duration.ofMinutes(1));
    }

    @AfterAll
    static void disconnect() {
        pool.closeAndAwait();
        admin.query("DROP SCHEMA " + schema + " CASCADE").execute().await().atMost(Duration.ofSeconds(30));
        admin.closeAndAwait();
        vertx.closeAndAwait();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** A session as offsets in seconds from day 0's start; end -1 means still open. */
    record Session(int start, int end) {
    }

    static Stream<Arguments> cases() {
        return PERIODS.keySet().stream().flatMap(period -> Seeds.of(80).mapToObj(seed -> Arguments.of(period, seed)));
    }

    /** Up to 7 sessions, starting anywhere from 2 h before the period to 1 h after it, or on a midnight +-1 s. */
    static List<Session> generate(long seed, int[] bounds) {
        SplittableRandom random = new SplittableRandom(seed);
        int span = bounds[DAYS];
        List<Session> sessions = new ArrayList<>();
        int count = between(random, 0, 7);
        for (int i = 0; i < count; i++) {
            int start = random.nextBoolean() ? between(random, -7200, span + 3600)
                    : bounds[between(random, 0, DAYS)] + between(random, -1, 1);
            sessions.add(switch (random.nextInt(4)) {
                case 0 -> new Session(start, start + between(random, 0, 40000));
                case 1 -> new Session(start, start + between(random, 0, 2 * 86400));
                case 2 -> new Session(start, start);
                default -> new Session(start, -1);
            });
        }
        return sessions;
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void sqlAggregationMatchesSecondBySecondOracle(String periodName, long seed) {
        Period period = PERIODS.get(periodName);
        int[] bounds = period.bounds();
        List<Session> sessions = generate(seed, bounds);
        Instant origin = period.origin();
        String project = "prop" + UUID.randomUUID().toString().replace("-", "");
        AggregationRepository repository = new AggregationRepository();
        try {
            pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO desktop (project_id, resource_id, resource_name, "
                            + "created_at, created_explicit) VALUES ($1, 'd', 'd', $2, true)")
                    .execute(Tuple.of(project, utc(origin.minusSeconds(86400))))
                    .chain(() -> {
                        List<Tuple> rows = new ArrayList<>();
                        Map<Integer, Boolean> seen = new HashMap<>();
                        for (Session s : sessions) {
                            if (seen.put(s.start(), true) == null) { // login instant identifies a session
                                rows.add(Tuple.of(project, utc(origin.plusSeconds(s.start())),
                                        s.end() < 0 ? null : utc(origin.plusSeconds(s.end()))));
                            }
                        }
                        return rows.isEmpty() ? Uni.createFrom().voidItem()
                                : tx.preparedQuery("INSERT INTO desktop_session (project_id, resource_id, user_name, login_at, logout_at) "
                                        + "VALUES ($1, 'd', 'u', $2, $3)").executeBatch(rows).replaceWithVoid();
                    })).await().atMost(Duration.ofSeconds(30));

            StatisticsCalendar calendar = period.calendar();
            for (int k = 0; k < DAYS; k++) {
                LocalDate date = period.day0().plusDays(k);
                pool.withTransaction(tx -> repository.aggregateDay(tx, date, calendar.startOf(date),
                        calendar.startOf(date.plusDays(1)), project)).await().atMost(Duration.ofSeconds(30));
            }
            Map<LocalDate, Integer> actual = new HashMap<>();
            pool.preparedQuery("SELECT day, usage_seconds FROM daily_usage WHERE project_id = $1").execute(Tuple.of(project))
                    .await().atMost(Duration.ofSeconds(30))
                    .forEach(row -> actual.put(row.getLocalDate(0), row.getInteger(1)));
            assertEquals(oracle(sessions, period.day0(), bounds), actual,
                    () -> periodName + ", seed " + seed + ": sessions " + sessions);
        } finally {
            pool.preparedQuery("DELETE FROM desktop WHERE project_id = $1").execute(Tuple.of(project))
                    .await().atMost(Duration.ofSeconds(30));
        }
    }

    /** Marks each covered second of each day; an open session covers to the end of each day counted. */
    private static Map<LocalDate, Integer> oracle(List<Session> sessions, LocalDate day0, int[] bounds) {
        Map<Integer, Session> byStart = new HashMap<>();
        for (Session s : sessions) {
            byStart.putIfAbsent(s.start(), s);
        }
        Map<LocalDate, Integer> expected = new HashMap<>();
        for (int day = 0; day < DAYS; day++) {
            int dayStart = bounds[day];
            int dayEnd = bounds[day + 1];
            BitSet covered = new BitSet(dayEnd - dayStart);
            for (Session s : byStart.values()) {
                int end = s.end() < 0 ? Integer.MAX_VALUE : s.end();
                for (int t = Math.max(s.start(), dayStart); t < Math.min(end, dayEnd); t++) {
                    covered.set(t - dayStart);
                }
            }
            if (covered.cardinality() > 0) {
                expected.put(day0.plusDays(day), covered.cardinality());
            }
        }
        return expected;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
