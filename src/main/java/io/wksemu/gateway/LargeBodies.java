package io.wksemu.gateway;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets requests with a large body (over {@link #LARGE} bytes, or chunked) in one at a time: reading a body
 * of megabytes and binding it (a fixture document of 100,000 desktops takes tens of megabytes of heap for a
 * moment) must not happen for several clients at once, or together they would exhaust the heap that any one
 * of them fits in (SEMANTICS.md section 7). A request that waits is paused, so its body stays in the network
 * until its turn; requests with small bodies never wait. The permit is returned when the exchange ends,
 * however it ends.
 */
final class LargeBodies {

    /** Bodies up to this size go straight in. */
    static final long LARGE = 1024 * 1024;

    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private boolean busy;

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

    /** Runs {@code proceed} on the request's context once the request holds the permit. */
    void admit(RoutingContext rc, Runnable proceed) {
        Context context = Vertx.currentContext();
        Runnable enter = () -> {
            if (rc.response().closed() || rc.response().ended()) {
                release(); // the client left while waiting
                return;
            }
            // the exchange ends with its response, or with its connection (a client leaving mid-body)
            AtomicBoolean held = new AtomicBoolean(true);
            Runnable giveBack = () -> {
                if (held.getAndSet(false)) {
                    release();
                }
            };
            rc.addEndHandler(ended -> giveBack.run());
            rc.response().closeHandler(closed -> giveBack.run());
            proceed.run(); // reads the body, which resumes the request
        };
        boolean now;
        synchronized (this) {
            now = !busy;
            if (now) {
                busy = true;
            } else {
                rc.request().pause();
                waiting.add(context == null ? enter : () -> context.runOnContext(ignored -> enter.run()));
            }
        }
        if (now) {
            enter.run();
        }
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                busy = false;
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
