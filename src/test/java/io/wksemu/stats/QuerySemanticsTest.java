package io.wksemu.stats;

import static io.wksemu.TestSupport.freezeClock;
import static io.wksemu.TestSupport.load;
import static io.wksemu.TestSupport.newProject;
import static io.wksemu.TestSupport.query;
import static io.wksemu.TestSupport.queryAll;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.wksemu.TestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The result semantics of SEMANTICS.md section 2 over data loaded through fixtures. */
@QuarkusTest
class QuerySemanticsTest {

    private String project;

    @BeforeEach
    void freeze() {
        freezeClock(TestSupport.NOW);
        project = newProject();
    }

    private void desktopsWithUsage(String desktops, String usage) {
        load("""
                {"projects": [{"project_id": "%s", "desktops": [%s], "daily_usage": [%s]}]}
                """.formatted(project, desktops, usage));
    }

    @Test
    void retentionWindowHoldsDay180ButNotDay181() {
        desktopsWithUsage("""
                {"resource_id": "d1", "resource_name": "old", "created_at": "today-300d"}""", """
                {"resource_id": "d1", "day": "2025-12-17", "usage_seconds": 100},
                {"resource_id": "d1", "day": "2025-12-16", "usage_seconds": 20000}""");
        queryAll(project).statusCode(200)
                .body("count", equalTo(1))
                .body("items[0].metric[0].metric_value", equalTo(100.0f))
                // idle from 2025-12-18 to 2026-06-14 inclusive: 179 days
                .body("items[0].metric[1].metric_value", equalTo(179 * 86400.0f));
    }

    @Test
    void yesterdayIsInvisibleBefore0200AndVisibleAfter() {
        desktopsWithUsage("""
                {"resource_id": "d1", "resource_name": "desk", "created_at": "today-10d"}""", """
                {"resource_id": "d1", "day": "2026-06-14", "usage_seconds": 3600},
                {"resource_id": "d1", "day": "2026-06-13", "usage_seconds": 60}""");
        freezeClock("2026-06-15T01:59:59Z");
        queryAll(project).body("items[0].metric[0].metric_value", equalTo(60.0f))
                .body("items[0].metric[1].metric_value", equalTo(0.0f));
        freezeClock("2026-06-15T02:00:00Z");
        queryAll(project).body("items[0].metric[0].metric_value", equalTo(3660.0f));
    }

    @Test
    void aRangeWithoutADayStampIsEmpty() {
        desktopsWithUsage("""
                {"resource_id": "d1", "resource_name": "desk", "created_at": "today-10d"}""", """
                {"resource_id": "d1", "day": "2026-06-10", "usage_seconds": 3600}""");
        query(project, "start_time", "2026-06-10T00:00:00Z", "end_time", "2026-06-10T23:59:58Z")
                .statusCode(200).body("count", equalTo(0)).body("items.size()", equalTo(0));
        query(project, "start_time", "2026-06-10T23:59:59Z", "end_time", "2026-06-10T23:59:59Z")
                .statusCode(200).body("count", equalTo(1)).body("items[0].metric[0].metric_value", equalTo(3600.0f));
        // offsets shift the instants: 2026-06-11T07:59:59+08:00 is the stamp of 06-10
        query(project, "start_time", "2026-06-11T07:59:59+08:00", "end_time", "2026-06-11T07:59:59.5+08:00")
                .body("count", equalTo(1));
    }

    @Test
    void poolAndNonPoolDesktopsSerializeAsSpecified() {
        desktopsWithUsage("""
                {"resource_id": "d1", "resource_name": "alpha", "created_at": "2026-06-13T08:00:00Z"},
                {"resource_id": "d2", "resource_name": "beta", "resource_pool_id": "pool-1", "created_at": "2026-06-14T00:00:00Z"}""", """
                {"resource_id": "d1", "day": "2026-06-13", "usage_seconds": 7200}""");
        String body = queryAll(project).statusCode(200).extract().asString();
        assertEquals("{\"count\":2,\"items\":["
                + "{\"resource_id\":\"d1\",\"resource_name\":\"alpha\",\"metric\":["
                + "{\"metric_name\":\"desktop_usage\",\"metric_value\":7200.0},"
                + "{\"metric_name\":\"desktop_idle_duration\",\"metric_value\":86400.0}]},"
                + "{\"resource_id\":\"d2\",\"resource_pool_id\":\"pool-1\",\"resource_name\":\"beta\",\"metric\":["
                + "{\"metric_name\":\"desktop_usage\",\"metric_value\":0.0},"
                + "{\"metric_name\":\"desktop_idle_duration\",\"metric_value\":86400.0}]}]}", body);
    }

