package io.wksemu.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Which failures answer WKS.00000003 (database unreachable) rather than WKS.00000001. */
class DatabaseOutageClassificationTest {

    @Test
    void unreachableOrGoingAwayDatabases() {
        assertTrue(StoreOutage.isOutage(new ConnectException("Connection refused")));
        assertTrue(StoreOutage.isOutage(new RuntimeException(new ConnectException("connection timed out"))));
        assertTrue(StoreOutage.isOutage(new VertxException("Timeout waiting for connection", true)));
        assertTrue(StoreOutage.isOutage(new io.vertx.core.impl.NoStackTraceThrowable("Timeout")));
        assertTrue(StoreOutage.isOutage(pg("08006")));
        assertTrue(StoreOutage.isOutage(pg("57P01")), "terminating connection due to administrator command");
        assertTrue(StoreOutage.isOutage(pg("57P02")), "crash shutdown");
        assertTrue(StoreOutage.isOutage(pg("57P03")), "the database system is starting up / shutting down");
    }

    @Test
    void aDatabaseHostThatNoLongerResolvesOrRoutesIsAnOutageWhateverTheMessage() {
        assertTrue(StoreOutage.isOutage(new UnknownHostException("postgres")));
        assertTrue(StoreOutage.isOutage(new RuntimeException("failed", new UnknownHostException("postgres: Name does not resolve"))));
        assertTrue(StoreOutage.isOutage(new VertxException(new UnknownHostException("db.example"))));
        assertTrue(StoreOutage.isOutage(new NoRouteToHostException("No route to host")));
        assertTrue(StoreOutage.isOutage(new PortUnreachableException("x")));
        assertTrue(StoreOutage.isOutage(new java.net.SocketException("Connection reset")));
        assertTrue(StoreOutage.isOutage(new java.nio.channels.ClosedChannelException()));
        assertTrue(StoreOutage.isOutage(new io.vertx.core.impl.NoStackTraceTimeoutException("resolve")));
        assertTrue(StoreOutage.isOutage(io.vertx.sqlclient.ClosedConnectionException.INSTANCE));
    }

    @Test
    void otherFailuresAreInternalErrors() {
        assertFalse(StoreOutage.isOutage(pg("42P01")), "undefined table");
        assertFalse(StoreOutage.isOutage(pg("57014")), "query canceled");
        assertFalse(StoreOutage.isOutage(new IllegalStateException("bug")));
        assertFalse(StoreOutage.isOutage(new IllegalStateException("Connection pool exhausted by a bug")),
                "a message about connections is not a type");
    }

    private static PgException pg(String sqlState) {
        return new PgException("message", "FATAL", sqlState, null);
    }
}
