package io.wksemu.aggregation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static io.wksemu.store.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The set-based SQL of aggregation. A day's usage per desktop is the length of the union of its sessions
 * clipped to [day start, day end): sessions are ordered by start, a new island begins where a session starts
 * after every earlier one ended, and the islands' lengths are summed. Open sessions run to the day's end.
 */
@ApplicationScoped
public class AggregationRepository {

    /** Advisory-lock namespace of day aggregation; the second key is the day's epoch day. */
    private static final int DAY_LOCK = 0x61676772; // "aggr"

    /**
     * The CTEs {@code clipped}, {@code marked} and {@code islands}: the sessions overlapping the day [$1, $2) of
     * desktops created before its end ($3 project or null for all), clipped to the day, and numbered into
     * islands of overlapping sessions per project and {@code key} (comma-separated session columns, ending
     * with {@code resource_id}); each island is one span of use. Ends with the {@code islands} CTE, so that
     * the caller continues with {@code , name AS (...)} or its final {@code SELECT}.
     */
    private static String dayIslands(String key) {
        String sessionKey = Arrays.stream(key.split(", ")).map(column -> "s." + column).collect(Collectors.joining(", "));
        return """
                WITH clipped AS (
                    SELECT s.project_id, %2$s,
                           greatest(s.login_at, $1) AS b,
                           least(coalesce(s.logout_at, $2), $2) AS e
                    FROM desktop_session s
                    JOIN desktop d ON d.project_id = s.project_id AND d.resource_id = s.resource_id
                    WHERE tstzrange(s.login_at, coalesce(s.logout_at, 'infinity'::timestamptz), '[)') && tstzrange($1, $2, '[)')
                      AND d.created_at < $2
                      AND ($3::text IS NULL OR s.project_id = $3)
                ), marked AS (
                    SELECT project_id, %1$s, b, e,
                           CASE WHEN b <= max(e) OVER (PARTITION BY project_id, %1$s ORDER BY b, e
                                                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                                THEN 0 ELSE 1 END AS starts_island
                    FROM clipped
                ), islands AS (
                    SELECT project_id, %1$s, b, e,
                           sum(starts_island) OVER (PARTITION BY project_id, %1$s ORDER BY b, e
                                                    ROWS UNBOUNDED PRECEDING) AS island
                    FROM marked
                )
                """.formatted(key, sessionKey);
    }

    /** Seconds of use per desktop in the day: $1 day start, $2 day end, $3 project or null for all. */
    static final String DAY_USAGE = dayIslands("resource_id") + """
            SELECT project_id, resource_id, round(sum(seconds))::integer AS usage_seconds
            FROM (SELECT project_id, resource_id, extract(epoch FROM max(e) - min(b)) AS seconds
                  FROM islands GROUP BY project_id, resource_id, island) spans
            GROUP BY project_id, resource_id
            HAVING round(sum(seconds)) > 0
            """;

    /** Upserts the day's computed points; explicit (fixture) points win. Returns the projects changed. */
    private static final String UPSERT = "WITH usage AS (" + DAY_USAGE + ") "
            + "INSERT INTO daily_usage (project_id, resource_id, day, usage_seconds, explicit) "
            + "SELECT project_id, resource_id, $4, usage_seconds, false FROM usage "
            + "ON CONFLICT (project_id, resource_id, day) DO UPDATE SET usage_seconds = EXCLUDED.usage_seconds "
            + "WHERE NOT daily_usage.explicit AND daily_usage.usage_seconds <> EXCLUDED.usage_seconds "
            + "RETURNING project_id";

    /** Removes aggregated points no session supports any more (sessions were changed since). */
    private static final String DELETE_STALE = """
            DELETE FROM daily_usage u
            WHERE u.day = $4 AND NOT u.explicit AND ($3::text IS NULL OR u.project_id = $3)
              AND NOT EXISTS (SELECT 1 FROM desktop_session s
                              WHERE s.project_id = u.project_id AND s.resource_id = u.resource_id
                                AND tstzrange(s.login_at, coalesce(s.logout_at, 'infinity'::timestamptz), '[)') && tstzrange($1, $2, '[)')
                                AND greatest(s.login_at, $1) < least(coalesce(s.logout_at, $2), $2))
            RETURNING project_id
            """;

