package io.wksemu.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wksemu.clock.ClockRepository;
import io.wksemu.clock.ClockState;
import io.wksemu.clock.StatisticsCalendar;
import io.wksemu.store.StoreOutage;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The reads behind a statistics query: one round trip per query, and the index build when data changed. */
@ApplicationScoped
public class StatsRepository {

    private final Pool pool;

    public StatsRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * The clock, the project's current version (null for a project without data) and the newest day the
     * daily job has aggregated (null for none), in one statement.
     */
    public record Snapshot(ClockState clock, Long version, LocalDate lastAggregatedDay) {
    }

    public Uni<Snapshot> snapshot(String projectId) {
        int after = ClockRepository.COLUMN_COUNT;
        return StoreOutage.bounded(pool.withConnection(c -> c.preparedQuery("SELECT " + ClockRepository.SELECT_COLUMNS + ", "
                        + "(SELECT version FROM project_state WHERE project_id = $1), "
                        + "(SELECT max(day) FROM aggregated_day) FROM clock_state c WHERE c.id = 1")
                .execute(Tuple.of(projectId)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Snapshot(ClockRepository.fromRow(row, 0), row.getLong(after), row.getLocalDate(after + 1));
                }));
    }

    /**
     * Reads the project's desktops and its points of days [floor, ceiling] in one consistent snapshot, labelled
     * with the version it reflects; null when the project has no data. Points outside the span are never read.
     */
    public Uni<DesktopIndex> loadIndex(String projectId, LocalDate floor, LocalDate ceiling, StatisticsCalendar calendar) {
        Tuple p = Tuple.of(projectId);
        List<DesktopIndex.DesktopRow> desktops = new ArrayList<>();
        return StoreOutage.bounded(pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> tx.preparedQuery("SELECT version FROM project_state WHERE project_id = $1").execute(p))
                .chain(versionRows -> {
                    if (versionRows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    long version = versionRows.iterator().next().getLong(0);
                    return tx.preparedQuery("SELECT resource_id, resource_name, resource_pool_id, created_at "
                                    + "FROM desktop WHERE project_id = $1").execute(p)
                            .invoke(rows -> rows.forEach(r -> desktops.add(new DesktopIndex.DesktopRow(r.getString(0),
                                    r.getString(1), r.getString(2), calendar.dayOf(r.getOffsetDateTime(3).toInstant())))))
                            .chain(() -> tx.preparedQuery(PACKED_POINTS).execute(Tuple.of(projectId, floor, ceiling)))
                            .map(rows -> new DesktopIndex(version, floor, ceiling, desktops, unpack(rows, floor)));
                })));
    }

    /**
     * A project's points of days [$2, $3], one row per desktop: its points packed in one bytea, 8 bytes each
     * (the day as days after $2, then the seconds, both big-endian int4). A 10,000-desktop project reads 10,000
     * rows of about 350 bytes instead of 440,000 rows of a repeated 36-character id, a date and a boxed
     * integer each, which took over 100 MB of heap for the moment of the build.
     */
    static final String PACKED_POINTS = "SELECT resource_id, "
            + "string_agg(int4send(day - $2) || int4send(usage_seconds), ''::bytea ORDER BY day) "
            + "FROM daily_usage WHERE project_id = $1 AND day BETWEEN $2 AND $3 GROUP BY resource_id";

    static DesktopIndex.Points unpack(RowSet<Row> rows, LocalDate floor) {
        List<String> ids = new ArrayList<>(rows.size());
        List<byte[]> packed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getString(0));
            packed.add(row.getBuffer(1).getBytes());
        }
        long first = floor.toEpochDay();
        return sink -> {
            for (int i = 0; i < ids.size(); i++) {
                ByteBuffer points = ByteBuffer.wrap(packed.get(i));
                while (points.remaining() >= 8) {
                    long day = first + points.getInt();
                    sink.accept(ids.get(i), day, points.getInt());
                }
            }
        };
    }

    /**
     * Reads the project's per-user rows of days [floor, ceiling] in one consistent snapshot, labelled with the
     * version it reflects; null when the project has no data. Only the reads are bounded by
     * {@link StoreOutage#QUERY_TIMEOUT}: building the index from the rows is not the database's time.
     */
    public Uni<UserIndex> loadUserIndex(String projectId, LocalDate floor, LocalDate ceiling) {
        Tuple p = Tuple.of(projectId);
        long[] version = new long[1];
        return StoreOutage.bounded(pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> tx.preparedQuery("SELECT version FROM project_state WHERE project_id = $1").execute(p))
                .chain(versionRows -> {
                    if (versionRows.size() == 0) {
                        return Uni.createFrom().<RowSet<Row>>nullItem();
                    }
                    version[0] = versionRows.iterator().next().getLong(0);
                    return tx.preparedQuery("SELECT user_name, day, usage_seconds, login_success, login_fail "
                                    + "FROM user_daily_usage WHERE project_id = $1 AND day BETWEEN $2 AND $3")
                            .execute(Tuple.of(projectId, floor, ceiling));
                })))
                .map(result -> {
                    if (result == null) {
                        return null;
                    }
                    List<UserIndex.Row> rows = new ArrayList<>(result.size());
                    result.forEach(r -> rows.add(new UserIndex.Row(r.getString(0), r.getLocalDate(1), r.getLong(2),
                            r.getInteger(3), r.getInteger(4))));
                    return new UserIndex(version[0], floor, ceiling, rows);
                });
    }
}
