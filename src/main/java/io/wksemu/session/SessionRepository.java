package io.wksemu.session;

import static io.wksemu.store.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wksemu.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The SQL of live sessions and failed logins, on the caller's transaction. */
@ApplicationScoped
public class SessionRepository {

    /** A session still open on a desktop. */
    public record OpenSession(Instant loginAt, String userName) {
    }

    /** Locks the desktop's row for the transaction; fails with not-found when there is no such desktop. */
    public Uni<Void> lockDesktop(SqlClient tx, String projectId, String resourceId) {
        return tx.preparedQuery("SELECT 1 FROM desktop WHERE project_id = $1 AND resource_id = $2 FOR UPDATE")
                .execute(Tuple.of(projectId, resourceId))
                .chain(rows -> rows.size() == 0
                        ? Uni.createFrom().failure(DomainException.notFound("Desktop " + resourceId + " of project "
                                + projectId + " does not exist."))
                        : Uni.createFrom().voidItem());
    }

    /** The desktop's open session, the latest if several, or null. */
    public Uni<OpenSession> openSession(SqlClient tx, String projectId, String resourceId) {
        return tx.preparedQuery("SELECT login_at, user_name FROM desktop_session "
                        + "WHERE project_id = $1 AND resource_id = $2 AND logout_at IS NULL ORDER BY login_at DESC LIMIT 1")
                .execute(Tuple.of(projectId, resourceId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    return new OpenSession(row.getOffsetDateTime(0).toInstant(), row.getString(1));
                });
    }

    /** Opens a session at {@code at}; false when the desktop already has one starting then. */
    public Uni<Boolean> open(SqlClient tx, String projectId, String resourceId, String userName, Instant at) {
        return tx.preparedQuery("INSERT INTO desktop_session (project_id, resource_id, user_name, login_at) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(projectId, resourceId, userName, utc(at)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Closes the session that started at {@code loginAt}. */
    public Uni<Void> close(SqlClient tx, String projectId, String resourceId, Instant loginAt, Instant at) {
        return tx.preparedQuery("UPDATE desktop_session SET logout_at = $4 "
                        + "WHERE project_id = $1 AND resource_id = $2 AND login_at = $3")
                .execute(Tuple.of(projectId, resourceId, utc(loginAt), utc(at)))
                .replaceWithVoid();
    }

    /** Records a failed login attempt; one of the same user, desktop and second is the same attempt. */
    public Uni<Void> recordFailure(SqlClient tx, String projectId, String resourceId, String userName, Instant at) {
        return tx.preparedQuery("INSERT INTO login_failure (project_id, resource_id, user_name, at) "
                        + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(projectId, resourceId, userName, utc(at)))
                .replaceWithVoid();
    }
}
