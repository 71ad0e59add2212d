package io.wksemu.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.wksemu.startup.StartupStatus;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once migrations and seed loading have finished and while PostgreSQL answers a {@code SELECT 1}
 * within {@link #TIMEOUT}. It replaces Quarkus' own datasource check, which waits up to 20 s on a database
 * that does not answer: longer than a probe's timeout.
 */
@Readiness
public class StoreReadiness implements AsyncHealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final String NAME = "database";

    private final Pool pool;
    private final StartupStatus startup;

    public StoreReadiness(Pool pool, StartupStatus startup) {
        this.pool = pool;
        this.startup = startup;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!startup.finished()) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).down()
                    .withData("reason", "migrations and seed not loaded yet").build());
        }
        return pool.withConnection(c -> c.query("SELECT 1").execute())
                .ifNoItem().after(TIMEOUT).fail()
                .map(rows -> HealthCheckResponse.named(NAME).up().build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", failure.getClass().getSimpleName()).build());
    }
}
