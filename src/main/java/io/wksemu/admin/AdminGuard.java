package io.wksemu.admin;

import io.vertx.ext.web.RoutingContext;
import io.wksemu.config.EmulatorConfig;
import io.wksemu.error.ErrorCode;
import io.wksemu.error.Surface;
import io.wksemu.error.ErrorResponses;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * With {@code emulator.admin.token} set, every {@code /_emulator} route requires it in
 * {@value #HEADER} (SEMANTICS.md section 4); compared in constant time. The dashboard's static files are
 * open: the page asks for the token and sends it with every admin call.
 */
@Singleton
public class AdminGuard {

    public static final String HEADER = "X-Emulator-Admin-Token";

    private final byte[] expected;

    public AdminGuard(EmulatorConfig config) {
        this.expected = config.admin().token().filter(t -> !t.isEmpty()).map(t -> t.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    /** Whether a token is set: without one the admin API is open and this stage is not installed. */
    public boolean active() {
        return expected != null;
    }

    /** The front's stage for the admin surface: the token, or 401 EMU.0401. */
    public void check(RoutingContext rc) {
        String given = rc.request().getHeader(HEADER);
        if (Surface.of(rc) != Surface.ADMIN || DashboardPage.isPage(rc.normalizedPath())
                || given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            rc.next();
            return;
        }
        ErrorResponses.send(rc, ErrorCode.ADMIN_UNAUTHORIZED, ErrorCode.ADMIN_UNAUTHORIZED.message());
    }
}
