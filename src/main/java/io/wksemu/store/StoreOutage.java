package io.wksemu.store;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.wksemu.error.DomainException;
import io.netty.resolver.dns.DnsNameResolverException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
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
     * Whether the failure means PostgreSQL cannot be reached or is going away, judged by the type of the
     * failure or of one of its causes: a host name that does not resolve (the container's DNS forgets a
     * stopped database), a refused, unroutable or timed-out connect and any other socket failure, a lost
     * connection, SQLSTATE class 08 (connection exception) and 57P01-57P03 (administrator or crash shutdown,
     * "the database system is starting up/shutting down"). Only the pool's two "no connection in time"
     * answers carry no type of their own; they are recognised by their fixed text.
     */
    public static boolean isOutage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DomainException d && d.kind() == DomainException.Kind.STORE_UNAVAILABLE
                    || c instanceof UnknownHostException
                    || c instanceof SocketException // ConnectException, NoRouteToHostException, reset...
                    || c instanceof SocketTimeoutException
                    || c instanceof ClosedChannelException
                    || c instanceof TimeoutException
                    || c instanceof ClosedConnectionException
                    || c instanceof DnsNameResolverException) {
                return true;
            }
            if (c instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().matches("57P0[123]"))) {
                return true;
            }
            if (c instanceof NoStackTraceThrowable && POOL_TIMEOUT.equals(c.getMessage())
                    || c instanceof VertxException && POOL_WAIT_TIMEOUT.equals(c.getMessage())) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** The pool's failures when no connection came in time (vertx-sql-client has no type for them). */
    private static final String POOL_TIMEOUT = "Timeout";
    private static final String POOL_WAIT_TIMEOUT = "Timeout waiting for connection";
}
