package io.wksemu.web;

import io.vertx.ext.web.RoutingContext;
import io.wksemu.error.RequestIds;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The front's first stage: every exchange (emulated API, admin API, redirects and refusals before any
 * resource) gets its {@value RequestIds#HEADER}, 32 lowercase hex digits, the only place the official SDK
 * reads a request id from; error bodies repeat it ({@link RequestIds#of}).
 */
final class RequestIdStage {

    private static final HexFormat HEX = HexFormat.of();

    private RequestIdStage() {
    }

    static void assign(RoutingContext rc) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String id = HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
        RequestIds.attach(rc, id);
        rc.response().putHeader(RequestIds.HEADER, id);
        rc.next();
    }
}