    @Test
    void idleDaysCountTrailingUnusedDaysInsideTheWindow() {
        desktopsWithUsage("""
                {"resource_id": "busy", "resource_name": "busy", "created_at": "today-30d"},
                {"resource_id": "lapsed", "resource_name": "lapsed", "created_at": "today-30d"},
                {"resource_id": "never", "resource_name": "never", "created_at": "today-30d"},
                {"resource_id": "new", "resource_name": "new", "created_at": "today-2d"}""", """
                {"resource_id": "busy", "day": "today-1d", "usage_seconds": 10},
                {"resource_id": "lapsed", "day": "today-5d", "usage_seconds": 20},
                {"resource_id": "lapsed", "day": "today-8d", "usage_seconds": 30}""");
        // window 06-05 .. 06-14 (ten days)
        query(project, "start_time", "2026-06-05T00:00:00Z", "end_time", "2026-06-15T00:00:00Z",
                "sort_field", "desktop_idle_duration", "sort_type", "ASC")
                .body("items.resource_id", contains("busy", "new", "lapsed", "never"))
                .body("items.metric.flatten().findAll { it.metric_name == 'desktop_idle_duration' }.metric_value",
                        contains(0.0f, 2 * 86400.0f, 4 * 86400.0f, 10 * 86400.0f))
                .body("items.metric.flatten().findAll { it.metric_name == 'desktop_usage' }.metric_value",
                        contains(10.0f, 0.0f, 50.0f, 0.0f));
        // the window ends before lapsed's last use: its idle days count back from the window's end
        query(project, "start_time", "2026-06-05T00:00:00Z", "end_time", "2026-06-10T23:59:59Z",
                "resource_name", "lapsed")
                .body("items[0].metric[0].metric_value", equalTo(50.0f))
                .body("items[0].metric[1].metric_value", equalTo(0.0f));
        // a desktop created after the window has no point in it and is not listed
        query(project, "start_time", "2026-06-05T00:00:00Z", "end_time", "2026-06-10T23:59:59Z")
                .body("count", equalTo(3));
    }

    @Test
    void filtersOnIdleDaysAndUsageHoursAreInclusive() {
        desktopsWithUsage("""
                {"resource_id": "a", "resource_name": "a", "created_at": "today-10d"},
                {"resource_id": "b", "resource_name": "b", "created_at": "today-10d"},
                {"resource_id": "c", "resource_name": "c", "created_at": "today-10d"}""", """
                {"resource_id": "a", "day": "today-1d", "usage_seconds": 7200},
                {"resource_id": "b", "day": "today-3d", "usage_seconds": 3600},
                {"resource_id": "c", "day": "today-3d", "usage_seconds": 3599}""");
        queryAll(project, "usage_min_hours", 1, "usage_max_hours", 2).body("items.resource_id", contains("a", "b"));
        queryAll(project, "usage_max_hours", 1).body("items.resource_id", contains("b", "c"));
        queryAll(project, "min_idle_days", 2).body("items.resource_id", contains("b", "c"));
        queryAll(project, "min_idle_days", 0, "max_idle_days", 0).body("items.resource_id", contains("a"));
        queryAll(project, "min_idle_days", 2, "max_idle_days", 2).body("count", equalTo(2));
        queryAll(project, "min_idle_days", 3, "max_idle_days", 2).body("count", equalTo(0));
    }

