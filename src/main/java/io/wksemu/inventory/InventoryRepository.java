package io.wksemu.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The SQL that summarises what is stored, without reading whole documents. */
@ApplicationScoped
public class InventoryRepository {

    /** One stored day point. */
    public record PointRow(String resourceId, LocalDate day, int usageSeconds) {
    }

    private static final String PROJECTS = """
            SELECT d.project_id, count(*) AS desktops,
                   coalesce(sum(s.sessions), 0) AS sessions, coalesce(sum(s.open), 0) AS open_sessions,
                   coalesce(sum(u.points), 0) AS points
            FROM desktop d
            LEFT JOIN (SELECT project_id, resource_id, count(*) AS sessions, count(*) FILTER (WHERE logout_at IS NULL) AS open
                       FROM desktop_session GROUP BY project_id, resource_id) s
                   ON s.project_id = d.project_id AND s.resource_id = d.resource_id
            LEFT JOIN (SELECT project_id, resource_id, count(*) AS points
                       FROM daily_usage GROUP BY project_id, resource_id) u
                   ON u.project_id = d.project_id AND u.resource_id = d.resource_id
            GROUP BY d.project_id
            ORDER BY d.project_id
            """;

    public Uni<List<ProjectCounts>> projects(SqlClient client) {
        return client.query(PROJECTS).execute().map(rows -> {
            List<ProjectCounts> projects = new ArrayList<>();
            for (Row r : rows) {
                projects.add(new ProjectCounts(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
            }
            return projects;
        });
    }

    public Uni<Long> countDesktops(SqlClient client, String projectId) {
        return client.preparedQuery("SELECT count(*) FROM desktop WHERE project_id = $1").execute(Tuple.of(projectId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * A page of the project's desktops in the emulated endpoint's order without sort_field (resource_name, then
     * resource_id; "C" compares code points as the endpoint's Java sort does, whatever the database's locale),
     * each with its open session if any.
     */
    public Uni<List<StoredDesktop>> desktops(SqlClient client, String projectId, int offset, int limit) {
        return client.preparedQuery("""
                        SELECT d.resource_id, d.resource_name, d.resource_pool_id, d.created_at, o.user_name, o.login_at
                        FROM desktop d
                        LEFT JOIN LATERAL (SELECT s.user_name, s.login_at FROM desktop_session s
                                           WHERE s.project_id = d.project_id AND s.resource_id = d.resource_id
                                             AND s.logout_at IS NULL
                                           ORDER BY s.login_at DESC LIMIT 1) o ON true
                        WHERE d.project_id = $1
                        ORDER BY d.resource_name COLLATE "C", d.resource_id COLLATE "C"
                        OFFSET $2 LIMIT $3
                        """)
                .execute(Tuple.of(projectId, offset, limit)).map(rows -> {
                    List<StoredDesktop> desktops = new ArrayList<>();
                    for (Row r : rows) {
                        desktops.add(new StoredDesktop(r.getString(0), r.getString(1), r.getString(2),
                                r.getOffsetDateTime(3).toInstant(), r.getString(4),
                                r.getOffsetDateTime(5) == null ? null : r.getOffsetDateTime(5).toInstant()));
                    }
                    return desktops;
                });
    }

    /** The stored points of the given desktops on days in [from, to]. */
    public Uni<List<PointRow>> points(SqlClient client, String projectId, List<String> resourceIds, LocalDate from, LocalDate to) {
        return client.preparedQuery("SELECT resource_id, day, usage_seconds FROM daily_usage "
                        + "WHERE project_id = $1 AND resource_id = ANY($2) AND day BETWEEN $3 AND $4")
                .execute(Tuple.of(projectId, resourceIds.toArray(String[]::new), from, to)).map(rows -> {
                    List<PointRow> points = new ArrayList<>();
                    for (Row r : rows) {
                        points.add(new PointRow(r.getString(0), r.getLocalDate(1), r.getInteger(2)));
                    }
                    return points;
                });
    }
}
