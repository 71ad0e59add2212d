package io.wksemu.aggregation;

import static io.wksemu.store.SqlTimes.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wksemu.clock.ClockService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@link CreationRule} reads and writes: desktops' stored creation with their earliest stored use, and
 * the creations it resolved. Callers run it in their transaction under the project's lock (fixture loads and
 * live logins both take it), so two writes never both pass the rule against a state the other changes.
 */
@ApplicationScoped
public class DesktopCreations {

    private final ClockService clock;

    public DesktopCreations(ClockService clock) {
        this.clock = clock;
    }

    /** The rule in the statistics zone. */
    public CreationRule rule() {
        return new CreationRule(clock.calendar());
    }

    /** The stored creation of those of {@code resourceIds} that exist, their rows locked for the transaction. */
    public Uni<Map<String, CreationRule.Stored>> stored(SqlClient tx, String projectId, Collection<String> resourceIds) {
        if (resourceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return tx.preparedQuery("SELECT d.resource_id, d.created_at, d.created_explicit, "
                        + "(SELECT min(s.login_at) FROM desktop_session s WHERE s.project_id = d.project_id AND s.resource_id = d.resource_id), "
                        + "(SELECT min(u.day) FROM daily_usage u WHERE u.project_id = d.project_id AND u.resource_id = d.resource_id) "
                        + "FROM desktop d WHERE d.project_id = $1 AND d.resource_id = ANY($2) FOR UPDATE OF d")
                .execute(Tuple.of(projectId, resourceIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, CreationRule.Stored> stored = new HashMap<>();
                    for (Row row : rows) {
                        OffsetDateTime login = row.getOffsetDateTime(3);
                        LocalDate day = row.getLocalDate(4);
                        Instant earliest = day == null ? null : CreationRule.startOf(day, clock.calendar());
                        if (login != null && (earliest == null || login.toInstant().isBefore(earliest))) {
                            earliest = login.toInstant();
                        }
                        stored.put(row.getString(0), new CreationRule.Stored(row.getOffsetDateTime(1).toInstant(),
                                row.getBoolean(2), earliest));
                    }
                    return stored;
                });
    }

    /** Stores the creations of desktops that exist. */
    public Uni<Void> write(SqlClient tx, String projectId, Map<String, CreationRule.Creation> creations) {
        if (creations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = creations.size();
        String[] ids = new String[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        Boolean[] explicit = new Boolean[n];
        int i = 0;
        for (Map.Entry<String, CreationRule.Creation> e : creations.entrySet()) {
            ids[i] = e.getKey();
            created[i] = utc(e.getValue().createdAt());
            explicit[i++] = e.getValue().explicit();
        }
        return tx.preparedQuery("UPDATE desktop d SET created_at = v.c, created_explicit = v.e "
                        + "FROM unnest($2::text[], $3::timestamptz[], $4::boolean[]) AS v(r, c, e) "
                        + "WHERE d.project_id = $1 AND d.resource_id = v.r")
                .execute(Tuple.of(projectId, ids, created, explicit)).replaceWithVoid();
    }
}
