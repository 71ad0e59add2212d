package io.wksemu.testcontainers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixture document, built in code: the emulator's fixture format (docs/fixtures.md). Instants and
 * days are given as {@link Instant}/{@link LocalDate} or as the format's text, relative ones included
 * ({@code now-PT5H}, {@code today-3d}, {@code today-1d+09:00}), which the emulator resolves against its clock
 * at load time.
 * <pre>{@code
 * Fixture fixture = Fixture.project("p1")
 *         .desktop("d1", "dev-01")
 *         .session("d1", "alice", "today-1d+09:00", "today-1d+12:00")
 *         .dailyUsage("d1", "today-3d", 3600)
 *         .loginFailure("d1", "alice", "today-1d+08:59");
 * }</pre>
 * {@link #project(String)} on a fixture starts the next project of the same document.
 */
public final class Fixture {

    private final List<Map<String, Object>> projects = new ArrayList<>();
    private Map<String, Object> current;

    private Fixture() {
    }

    /** A document whose first project is {@code projectId}. */
    public static Fixture project(String projectId) {
        return new Fixture().andProject(projectId);
    }

    /** Starts another project of this document; what follows adds to it. */
    public Fixture andProject(String projectId) {
        current = new LinkedHashMap<>();
        current.put("project_id", projectId);
        current.put("desktops", new ArrayList<>());
        current.put("sessions", new ArrayList<>());
        current.put("daily_usage", new ArrayList<>());
        current.put("login_failures", new ArrayList<>());
        projects.add(current);
        return this;
    }

    public Fixture desktop(String resourceId, String resourceName) {
        return desktop(resourceId, resourceName, null, (String) null);
    }

    /**
     * A desktop with its pool (null: none) and creation instant (null: defaulted to its earliest use in the
     * document, or the load time).
     */
    public Fixture desktop(String resourceId, String resourceName, String resourcePoolId, String createdAt) {
        return add("desktops", "resource_id", resourceId, "resource_name", resourceName,
                "resource_pool_id", resourcePoolId, "created_at", createdAt);
    }

    public Fixture desktop(String resourceId, String resourceName, String resourcePoolId, Instant createdAt) {
        return desktop(resourceId, resourceName, resourcePoolId, createdAt.toString());
    }

    /** A finished session. */
    public Fixture session(String resourceId, String userName, String loginAt, String logoutAt) {
        return add("sessions", "resource_id", resourceId, "user_name", userName, "login_at", loginAt, "logout_at", logoutAt);
    }

    public Fixture session(String resourceId, String userName, Instant loginAt, Instant logoutAt) {
        return session(resourceId, userName, loginAt.toString(), logoutAt.toString());
    }

    /** A session still open. */
    public Fixture openSession(String resourceId, String userName, String loginAt) {
        return session(resourceId, userName, loginAt, null);
    }

    /** A day's point set directly, in seconds (aggregation never overwrites it). */
    public Fixture dailyUsage(String resourceId, String day, long usageSeconds) {
        return add("daily_usage", "resource_id", resourceId, "day", day, "usage_seconds", usageSeconds);
    }

    public Fixture dailyUsage(String resourceId, LocalDate day, long usageSeconds) {
        return dailyUsage(resourceId, day.toString(), usageSeconds);
    }

    /** A failed login attempt (the users endpoint's {@code user_login_fail_count}). */
    public Fixture loginFailure(String resourceId, String userName, String at) {
        return add("login_failures", "resource_id", resourceId, "user_name", userName, "at", at);
    }

    public Fixture loginFailure(String resourceId, String userName, Instant at) {
        return loginFailure(resourceId, userName, at.toString());
    }

    /** The document as the emulator reads it; empty lists are left out. */
    Map<String, Object> document() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> project : projects) {
            Map<String, Object> copy = new LinkedHashMap<>();
            project.forEach((key, value) -> {
                if (!(value instanceof List<?> list) || !list.isEmpty()) {
                    copy.put(key, value);
                }
            });
            out.add(copy);
        }
        return Map.of("projects", out);
    }

    /** The document as JSON, e.g. to write it into a file of a seed folder. */
    public String toJson() {
        return Json.write(document());
    }

    /** Adds an entry of {@code key, value, ...} pairs to a list of the current project; null values are left out. */
    @SuppressWarnings("unchecked")
    private Fixture add(String list, Object... keysAndValues) {
        Map<String, Object> entry = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                entry.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        ((List<Map<String, Object>>) current.get(list)).add(entry);
        return this;
    }
}
