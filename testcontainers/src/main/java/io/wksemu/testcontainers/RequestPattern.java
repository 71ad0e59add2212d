package io.wksemu.testcontainers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which journal entries to count or list: by project, method, path (exact, or ending with a suffix such as
 * {@code /metrics/desktops}), status and query parameters. {@code RequestPattern.any().project(p)
 * .pathEndsWith("/statistics/metrics/desktops").queryParameter("sort_field", "desktop_usage")}.
 */
public final class RequestPattern implements Predicate<RequestEntry> {

    private String projectId;
    private String method;
    private String path;
    private String pathSuffix;
    private Integer status;
    private final Map<String, String> query = new LinkedHashMap<>();

    private RequestPattern() {
    }

    public static RequestPattern any() {
        return new RequestPattern();
    }

    /** The desktops endpoint of a project. */
    public static RequestPattern desktopQueries(String projectId) {
        return any().project(projectId).path("/v2/" + projectId + "/statistics/metrics/desktops");
    }

    /** The users endpoint of a project. */
    public static RequestPattern userQueries(String projectId) {
        return any().project(projectId).path("/v2/" + projectId + "/statistics/metrics/users");
    }

    public RequestPattern project(String projectId) {
        this.projectId = projectId;
        return this;
    }

    public RequestPattern method(String method) {
        this.method = method;
        return this;
    }

    public RequestPattern path(String path) {
        this.path = path;
        return this;
    }

    public RequestPattern pathEndsWith(String suffix) {
        this.pathSuffix = suffix;
        return this;
    }

    public RequestPattern status(int status) {
        this.status = status;
        return this;
    }

    /** The parameter is present with this value (decoded). */
    public RequestPattern queryParameter(String name, String value) {
        query.put(name, value);
        return this;
    }

    String projectId() {
        return projectId;
    }

    @Override
    public boolean test(RequestEntry entry) {
        return (projectId == null || projectId.equals(entry.projectId()))
                && (method == null || method.equalsIgnoreCase(entry.method()))
                && (path == null || path.equals(entry.path()))
                && (pathSuffix == null || entry.path().endsWith(pathSuffix))
                && (status == null || status == entry.status())
                && query.entrySet().stream().allMatch(p -> entry.queryParameter(p.getKey()).contains(p.getValue()));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("requests");
        append(out, "project", projectId);
        append(out, "method", method);
        append(out, "path", path);
        append(out, "path ending", pathSuffix);
        append(out, "status", status);
        query.forEach((name, value) -> append(out, name, value));
        return out.toString();
    }

    private static void append(StringBuilder out, String name, Object value) {
        if (value != null) {
            out.append(' ').append(name).append('=').append(Objects.toString(value));
        }
    }
}