    /**
     * A day's figures per user (SEMANTICS.md section 8): use is, per desktop, the union of the user's sessions
     * clipped to the day (the desktop query's islands, partitioned by user as well), added over desktops;
     * logins are the sessions starting in the day, failures the failed attempts in it. Sessions count under
     * the same condition as for the desktop's point (desktop created before the day's end); failures do not
     * depend on it. $1 day start, $2 day end, $3 project or null for all.
     */
    static final String USER_DAY = dayIslands("user_name, resource_id") + """
            , used AS (
                SELECT project_id, user_name, round(sum(seconds))::bigint AS usage_seconds
                FROM (SELECT project_id, user_name, extract(epoch FROM max(e) - min(b)) AS seconds
                      FROM islands GROUP BY project_id, user_name, resource_id, island) spans
                GROUP BY project_id, user_name
            ), logins AS (
                SELECT s.project_id, s.user_name, count(*)::integer AS n
                FROM desktop_session s
                JOIN desktop d ON d.project_id = s.project_id AND d.resource_id = s.resource_id
                WHERE s.login_at >= $1 AND s.login_at < $2 AND d.created_at < $2
                  AND ($3::text IS NULL OR s.project_id = $3)
                GROUP BY s.project_id, s.user_name
            ), failures AS (
                SELECT project_id, user_name, count(*)::integer AS n
                FROM login_failure
                WHERE at >= $1 AND at < $2 AND ($3::text IS NULL OR project_id = $3)
                GROUP BY project_id, user_name
            )
            SELECT project_id, user_name, coalesce(u.usage_seconds, 0) AS usage_seconds,
                   coalesce(l.n, 0) AS login_success, coalesce(f.n, 0) AS login_fail
            FROM used u
            FULL JOIN logins l USING (project_id, user_name)
            FULL JOIN failures f USING (project_id, user_name)
            WHERE coalesce(u.usage_seconds, 0) > 0 OR coalesce(l.n, 0) > 0 OR coalesce(f.n, 0) > 0
            """;

    /**
     * Writes the day's user rows and removes those no session or failure supports any more, in one statement
     * that computes the figures once; returns the projects whose rows changed.
     */
    private static final String WRITE_USERS = "WITH figures AS (" + USER_DAY + "), "
            + "written AS (INSERT INTO user_daily_usage (project_id, user_name, day, usage_seconds, login_success, login_fail) "
            + "  SELECT project_id, user_name, $4, usage_seconds, login_success, login_fail FROM figures "
            + "  ON CONFLICT (project_id, user_name, day) DO UPDATE SET usage_seconds = EXCLUDED.usage_seconds, "
            + "  login_success = EXCLUDED.login_success, login_fail = EXCLUDED.login_fail "
            + "  WHERE (user_daily_usage.usage_seconds, user_daily_usage.login_success, user_daily_usage.login_fail) "
            + "  IS DISTINCT FROM (EXCLUDED.usage_seconds, EXCLUDED.login_success, EXCLUDED.login_fail) "
            + "  RETURNING project_id), "
            + "removed AS (DELETE FROM user_daily_usage u WHERE u.day = $4 AND ($3::text IS NULL OR u.project_id = $3) "
            + "  AND NOT EXISTS (SELECT 1 FROM figures f WHERE f.project_id = u.project_id AND f.user_name = u.user_name) "
            + "  RETURNING u.project_id) "
            + "SELECT project_id FROM written UNION ALL SELECT project_id FROM removed";

