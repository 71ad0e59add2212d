package io.wksemu.clock;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.wksemu.store.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/** The single clock row, shared by every replica. */
@ApplicationScoped
public class ClockRepository {

    /**
     * The clock's columns of {@code clock_state c}, for a statement that reads the clock together with other
     * state (a query's snapshot); {@link #fromRow} reads them back, so no other class knows the columns.
     */
    public static final String SELECT_COLUMNS = "c.mode, c.fixed_at, c.offset_ms";
    /** How many columns {@link #SELECT_COLUMNS} selects. */
    public static final int COLUMN_COUNT = 3;

    private final Pool pool;

    public ClockRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<ClockState> read() {
        return pool.withConnection(this::read);
    }

    public Uni<ClockState> read(SqlClient client) {
        return client.query("SELECT " + SELECT_COLUMNS + " FROM clock_state c WHERE c.id = 1").execute()
                .map(rows -> fromRow(rows.iterator().next(), 0));
    }

    public Uni<Void> write(SqlClient client, ClockState state) {
        return client.preparedQuery("UPDATE clock_state SET mode = $1, fixed_at = $2, offset_ms = $3 WHERE id = 1")
                .execute(Tuple.of(state.mode().wireName(),
                        SqlTimes.utc(state.fixedAt()),
                        state.offset().toMillis()))
                .replaceWithVoid();
    }

    /** Reads the clock columns of a row that selected {@link #SELECT_COLUMNS} starting at {@code first}. */
    public static ClockState fromRow(Row row, int first) {
        ClockState.Mode mode = ClockState.Mode.valueOf(row.getString(first).toUpperCase(Locale.ROOT));
        return new ClockState(mode, SqlTimes.instant(row.getOffsetDateTime(first + 1)),
                Duration.ofMillis(row.getLong(first + 2)));
    }
}
