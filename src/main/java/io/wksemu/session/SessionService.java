package io.wksemu.session;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.wksemu.aggregation.AggregationService;
import io.wksemu.aggregation.CreationRule;
import io.wksemu.aggregation.DesktopCreations;
import io.wksemu.clock.ClockService;
import io.wksemu.error.DomainException;
import io.wksemu.inventory.ProjectSizes;
import io.wksemu.store.ProjectLocks;
import io.wksemu.store.ProjectVersions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Live session events at the clock's now: a login opens a session on a desktop not in use, a logout closes
 * the open one, a failed login is recorded as an attempt. Sessions become points when their days are
 * aggregated; a logout redoes the due days its session touched. The SQL is {@link SessionRepository}'s.
 */
@ApplicationScoped
public class SessionService {

    private final Pool pool;
    private final SessionRepository repository;
    private final ClockService clock;
    private final AggregationService aggregation;
    private final ProjectLocks locks;
    private final ProjectSizes sizes;
    private final DesktopCreations creations;
    private final ProjectVersions versions;

    public SessionService(Pool pool, SessionRepository repository, ClockService clock, AggregationService aggregation,
            ProjectLocks locks, ProjectSizes sizes, DesktopCreations creations, ProjectVersions versions) {
        this.pool = pool;
        this.repository = repository;
        this.creations = creations;
        this.versions = versions;
        this.sizes = sizes;
        this.locks = locks;
        this.clock = clock;
        this.aggregation = aggregation;
    }

    public record SessionView(String projectId, String resourceId, String userName,
            @Schema(format = "date-time") String loginAt, @Schema(format = "date-time") String logoutAt) {
    }

    public Uni<SessionView> login(String projectId, String resourceId, String userName) {
        return clock.now().chain(now -> pool.withTransaction(tx -> locks.lockProjects(tx, List.of(projectId))
                .chain(() -> repository.lockDesktop(tx, projectId, resourceId))
                .chain(() -> repository.openSession(tx, projectId, resourceId))
                .chain(open -> {
                    if (open != null) {
                        return Uni.createFrom().failure(DomainException.conflict("Desktop " + resourceId
                                + " is already in use since " + open.loginAt() + "; log out first."));
                    }
                    return coverLogin(tx, projectId, resourceId, now)
                            .chain(() -> repository.open(tx, projectId, resourceId, userName, now))
                            .map(opened -> {
                                if (!opened) {
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
    public record LoginFailureView(String projectId, String resourceId, String userName,
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
                        .chain(() -> repository.lockDesktop(tx, projectId, resourceId))
                        .chain(() -> repository.recordFailure(tx, projectId, resourceId, userName, at))
                        .call(() -> sizes.check(tx, List.of(projectId)))
                        .replaceWith(new LoginFailureView(projectId, resourceId, userName, at.toString(), true))));
    }

    public Uni<SessionView> logout(String projectId, String resourceId) {
        return clock.now().chain(now -> pool.withTransaction(tx -> locks.lockProjects(tx, List.of(projectId))
                        .chain(() -> repository.lockDesktop(tx, projectId, resourceId))
                        .chain(() -> repository.openSession(tx, projectId, resourceId))
                        .chain(open -> {
                            if (open == null) {
                                return Uni.createFrom().failure(DomainException.conflict(
                                        "Desktop " + resourceId + " has no open session."));
                            }
                            if (now.isBefore(open.loginAt())) {
                                return Uni.createFrom().failure(DomainException.conflict("The clock (" + now
                                        + ") is before the session's login (" + open.loginAt() + ")."));
                            }
                            return repository.close(tx, projectId, resourceId, open.loginAt(), now)
                                    // days already due that the session touched (the clock may have been
                                    // moved) are redone in the same transaction
                                    .call(() -> aggregation.aggregateProjectIn(tx, projectId, open.loginAt(),
                                            Optional.of(now), now))
                                    .replaceWith(new SessionView(projectId, resourceId, open.userName(),
                                            open.loginAt().toString(), now.toString()));
                        })));
    }
}
