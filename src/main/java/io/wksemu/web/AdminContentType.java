package io.wksemu.web;

import io.vertx.ext.web.RoutingContext;
import io.wksemu.error.Surface;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Admin bodies are JSON whatever {@code Content-Type} says (SEMANTICS.md section 7): a missing, different or
 * malformed type (or charset) is read as {@code application/json}, so no client meets a framework's
 * content negotiation on the admin API.
 */
final class AdminContentType {

    private AdminContentType() {
    }


    /** The front's last stage: an admin body's type is JSON, whatever the client said. */
    static void jsonWhateverItSays(RoutingContext rc) {
        if (Surface.of(rc) == Surface.ADMIN) {
            rc.request().headers().set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        rc.next();
    }
}
