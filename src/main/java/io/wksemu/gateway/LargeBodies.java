package io.wksemu.gateway;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.wksemu.concurrent.Turns;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets requests with a large body (over {@link #LARGE} bytes, or chunked) in one at a time: reading a body
 * of megabytes and binding it (a fixture document of 100,000 desktops takes tens of megabytes of heap for a
 * moment) must not happen for several clients at once, or together they would exhaust the heap that any one
 * of them fits in (SEMANTICS.md section 7). A request that waits is paused, so its body stays in the network
 * until its turn; requests with small bodies never wait. The turn is given back when the exchange ends; a
 * client that leaves in the middle of its body does not always end the exchange, so while requests wait, the
 * holder's connection is also checked every {@link #CHECK_MS} ms.
 */
final class LargeBodies {

    /** Bodies up to this size go straight in. */
    static final long LARGE = 1024 * 1024;
    static final long CHECK_MS = 500;

    private final Turns turns = new Turns();
    /** The request that holds the turn, once it has entered. */
    private Turn holder;
    private boolean checking;

    /** The turn of one exchange, given back once. */
    private final class Turn {
        private final RoutingContext rc;
        private final AtomicBoolean held = new AtomicBoolean(true);

        Turn(RoutingContext rc) {
            this.rc = rc;
        }

        boolean over() {
            return rc.response().closed() || rc.response().ended();
        }

        void giveBack() {
            if (held.getAndSet(false)) {
                release();
            }
        }
    }

    static boolean isLarge(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        }
        try {
            return Long.parseLong(length.strip()) > LARGE;
        } catch (NumberFormatException e) {
            return false; // the codec refuses it
        }
    }

    /** Runs {@code proceed} on the request's context once the request holds the turn. */
    void admit(RoutingContext rc, Runnable proceed) {
        Context context = Vertx.currentContext();
        Runnable enter = () -> {
            Turn turn = new Turn(rc);
            synchronized (this) {
                holder = turn;
            }
            if (turn.over()) {
                turn.giveBack(); // the client left while waiting
                return;
            }
            rc.addEndHandler(ended -> turn.giveBack());
            proceed.run(); // reads the body, which resumes the request
        };
        // paused until its body handler reads the body, whether it waits for its turn or not
        rc.request().pause();
        boolean now = turns.takeOrQueue(context == null ? enter : () -> context.runOnContext(ignored -> enter.run()));
        boolean startChecking = false;
        if (!now) {
            synchronized (this) {
                startChecking = !checking && context != null;
                checking |= startChecking;
            }
        }
        if (now) {
            enter.run();
        } else if (startChecking) {
            context.owner().setPeriodic(CHECK_MS, id -> {
                Turn current;
                synchronized (this) {
                    if (!turns.anyQueued()) {
                        checking = false;
                        context.owner().cancelTimer(id);
                        return;
                    }
                    current = holder;
                }
                if (current != null && current.over()) {
                    current.giveBack();
                }
            });
        }
    }

    /** Requests waiting for the turn. */
    int waiting() {
        return turns.queued();
    }

    private void release() {
        synchronized (this) {
            holder = null;
        }
        turns.release();
    }
}
