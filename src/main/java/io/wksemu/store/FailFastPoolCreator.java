package io.wksemu.store;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pool Quarkus would build, with short waits: Vert.x waits 60 s for a TCP connect and 30 s for a free
 * connection by default, so a request during a database outage (a host that drops packets rather than
 * refusing them) would hang instead of answering WKS.00000003. Quarkus' configuration exposes neither.
 * <p>
 * Statements never run on the pool itself ({@code pool.query(...).execute()}): with a wait for a connection
 * set, vertx-sql-client 4.5 leaves that wait's timer armed when connecting fails, and the timer then reports
 * "Result is already complete" as an uncaught error every time during an outage
 * (eclipse-vertx/vertx-sql-client#1706). They run on a connection of {@code withConnection} or
 * {@code withTransaction}, whose wait is cancelled properly; {@code ArchitectureTest} keeps it so.
 */
@Singleton
public class FailFastPoolCreator implements PgPoolCreator {

    static final int CONNECT_TIMEOUT_MILLIS = 1500;
    static final int ACQUIRE_TIMEOUT_SECONDS = 2;

    @Override
    public Pool create(Input input) {
        PoolOptions pool = input.poolOptions()
                .setConnectionTimeout(ACQUIRE_TIMEOUT_SECONDS)
                .setConnectionTimeoutUnit(TimeUnit.SECONDS);
        List<PgConnectOptions> databases = input.pgConnectOptionsList();
        databases.forEach(options -> options.setConnectTimeout(CONNECT_TIMEOUT_MILLIS));
        return PgDriver.INSTANCE.createPool(input.vertx(), databases, pool);
    }
}
