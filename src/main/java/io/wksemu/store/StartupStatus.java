package io.wksemu.store;

import jakarta.inject.Singleton;

/** Whether startup (migrations, then the seed folder) has finished; until then the instance is not ready. */
@Singleton
public class StartupStatus {

    private volatile boolean finished;

    public void markFinished() {
        finished = true;
    }

    public boolean finished() {
        return finished;
    }
}
