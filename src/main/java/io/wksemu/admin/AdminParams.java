package io.wksemu.admin;

import io.wksemu.error.DomainException;
import io.wksemu.fixture.TextRules;
import java.util.Locale;

/** Query and path parameters of the admin API, checked by the same text rules as fixture documents. */
final class AdminParams {

    private AdminParams() {
    }

    /** An optional project id: null when absent, else it must be a valid one (400 otherwise). */
    static String optionalProjectId(String value) {
        return value == null ? null : projectId(value);
    }

    static String projectId(String value) {
        if (!TextRules.projectId(value)) {
            throw DomainException.invalid("project_id: " + TextRules.PROJECT_ID_RULE);
        }
        return value;
    }

    static String resourceId(String value) {
        if (!TextRules.resourceId(value)) {
            throw DomainException.invalid("resource_id: " + TextRules.RESOURCE_ID_RULE);
        }
        return value;
    }

    /** {@code true} or {@code false} (any case); absent is false. */
    static boolean flag(String value, String name) {
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw DomainException.invalid(name + ": must be true or false");
        };
    }
}
