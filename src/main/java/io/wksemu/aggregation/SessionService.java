package io.wksemu.aggregation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import static io.wksemu.store.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wksemu.error.DomainException;
import io.wksemu.clock.ClockService;
import io.wksemu.store.ProjectLocks;
import io.wksemu.store.ProjectSizes;
import io.wksemu.store.ProjectVersions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live session events at the clock's now (SEMANTICS.md section 5): a login opens a session on a desktop not
 * in use, a logout closes the open one. Sessions become points when their days are aggregated.
 */
@ApplicationScoped
public class SessionService {

    private final Pool pool;
    private final ClockService clock;
    private final AggregationService aggregation;
    private final ProjectLocks locks;
    private final ProjectSizes sizes;
    private final DesktopCreations creations;
    private final ProjectVersions versions;

    public SessionService(Pool pool, ClockService clock, AggregationService aggregation, ProjectLocks locks,
            ProjectSizes sizes, DesktopCreations creations, ProjectVersions versions) {
        this.pool = pool;
        this.creations = creations;
        this.versions = versions;
        this.sizes = sizes;
        this.locks = locks;
        this.clock = clock;
        this.aggregation = aggregation;
    }

    public record SessionView(String project_id, String resource_id, String user_name,
            @Schema(format = "date-time") String login_at, @Schema(format = "date-time") String logout_at) {
    }

    public Uni<SessionView> login(String projectId, String resourceId, String userName) {
        return clock.now().chain(now -> pool.withTransaction(tx -> locks.lockProjects(tx, List.of(projectId))
                .chain(() -> lockDesktop(tx, projectId, resourceId))
                .chain(() -> openSession(tx, projectId, resourceId))
                .chain(open -> {
                    if (open != null) {
                        return Uni.createFrom().failure(DomainException.conflict("Desktop " + resourceId
                                + " is already in use since " + open.loginAt() + "; log out first."));
                    }
                    return coverLogin(tx, projectId, resourceId, now)
                            .chain(() -> tx.preparedQuery("INSERT INTO desktop_session (project_id, resource_id, user_name, login_at) "
                                    + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                                    .execute(Tuple.of(projectId, resourceId, userName, utc(now))))
                            .map(rows -> {
                                if (rows.rowCount() == 0) {
                                    throw DomainException.conflict("Desktop " + resourceId
                                            + " already has a session starting at " + now + "; move the clock first.");
                                }
                                return new SessionView(projectId, resourceId, userName, now.toString(), null);
                            })
                            .call(() -> sizes.check(tx, List.of(projectId)));
                })));
    }

    /**
     * A login is a session starting at {@code now}, under the created_at rule of fixtures ({@link CreationRule}):
     * before an explicit created_at's day it is refused, a defaulted created_at moves earlier to cover it (a
     * change of the desktop, so the project's version moves with it).
     */
    private Uni<Void> coverLogin(SqlClient tx, String projectId, String resourceId, Instant now) {
        return creations.stored(tx, projectId, List.of(resourceId)).chain(stored -> {
            CreationRule.Stored before = stored.get(resourceId);
            CreationRule.Creation after;
            try {
                after = creations.rule().resolve(resourceId, before, null,
                        List.of(new CreationRule.Use("login", now.toString(), now)), now);
            } catch (CreationRule.Refused refused) {
                return Uni.createFrom().failure(DomainException.conflict("The clock's now " + refused.problem()
                        + "; move the clock first."));
            }
            return after.equals(before.creation()) ? Uni.createFrom().voidItem()
                    : creations.write(tx, projectId, Map.of(resourceId, after)).chain(() -> versions.bump(tx, List.of(projectId)));
        });
    }

    /** A failed login attempt as recorded: no session is opened. */
    public record LoginFailureView(String project_id, String resource_id, String user_name,
            @Schema(format = "date-time") String at, boolean failed) {
    }

    /**
     * Records a failed login attempt at the clock's now, which reads whole seconds (SEMANTICS.md section 8); a second
     * failure of the same user on the same desktop in the same second is the same attempt. Its day is not
     * due yet, so the daily aggregation counts it when it is.
     */
    public Uni<LoginFailureView> loginFailed(String projectId, String resourceId, String userName) {
        return clock.now()
                .chain(at -> pool.withTransaction(tx -> locks.lockProjects(tx, List.of(projectId))
                        .chain(() -> lockDesktop(tx, projectId, resourceId))
                        .chain(() -> tx.preparedQuery("INSERT INTO login_failure (project_id, resource_id, user_name, at) "
                                        + "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
                                .execute(Tuple.of(projectId, resourceId, userName, utc(at))))
                        .call(() -> sizes.check(tx, List.of(projectId)))
                        .replaceWith(new LoginFailureView(projectId, resourceId, userName, at.toString(), true))));
    }

    public Uni<SessionView> logout(String projectId, String resourceId) {
        return clock.now().chain(now -> pool.withTransaction(tx -> locks.lockProjects(tx, List.of(projectId))
                        .chain(() -> lockDesktop(tx, projectId, resourceId))
                        .chain(() -> openSession(tx, projectId, resourceId))
                        .chain(open -> {
                            if (open == null) {
                                return Uni.createFrom().failure(DomainException.conflict(
                                        "Desktop " + resourceId + " has no open session."));
                            }
                            if (now.isBefore(open.loginAt())) {
                                return Uni.createFrom().failure(DomainException.conflict("The clock (" + now
                                        + ") is before the session's login (" + open.loginAt() + ")."));
                            }
                            return tx.preparedQuery("UPDATE desktop_session SET logout_at = $4 "
                                            + "WHERE project_id = $1 AND resource_id = $2 AND login_at = $3")
                                    .execute(Tuple.of(projectId, resourceId, utc(open.loginAt()), utc(now)))
                                    // days already due that the session touched (the clock may have been
                                    // moved) are redone in the same transaction
                                    .call(() -> aggregation.aggregateProjectIn(tx, projectId, open.loginAt(),
                                            Optional.of(now), now))
                                    .replaceWith(new SessionView(projectId, resourceId, open.userName(),
                                            open.loginAt().toString(), now.toString()));
                        })));
    }

    private static Uni<Void> lockDesktop(SqlClient tx, String projectId, String resourceId) {
        return tx.preparedQuery("SELECT 1 FROM desktop WHERE project_id = $1 AND resource_id = $2 FOR UPDATE")
                .execute(Tuple.of(projectId, resourceId))
                .chain(rows -> rows.size() == 0
                        ? Uni.createFrom().failure(DomainException.notFound("Desktop " + resourceId + " of project "
                                + projectId + " does not exist."))
                        : Uni.createFrom().voidItem());
    }

    private record OpenSession(Instant loginAt, String userName) {
    }

    private static Uni<OpenSession> openSession(SqlClient tx, String projectId, String resourceId) {
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
}
