package io.wksemu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fixture documents for tests, built field by field so that names with quotes or non-ASCII characters are
 * escaped properly: {@code Fixtures.project(id).desktop("d1", "dev-01", "today-30d").usage("d1", "today-2d", 60).json()}.
 */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static Project project(String projectId) {
        return new Project(projectId);
    }

    /** One document holding several projects. */
    public static String document(Project... projects) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("projects");
        for (Project project : projects) {
            list.add(project.node);
        }
        return root.toString();
    }

    public static final class Project {

        private final ObjectNode node = JSON.createObjectNode();

        private Project(String projectId) {
            node.put("project_id", projectId);
        }

        private ArrayNode list(String name) {
            return node.has(name) ? (ArrayNode) node.get(name) : node.putArray(name);
        }

        public Project desktop(String resourceId, String resourceName, String createdAt) {
            return desktop(resourceId, resourceName, null, createdAt);
        }

        /** A desktop; a null pool or creation instant leaves the field out. */
        public Project desktop(String resourceId, String resourceName, String resourcePoolId, String createdAt) {
            ObjectNode desktop = list("desktops").addObject().put("resource_id", resourceId).put("resource_name", resourceName);
            if (resourcePoolId != null) {
                desktop.put("resource_pool_id", resourcePoolId);
            }
            if (createdAt != null) {
                desktop.put("created_at", createdAt);
            }
            return this;
        }

        public Project usage(String resourceId, String day, int usageSeconds) {
            list("daily_usage").addObject().put("resource_id", resourceId).put("day", day).put("usage_seconds", usageSeconds);
            return this;
        }

        /** A session; a null logout leaves it open. */
        public Project session(String resourceId, String userName, String loginAt, String logoutAt) {
            ObjectNode session = list("sessions").addObject().put("resource_id", resourceId).put("user_name", userName)
                    .put("login_at", loginAt);
            if (logoutAt != null) {
                session.put("logout_at", logoutAt);
            }
            return this;
        }

        /** The document holding this project alone. */
        public String json() {
            return document(this);
        }
    }
}
