package io.wksemu.admin;

/**
 * The dashboard: static files of the jar (META-INF/resources/_emulator/ui), open without the admin token; the
 * page holds no data and asks for the token before it calls the admin API.
 */
public final class DashboardPage {

    private DashboardPage() {
    }

    public static final String PAGE = "/_emulator/ui/";

    /** Whether the path is one of the dashboard's static files, which need no admin token. */
    public static boolean isPage(String path) {
        return path != null && path.startsWith(PAGE);
    }
}
