package io.wksemu.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The process serves HTTP. Deliberately independent of the database: an outage must make the instance
 * unready (no traffic), not dead (restarted), since it recovers by itself when the database returns.
 */
@Liveness
public class Live implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("wksemu");
    }
}
