package io.wksemu.store;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.wksemu.error.DomainException;
import java.net.ConnectException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Everything "the database is down" means to the emulator: which failures are an outage, and how long the
 * query's own reads may wait for an answer.
 */
public final class StoreOutage {

    /**
     * A database that accepts connections but does not answer (hung, or packets dropped after the handshake
     * began) would otherwise hold a query forever: the pool's timeouts cover only connecting and waiting.
     * It bounds a query's own reads, not aggregation work a query may trigger.
     */
    public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(StoreOutage.class);

    private StoreOutage() {
    }

    /** Fails with a store-unavailable error when the read has not answered within {@link #QUERY_TIMEOUT}. */
    public static <T> Uni<T> bounded(Uni<T> read) {
        return read.ifNoItem().after(QUERY_TIMEOUT).failWith(() -> {
            LOG.warnf("database unavailable: no answer within %s", QUERY_TIMEOUT);
            return DomainException.storeUnavailable("No answer from the database within " + QUERY_TIMEOUT.toSeconds() + " s.");
        });
    }

    /**
     * Whether the failure means PostgreSQL cannot be reached or is going away: refused or timed-out connects,
     * lost connections, no pooled connection in time (two forms), SQLSTATE class 08 (connection exception) and
     * 57P01-57P03 (administrator or crash shutdown in progress, "the database system is starting up/shutting down").
     */
    public static boolean isOutage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DomainException d && d.kind() == DomainException.Kind.STORE_UNAVAILABLE) {
                return true;
            }
            if (c instanceof ConnectException || c instanceof io.vertx.core.VertxException
                    && String.valueOf(c.getMessage()).contains("onnection")) {
                return true;
            }
            // The pool's answer to a request that waited too long for a connection (all of them hanging).
            if (c instanceof io.vertx.core.impl.NoStackTraceThrowable && "Timeout".equals(c.getMessage())) {
                return true;
            }
            if (c instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().matches("57P0[123]"))) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
