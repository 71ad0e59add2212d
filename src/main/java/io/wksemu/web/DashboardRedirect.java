package io.wksemu.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;
import io.wksemu.admin.DashboardPage;
import java.util.List;

/**
 * The dashboard's entrances: a browser (an {@code Accept} naming {@code text/html}) asking for {@code /} or
 * {@code /_emulator} is sent to {@value DashboardPage#PAGE}; any other client keeps the documented JSON 404 of
 * its surface.
 */
final class DashboardRedirect {

    private DashboardRedirect() {
    }

    /** The front's stage before the gateway's (a redirect is no call to the emulated API, so not journalled). */
    static void redirectBrowsers(RoutingContext rc) {
        String path;
        try {
            path = rc.normalizedPath();
        } catch (IllegalArgumentException malformed) {
            rc.next(); // a malformed target is the gateway's request error, answered next
            return;
        }
        if (path.equals("/_emulator/ui")) {
            redirect(rc);
        } else if ((path.equals("/") || path.equals("/_emulator") || path.equals("/_emulator/"))
                && (rc.request().method() == HttpMethod.GET || rc.request().method() == HttpMethod.HEAD)
                && wantsHtml(rc.parsedHeaders().accept())) {
            redirect(rc);
        } else {
            rc.next();
        }
    }

    /** Whether the Accept header names text/html (or XHTML) with a non-zero quality, as browsers send. */
    static boolean wantsHtml(List<MIMEHeader> accept) {
        // weight(), not isPermitted(): Vert.x 4.5's isPermitted() is true for a zero weight only
        return accept.stream().anyMatch(range -> range.weight() > 0 && (range.value().equalsIgnoreCase("text/html")
                || range.value().equalsIgnoreCase("application/xhtml+xml")));
    }

    private static void redirect(RoutingContext rc) {
        rc.response().setStatusCode(302).putHeader(HttpHeaders.LOCATION, DashboardPage.PAGE).putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
    }
}
