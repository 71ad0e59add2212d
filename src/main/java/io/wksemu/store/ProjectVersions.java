package io.wksemu.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * Every write to a project's desktops or points gives the project a fresh version, inside the writing
 * transaction, so that every replica knows with one read whether its in-memory index is current.
 */
@ApplicationScoped
public class ProjectVersions {

    public Uni<Void> bump(SqlClient tx, Collection<String> projectIds) {
        if (projectIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("INSERT INTO project_state (project_id, version) "
                        + "SELECT p, nextval('project_version_seq') FROM unnest($1::text[]) AS p "
                        + "ON CONFLICT (project_id) DO UPDATE SET version = EXCLUDED.version")
                .execute(Tuple.of(projectIds.toArray(String[]::new))).replaceWithVoid();
    }
}
