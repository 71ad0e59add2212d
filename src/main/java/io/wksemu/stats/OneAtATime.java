package io.wksemu.stats;

import io.smallrye.mutiny.Uni;
import io.wksemu.concurrent.Turns;
import java.util.function.Supplier;

/**
 * Runs asynchronous work one piece at a time, in arrival order, without blocking a thread ({@link Turns}).
 * Index builds go through one: each holds, for a moment, memory in proportion to its project (about 2.5 KiB
 * per desktop), and builds of several large projects at once could together exceed the heap that any one of
 * them fits in.
 */
final class OneAtATime {

    private final Turns turns = new Turns();

    /**
     * The work's outcome; the work starts when every piece submitted before it has ended and its outcome has
     * been delivered.
     */
    <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Runnable start = () -> {
                Uni<T> started;
                try {
                    started = work.get();
                } catch (RuntimeException e) {
                    try {
                        emitter.fail(e);
                    } finally {
                        turns.release();
                    }
                    return;
                }
                // the outcome is delivered before the next piece starts (an index reaches the cache first)
                started.subscribe().with(item -> {
                    try {
                        emitter.complete(item);
                    } finally {
                        turns.release();
                    }
                }, failure -> {
                    try {
                        emitter.fail(failure);
                    } finally {
                        turns.release();
                    }
                });
            };
            if (turns.takeOrQueue(start)) {
                start.run();
            }
        });
    }
}
