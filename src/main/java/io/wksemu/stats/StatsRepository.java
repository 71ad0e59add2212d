package io.wksemu.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wksemu.api.ApiException;
import io.wksemu.api.ErrorCode;
import io.wksemu.clock.ClockRepository;
import io.wksemu.clock.ClockState;
import io.wksemu.clock.StatisticsCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** The reads behind a statistics query: one round trip per query, and the index build when data changed. */
@ApplicationScoped
public class StatsRepository {

    /**
     * A database that accepts connections but does not answer (hung, or packets dropped after the handshake
     * began) would otherwise hold a query forever: the pool's timeouts cover only connecting and waiting.
     * It bounds the query's own reads, not aggregation work a query may trigger.
     */
    static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(StatsRepository.class);

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
        return pool.preparedQuery("SELECT c.mode, c.fixed_at, c.offset_ms, "
                        + "(SELECT version FROM project_state WHERE project_id = $1), "
                        + "(SELECT max(day) FROM aggregated_day) FROM clock_state c WHERE c.id = 1")
                .execute(Tuple.of(projectId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Snapshot(ClockRepository.fromRow(row, 0), row.getLong(3), row.getLocalDate(4));
                })
                .ifNoItem().after(DATABASE_TIMEOUT).failWith(StatsRepository::noAnswer);
    }

    /**
     * Reads the project's desktops and its points from {@code floor} on in one consistent snapshot, labelled
     * with the version it reflects; null when the project has no data.
     */
    public Uni<ProjectIndex> loadIndex(String projectId, LocalDate floor, StatisticsCalendar calendar) {
        Tuple p = Tuple.of(projectId);
        List<ProjectIndex.DesktopRow> desktops = new ArrayList<>();
        List<ProjectIndex.PointRow> points = new ArrayList<>();
        return pool.withTransaction(tx -> tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> tx.preparedQuery("SELECT version FROM project_state WHERE project_id = $1").execute(p))
                .chain(versionRows -> {
                    if (versionRows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    long version = versionRows.iterator().next().getLong(0);
                    return tx.preparedQuery("SELECT resource_id, resource_name, resource_pool_id, created_at "
                                    + "FROM desktop WHERE project_id = $1").execute(p)
                            .invoke(rows -> rows.forEach(r -> desktops.add(new ProjectIndex.DesktopRow(r.getString(0),
                                    r.getString(1), r.getString(2), calendar.dayOf(r.getOffsetDateTime(3).toInstant())))))
                            .chain(() -> tx.preparedQuery("SELECT resource_id, day, usage_seconds FROM daily_usage "
                                    + "WHERE project_id = $1 AND day >= $2").execute(Tuple.of(projectId, floor)))
                            .invoke(rows -> rows.forEach(r -> points.add(new ProjectIndex.PointRow(r.getString(0),
                                    r.getLocalDate(1), r.getInteger(2)))))
                            .map(ignored -> new ProjectIndex(version, floor, desktops, points));
                }))
                .ifNoItem().after(DATABASE_TIMEOUT).failWith(StatsRepository::noAnswer);
    }

    private static ApiException noAnswer() {
        LOG.warnf("database unavailable: no answer within %s", DATABASE_TIMEOUT);
        return new ApiException(ErrorCode.DATABASE_UNAVAILABLE);
    }
}
