package io.wksemu.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** Which failures answer WKS.00000003 (database unreachable) rather than WKS.00000001. */
class DatabaseOutageClassificationTest {

    @Test
    void unreachableOrGoingAwayDatabases() {
        assertTrue(ErrorMapper.isDatabaseOutage(new ConnectException("Connection refused")));
        assertTrue(ErrorMapper.isDatabaseOutage(new RuntimeException(new ConnectException("connection timed out"))));
        assertTrue(ErrorMapper.isDatabaseOutage(new VertxException("Timeout waiting for connection", true)));
        assertTrue(ErrorMapper.isDatabaseOutage(new io.vertx.core.impl.NoStackTraceThrowable("Timeout")));
        assertTrue(ErrorMapper.isDatabaseOutage(pg("08006")));
        assertTrue(ErrorMapper.isDatabaseOutage(pg("57P01")), "terminating connection due to administrator command");
        assertTrue(ErrorMapper.isDatabaseOutage(pg("57P02")), "crash shutdown");
        assertTrue(ErrorMapper.isDatabaseOutage(pg("57P03")), "the database system is starting up / shutting down");
    }

    @Test
    void otherFailuresAreInternalErrors() {
        assertFalse(ErrorMapper.isDatabaseOutage(pg("42P01")), "undefined table");
        assertFalse(ErrorMapper.isDatabaseOutage(pg("57014")), "query canceled");
        assertFalse(ErrorMapper.isDatabaseOutage(new IllegalStateException("bug")));
    }

    private static PgException pg(String sqlState) {
        return new PgException("message", "FATAL", sqlState, null);
    }
}
