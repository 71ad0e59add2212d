package io.wksemu.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.TreeSet;

/**
 * The transaction-scoped advisory locks that make every write to a project atomic and serialised per project
 * (SEMANTICS.md section 7), on every replica sharing the database. A write to some projects takes the store
 * lock shared, then each project's lock, in ascending key order so that two writers never wait for each
 * other in a cycle; writes to different projects do not wait for each other. A write to every project (a
 * full wipe, aggregating a day for all projects, the retention purge) takes the store lock exclusively, so
 * it waits for the project writes in flight and they wait for it. Day locks of aggregation come after these.
 * Two project ids whose keys collide share a lock: correct, only less parallel.
 */
@ApplicationScoped
public class ProjectLocks {

    private static final long STORE_LOCK = 0x776b732d616c6cL; // "wks-all"
    private static final int PROJECT_NAMESPACE = 0x70726f6a; // "proj"

    public Uni<Void> lockProjects(SqlClient tx, Collection<String> projectIds) {
        TreeSet<Integer> keys = new TreeSet<>();
        projectIds.forEach(p -> keys.add(p.hashCode()));
        return tx.preparedQuery("SELECT pg_advisory_xact_lock_shared($1)").execute(Tuple.of(STORE_LOCK))
                .chain(() -> Multi.createFrom().iterable(keys)
                        .onItem().transformToUniAndConcatenate(key -> tx.preparedQuery("SELECT pg_advisory_xact_lock($1, $2)")
                                .execute(Tuple.of(PROJECT_NAMESPACE, key)))
                        .collect().last())
                .replaceWithVoid();
    }

    public Uni<Void> lockAll(SqlClient tx) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(STORE_LOCK)).replaceWithVoid();
    }
}
