package io.wksemu.admin;

import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;
import io.wksemu.error.ErrorMapper;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Admin bodies are JSON whatever {@code Content-Type} says (SEMANTICS.md section 7): a missing, different or
 * malformed type (or charset) is read as {@code application/json}, so no client meets a framework's
 * content negotiation on the admin API.
 */
@Singleton
public class AdminContentType {

    void install(@Observes StartupEvent ignored, Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(rc -> {
            if (ErrorMapper.isAdminPath(rc.normalizedPath())) {
                rc.request().headers().set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            }
            rc.next();
        });
    }
}