    @Test
    void sortsByMetricWithTiesByIdAndDefaultsToNameOrder() {
        desktopsWithUsage("""
                {"resource_id": "id-3", "resource_name": "zeta", "created_at": "today-10d"},
                {"resource_id": "id-1", "resource_name": "alpha", "created_at": "today-10d"},
                {"resource_id": "id-2", "resource_name": "alpha", "created_at": "today-10d"},
                {"resource_id": "id-0", "resource_name": "mid", "created_at": "today-10d"}""", """
                {"resource_id": "id-3", "day": "today-2d", "usage_seconds": 500},
                {"resource_id": "id-1", "day": "today-2d", "usage_seconds": 100},
                {"resource_id": "id-2", "day": "today-2d", "usage_seconds": 100}""");
        queryAll(project).body("items.resource_id", contains("id-1", "id-2", "id-0", "id-3"));
        queryAll(project, "sort_field", "desktop_usage").body("items.resource_id", contains("id-3", "id-1", "id-2", "id-0"));
        queryAll(project, "sort_field", "desktop_usage", "sort_type", "ASC")
                .body("items.resource_id", contains("id-0", "id-1", "id-2", "id-3"));
        queryAll(project, "sort_field", "desktop_idle_duration", "sort_type", "DESC")
                .body("items.resource_id", contains("id-0", "id-1", "id-2", "id-3"));
    }

    @Test
    void pagingReturnsEachDesktopExactlyOnceInOrder() {
        StringBuilder desktops = new StringBuilder();
        StringBuilder usage = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            desktops.append(i == 0 ? "" : ",").append("""
                    {"resource_id": "d%02d", "resource_name": "desk", "created_at": "today-5d"}""".formatted(i));
            usage.append(i == 0 ? "" : ",").append("""
                    {"resource_id": "d%02d", "day": "today-1d", "usage_seconds": %d}""".formatted(i, (i % 5) * 60));
        }
        desktopsWithUsage(desktops.toString(), usage.toString());
        for (String sort : List.of("", "desktop_usage")) {
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < 30; offset += 10) {
                var page = sort.isEmpty() ? queryAll(project, "offset", offset, "limit", 10)
                        : queryAll(project, "offset", offset, "limit", 10, "sort_field", sort);
                List<String> ids = page.statusCode(200).body("count", equalTo(25)).extract().path("items.resource_id");
                seen.addAll(ids);
            }
            List<String> expected = new ArrayList<>();
            if (sort.isEmpty()) {
                for (int i = 0; i < 25; i++) {
                    expected.add("d%02d".formatted(i));
                }
            } else {
                for (int u = 4; u >= 0; u--) {
                    for (int i = u; i < 25; i += 5) {
                        expected.add("d%02d".formatted(i));
                    }
                }
            }
            assertEquals(expected, seen);
        }
        queryAll(project, "offset", 25).body("count", equalTo(25)).body("items.size()", equalTo(0));
        queryAll(project).body("items.size()", equalTo(10));
    }

    @Test
    void resourceNameMatchesCaseInsensitiveSubstringsWithWildcardsTakenLiterally() {
        desktopsWithUsage("""
                {"resource_id": "d1", "resource_name": "Sales%Desk", "created_at": "today-5d"},
                {"resource_id": "d2", "resource_name": "salesXdesk", "created_at": "today-5d"},
                {"resource_id": "d3", "resource_name": "ops_01", "created_at": "today-5d"},
                {"resource_id": "d4", "resource_name": "opsA01", "created_at": "today-5d"},
                {"resource_id": "d5", "resource_name": "back\\\\slash", "created_at": "today-5d"}""", "");
        queryAll(project, "resource_name", "s%d").body("items.resource_id", contains("d1"));
        queryAll(project, "resource_name", "SALES").body("items.resource_id", contains("d1", "d2"));
        queryAll(project, "resource_name", "s_0").body("items.resource_id", contains("d3"));
        queryAll(project, "resource_name", "%").body("items.resource_id", contains("d1"));
        queryAll(project, "resource_name", "k\\s").body("items.resource_id", contains("d5"));
    }

    @Test
    void anUnknownProjectIsAnEmptyResult() {
        queryAll(newProject()).statusCode(200).body("count", equalTo(0)).body("items.size()", equalTo(0));
    }

    @Test
    void aWriteIsVisibleToTheNextQuery() {
        desktopsWithUsage("""
                {"resource_id": "d1", "resource_name": "desk", "created_at": "today-5d"}""", """
                {"resource_id": "d1", "day": "today-2d", "usage_seconds": 60}""");
        queryAll(project).body("items[0].metric[0].metric_value", equalTo(60.0f));
        desktopsWithUsage("", """
                {"resource_id": "d1", "day": "today-2d", "usage_seconds": 120}""");
        queryAll(project).body("items[0].metric[0].metric_value", equalTo(120.0f));
    }
}
