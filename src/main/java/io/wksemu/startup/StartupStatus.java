package io.wksemu.startup;

import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where the start stands: whether migrations and the seed folder have been loaded ({@code io.wksemu.StoreStartup}).
 * Until then the instance is not ready, and requests that arrive meanwhile wait for the outcome
 * ({@code io.wksemu.gateway.GatewayRoutes}).
 */
@Singleton
public class StartupStatus {

    private final CompletableFuture<Void> outcome = new CompletableFuture<>();

    public void markFinished() {
        outcome.complete(null);
    }

    /** The start failed; the process is stopping. */
    public void markFailed(Throwable failure) {
        outcome.completeExceptionally(failure);
    }

    /** Whether the start has finished, and not failed. */
    public boolean finished() {
        return outcome.isDone() && !outcome.isCompletedExceptionally();
    }

    /**
     * Runs {@code action} with null once the start has finished, or with the failure once it has failed: at
     * once when that is known already, else on the thread that settles it.
     */
    public void whenSettled(Consumer<Throwable> action) {
        outcome.whenComplete((ignored, failure) -> action.accept(failure));
    }
}