    public Uni<Void> lockDay(SqlClient tx, LocalDate day) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock($1, $2)").execute(Tuple.of(DAY_LOCK, (int) day.toEpochDay()))
                .replaceWithVoid();
    }

    /**
     * Writes the day's points for every project (or one), desktops' and users', and returns the projects whose
     * points changed.
     */
    public Uni<Set<String>> aggregateDay(SqlClient tx, LocalDate day, Instant start, Instant end, String projectId) {
        Tuple args = Tuple.of(utc(start), utc(end), projectId, day);
        Set<String> changed = new TreeSet<>();
        return tx.preparedQuery(UPSERT).execute(args)
                .invoke(rows -> collect(rows, changed))
                .chain(() -> tx.preparedQuery(DELETE_STALE).execute(args))
                .invoke(rows -> collect(rows, changed))
                .chain(() -> tx.preparedQuery(WRITE_USERS).execute(args))
                .invoke(rows -> collect(rows, changed))
                .replaceWith(changed);
    }

    public Uni<Boolean> isAggregated(SqlClient tx, LocalDate day) {
        return tx.preparedQuery("SELECT 1 FROM aggregated_day WHERE day = $1").execute(Tuple.of(day))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Void> markAggregated(SqlClient tx, LocalDate day) {
        return tx.preparedQuery("INSERT INTO aggregated_day (day) VALUES ($1) "
                        + "ON CONFLICT (day) DO UPDATE SET aggregated_at = now(), runs = aggregated_day.runs + 1")
                .execute(Tuple.of(day)).replaceWithVoid();
    }

    /**
     * Marks aggregated, in one statement, the given due days that aggregation would leave untouched: no session
     * overlaps or starts in them, no login failed in them, and they hold no computed desktop or user point to
     * remove. The caller holds the store lock. Returns the days marked (a day another replica marked first is
     * not among them).
     */
    public Uni<Set<LocalDate>> markQuietDays(SqlClient tx, List<LocalDate> days, List<Instant> starts, List<Instant> ends) {
        LocalDate[] dayArray = days.toArray(LocalDate[]::new);
        OffsetDateTime[] startArray = starts.stream().map(start -> utc(start)).toArray(OffsetDateTime[]::new);
        OffsetDateTime[] endArray = ends.stream().map(end -> utc(end)).toArray(OffsetDateTime[]::new);
        return tx.preparedQuery(MARK_QUIET).execute(Tuple.of(dayArray, startArray, endArray))
                .map(rows -> {
                    Set<LocalDate> marked = new TreeSet<>();
                    for (Row row : rows) {
                        marked.add(row.getLocalDate(0));
                    }
                    return marked;
                });
    }

    private static final String MARK_QUIET = """
            INSERT INTO aggregated_day (day)
            SELECT q.day FROM unnest($1::date[], $2::timestamptz[], $3::timestamptz[]) AS q(day, b, e)
            WHERE NOT EXISTS (SELECT 1 FROM desktop_session s
                              WHERE tstzrange(s.login_at, coalesce(s.logout_at, 'infinity'::timestamptz), '[)') && tstzrange(q.b, q.e, '[)'))
              AND NOT EXISTS (SELECT 1 FROM desktop_session s WHERE s.login_at >= q.b AND s.login_at < q.e)
              AND NOT EXISTS (SELECT 1 FROM login_failure f WHERE f.at >= q.b AND f.at < q.e)
              AND NOT EXISTS (SELECT 1 FROM daily_usage u WHERE u.day = q.day AND NOT u.explicit)
              AND NOT EXISTS (SELECT 1 FROM user_daily_usage w WHERE w.day = q.day)
            ON CONFLICT (day) DO NOTHING
            RETURNING day
            """;

    /** A day the job aggregated: when, and how many times in all. */
    public record AggregatedDay(LocalDate day, @Schema(format = "date-time") String aggregatedAt, int runs) {
    }

    public Uni<List<AggregatedDay>> aggregatedDays(SqlClient client) {
        return client.query("SELECT day, aggregated_at, runs FROM aggregated_day ORDER BY day").execute()
                .map(rows -> {
                    List<AggregatedDay> days = new ArrayList<>();
                    for (Row row : rows) {
                        days.add(new AggregatedDay(row.getLocalDate(0), row.getOffsetDateTime(1).toInstant().toString(),
                                row.getInteger(2)));
                    }
                    return days;
                });
    }

    public Uni<Void> forgetDaysAfter(SqlClient client, LocalDate lastDue) {
        return client.preparedQuery("DELETE FROM aggregated_day WHERE day > $1").execute(Tuple.of(lastDue)).replaceWithVoid();
    }

    /** Days in [from, to] the daily job has not aggregated yet, oldest first. */
    public Uni<List<LocalDate>> unaggregatedDays(SqlClient client, LocalDate from, LocalDate to) {
        return client.preparedQuery("SELECT d::date FROM generate_series($1::date, $2::date, interval '1 day') AS d "
                        + "WHERE NOT EXISTS (SELECT 1 FROM aggregated_day a WHERE a.day = d::date) ORDER BY 1")
                .execute(Tuple.of(from, to))
                .map(rows -> {
                    List<LocalDate> days = new ArrayList<>();
                    for (Row row : rows) {
                        days.add(row.getLocalDate(0));
                    }
                    return days;
                });
    }

    /** Number of points day D has: one per desktop existing by its end (zeros included). */
    public Uni<Long> pointCount(SqlClient client, Instant dayEnd) {
        return client.preparedQuery("SELECT count(*) FROM desktop WHERE created_at < $1").execute(Tuple.of(utc(dayEnd)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Drops points older than the retention window; returns the projects that lost points. */
    public Uni<Set<String>> purgeBefore(SqlClient tx, LocalDate firstRetained) {
        Set<String> changed = new TreeSet<>();
        return tx.preparedQuery("DELETE FROM daily_usage WHERE day < $1 RETURNING project_id").execute(Tuple.of(firstRetained))
                .invoke(rows -> collect(rows, changed))
                .chain(() -> tx.preparedQuery("DELETE FROM user_daily_usage WHERE day < $1 RETURNING project_id")
                        .execute(Tuple.of(firstRetained)))
                .invoke(rows -> collect(rows, changed))
                .chain(() -> tx.preparedQuery("DELETE FROM aggregated_day WHERE day < $1").execute(Tuple.of(firstRetained)))
                .replaceWith(changed);
    }

    private static void collect(RowSet<Row> rows, Set<String> into) {
        for (Row row : rows) {
            into.add(row.getString(0));
        }
    }
}
