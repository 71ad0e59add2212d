package io.wksemu.api;

import io.wksemu.error.ApiException;
import io.wksemu.stats.MetricsQuery;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The validation rules of SEMANTICS.md section 2, checked in the order of the parameter table; the first
 * broken rule is the answer. A parameter given several times counts with its first value.
 */
public final class MetricsQueryParser {

    private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** The written form of ISO_OFFSET_DATE_TIME (SEMANTICS.md section 2): four-digit years only, no sign. */
    private static final Pattern INSTANT = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?([Zz]|[+-][0-9]{2}(:[0-9]{2}(:[0-9]{2})?)?)");
    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_TIME_LENGTH = 32;
    private static final int MAX_NAME_LENGTH = 64;
    private static final int MAX_IDLE_DAYS = 180;
    static final int MAX_INT = 2147483646;
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 10;

    private MetricsQueryParser() {
    }

    /** {@code param} returns a parameter's first value, or null when it is absent. */
    public static MetricsQuery parse(String projectId, Function<String, String> param) {
        projectId(projectId);
        Instant start = time("start_time", param.apply("start_time"));
        Instant end = time("end_time", param.apply("end_time"));
        ordered(start, end);
        String name = param.apply("resource_name");
        if (name != null && (name.isEmpty() || name.length() > MAX_NAME_LENGTH)) {
            throw ApiException.invalid("resource_name", "must be 1-" + MAX_NAME_LENGTH + " characters.");
        }
        if (name != null && hasControlCharacter(name)) {
            throw ApiException.invalid("resource_name", "must not contain control characters.");
        }
        Integer minIdle = integer("min_idle_days", param.apply("min_idle_days"), 0, MAX_IDLE_DAYS);
        Integer maxIdle = integer("max_idle_days", param.apply("max_idle_days"), 0, MAX_IDLE_DAYS);
        Integer usageMin = integer("usage_min_hours", param.apply("usage_min_hours"), 0, MAX_INT);
        Integer usageMax = integer("usage_max_hours", param.apply("usage_max_hours"), 0, MAX_INT);
        usageOrdered(usageMin, usageMax);
        MetricsQuery.SortField sortField = sortField(param.apply("sort_field"));
        MetricsQuery.SortType sortType = sortType(param.apply("sort_type"));
        if (sortType != null && sortField == null) {
            throw ApiException.invalid("sort_type", "must be used together with sort_field.");
        }
        Integer offset = integer("offset", param.apply("offset"), 0, MAX_INT);
        Integer limit = integer("limit", param.apply("limit"), 1, MAX_LIMIT);
        return new MetricsQuery(start, end, name, minIdle, maxIdle, usageMin, usageMax, sortField,
                sortType == null ? MetricsQuery.SortType.DESC : sortType,
                offset == null ? 0 : offset, limit == null ? DEFAULT_LIMIT : limit);
    }

    // The rules below are shared with UserMetricsQueryParser: both endpoints word them the same way.

    static void projectId(String projectId) {
        if (projectId == null || !PROJECT_ID.matcher(projectId).matches()) {
            throw ApiException.invalid("project_id", "must be 1-64 letters, digits, '-' or '_'.");
        }
    }

    static void ordered(Instant start, Instant end) {
        if (start.isAfter(end)) {
            throw ApiException.invalid("start_time", "must not be later than end_time.");
        }
    }

    static void usageOrdered(Integer usageMin, Integer usageMax) {
        if (usageMin != null && usageMax != null && usageMax < usageMin) {
            throw ApiException.invalid("usage_max_hours", "must be greater than or equal to usage_min_hours.");
        }
    }

    static Instant time(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.missing(name);
        }
        if (value.length() > MAX_TIME_LENGTH) {
            throw ApiException.invalid(name, "must be 1-" + MAX_TIME_LENGTH + " characters.");
        }
        try {
            if (!INSTANT.matcher(value).matches()) {
                throw new DateTimeException(value);
            }
            return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeException e) {
            throw ApiException.invalid(name, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z.");
        }
    }

    static Integer integer(String name, String value, int min, int max) {
        if (value == null) {
            return null;
        }
        String rule = "must be an integer from " + min + " to " + max + ".";
        // ASCII digits only: Long.parseLong would also take a sign and any script's digits ('+5', '٥', '５')
        if (!ASCII_DIGITS.matcher(value).matches()) {
            throw ApiException.invalid(name, rule);
        }
        String digits = value.replaceFirst("^0+(?=.)", "");
        long parsed = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (parsed < min || parsed > max) {
            throw ApiException.invalid(name, rule);
        }
        return (int) parsed;
    }

    /** U+0000-U+001F and U+007F (SEMANTICS.md section 7): they never reach the store. */
    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static MetricsQuery.SortField sortField(String value) {
        if (value == null) {
            return null;
        }
        for (MetricsQuery.SortField f : MetricsQuery.SortField.values()) {
            if (f.wireName().equals(value)) {
                return f;
            }
        }
        throw ApiException.invalid("sort_field", "must be desktop_usage or desktop_idle_duration.");
    }

    static MetricsQuery.SortType sortType(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "ASC" -> MetricsQuery.SortType.ASC;
            case "DESC" -> MetricsQuery.SortType.DESC;
            default -> throw ApiException.invalid("sort_type", "must be ASC or DESC.");
        };
    }
}
