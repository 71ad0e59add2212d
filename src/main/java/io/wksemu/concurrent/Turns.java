package io.wksemu.concurrent;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One holder at a time, the others in arrival order, without blocking a thread: a caller either takes the
 * turn at once or leaves an action that runs when the turn is given to it. Index builds and large request
 * bodies go through one each (stats.OneAtATime, gateway.LargeBodies): each holds memory in proportion to its
 * input for a moment, and several at once could exceed the heap that any one of them fits in.
 */
public final class Turns {

    /** On a thread running actions given the turn: the actions handed the turn meanwhile, to run next. */
    private static final ThreadLocal<Deque<Runnable>> RUNNING = new ThreadLocal<>();

    private final Deque<Runnable> queued = new ArrayDeque<>();
    private boolean taken;

    /**
     * Takes the turn if it is free (true: the caller holds it now, and gives it back with {@link #release}),
     * else queues {@code whenGiven} and answers false; {@code whenGiven} then runs, holding the turn, on the
     * thread that releases it before.
     */
    public synchronized boolean takeOrQueue(Runnable whenGiven) {
        if (!taken) {
            taken = true;
            return true;
        }
        queued.add(whenGiven);
        return false;
    }

    /**
     * Gives the turn to the first queued action, running it on this thread, or frees the turn. An action that
     * gives the turn back before it returns hands it on in a loop, not deeper on the stack: the actions given
     * the turn by a release inside an action run on this thread once that action has returned, in order.
     */
    public void release() {
        Runnable next;
        synchronized (this) {
            next = queued.poll();
            if (next == null) {
                taken = false;
                return;
            }
        }
        Deque<Runnable> handedOn = RUNNING.get();
        if (handedOn != null) {
            handedOn.add(next); // a release further down this thread's stack runs it
            return;
        }
        handedOn = new ArrayDeque<>();
        RUNNING.set(handedOn);
        try {
            for (Runnable action = next; action != null; action = handedOn.poll()) {
                action.run();
            }
        } finally {
            RUNNING.remove();
        }
    }

    /** Whether any action waits for the turn. */
    public synchronized boolean anyQueued() {
        return !queued.isEmpty();
    }

    /** How many actions wait for the turn. */
    public synchronized int queued() {
        return queued.size();
    }
}
