package io.wksemu.inventory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wksemu.config.EmulatorConfig;
import io.wksemu.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * The size limits of a project (SEMANTICS.md section 7: nothing a client sends may break the emulator for the
 * others). A query holds an index of the whole project in memory, in proportion to its desktops (181 days
 * each) and its users (30 days each); a project far larger than the heap would end the process at its first
 * query. Every write that can add desktops or users checks, inside its transaction and after its own
 * writes, that each project it wrote stays within {@code emulator.limits}; a write that would exceed them is
 * refused whole.
 */
@ApplicationScoped
public class ProjectSizes {

    private static final String SIZES = """
            SELECT p.id,
                   (SELECT count(*) FROM desktop d WHERE d.project_id = p.id),
                   (SELECT count(*) FROM (SELECT s.user_name FROM desktop_session s WHERE s.project_id = p.id
                                          UNION SELECT f.user_name FROM login_failure f WHERE f.project_id = p.id) u)
            FROM unnest($1::text[]) AS p(id)
            """;

    private final EmulatorConfig.Limits limits;

    public ProjectSizes(EmulatorConfig config) {
        this.limits = config.limits();
    }

    /** Fails with an invalid-input error naming the first project over a limit; the caller's transaction rolls back. */
    public Uni<Void> check(SqlClient tx, Collection<String> projectIds) {
        return tx.preparedQuery(SIZES).execute(Tuple.of((Object) projectIds.toArray(String[]::new)))
                .chain(rows -> {
                    for (Row row : rows) {
                        String project = row.getString(0);
                        long desktops = row.getLong(1);
                        long users = row.getLong(2);
                        if (desktops > limits.maxDesktopsPerProject()) {
                            return Uni.createFrom().failure(tooLarge(project, desktops, "desktops",
                                    limits.maxDesktopsPerProject(), "max-desktops-per-project"));
                        }
                        if (users > limits.maxUsersPerProject()) {
                            return Uni.createFrom().failure(tooLarge(project, users, "users",
                                    limits.maxUsersPerProject(), "max-users-per-project"));
                        }
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private static DomainException tooLarge(String project, long count, String what, int limit, String setting) {
        return DomainException.invalid("Project " + project + " would hold " + count + " " + what + "; a project holds at most "
                + limit + " (emulator.limits." + setting + "); nothing was stored.");
    }
}
