package io.wksemu.api;

import io.wksemu.error.ApiException;
import io.wksemu.stats.MetricsQuery;
import io.wksemu.stats.UserMetricsQuery;
import java.time.Instant;
import java.util.function.Function;

/**
 * The validation rules of SEMANTICS.md section 8, checked in its order: project_id, start_time, end_time
 * (start not after end), username, usage_min_hours, usage_max_hours (not below the minimum), sort_field,
 * sort_type (only with sort_field), offset, limit. The first broken rule is the answer; the rules the two
 * endpoints share are {@link MetricsQueryParser}'s, so they are worded the same way.
 */
public final class UserMetricsQueryParser {

    private static final int MAX_USERNAME_LENGTH = 64;

    private UserMetricsQueryParser() {
    }

    /** {@code param} returns a parameter's first value, or null when it is absent. */
    public static UserMetricsQuery parse(String projectId, Function<String, String> param) {
        MetricsQueryParser.projectId(projectId);
        Instant start = MetricsQueryParser.time("start_time", param.apply("start_time"));
        Instant end = MetricsQueryParser.time("end_time", param.apply("end_time"));
        MetricsQueryParser.ordered(start, end);
        String username = param.apply("username");
        if (username != null && username.length() > MAX_USERNAME_LENGTH) {
            throw ApiException.invalid("username", "must be 0-" + MAX_USERNAME_LENGTH + " characters.");
        }
        if (username != null && MetricsQueryParser.hasControlCharacter(username)) {
            throw ApiException.invalid("username", "must not contain control characters.");
        }
        Integer usageMin = MetricsQueryParser.integer("usage_min_hours", param.apply("usage_min_hours"), 0, MetricsQueryParser.MAX_INT);
        Integer usageMax = MetricsQueryParser.integer("usage_max_hours", param.apply("usage_max_hours"), 0, MetricsQueryParser.MAX_INT);
        MetricsQueryParser.usageOrdered(usageMin, usageMax);
        String sortField = param.apply("sort_field");
        if (sortField != null && !UserMetricsQuery.USER_USAGE.equals(sortField)) {
            throw ApiException.invalid("sort_field", "must be " + UserMetricsQuery.USER_USAGE + ".");
        }
        MetricsQuery.SortType sortType = MetricsQueryParser.sortType(param.apply("sort_type"));
        if (sortType != null && sortField == null) {
            throw ApiException.invalid("sort_type", "must be used together with sort_field.");
        }
        Integer offset = MetricsQueryParser.integer("offset", param.apply("offset"), 0, MetricsQueryParser.MAX_INT);
        Integer limit = MetricsQueryParser.integer("limit", param.apply("limit"), 1, MetricsQueryParser.MAX_LIMIT);
        return new UserMetricsQuery(start, end, username == null || username.isEmpty() ? null : username,
                usageMin, usageMax, sortField != null, sortType == null ? MetricsQuery.SortType.DESC : sortType,
                offset == null ? 0 : offset, limit == null ? MetricsQueryParser.DEFAULT_LIMIT : limit);
    }
}
