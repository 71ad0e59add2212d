package io.wksemu.contract;

import static io.wksemu.TestSupport.freezeClock;
import static io.wksemu.TestSupport.load;
import static io.wksemu.TestSupport.newProject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.DesktopMetric;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricResponse;
import com.huaweicloud.sdk.workspace.v2.model.ListUserUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListUserUsageMetricResponse;
import com.huaweicloud.sdk.workspace.v2.model.UserMetric;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wksemu.SdkClients;
import io.wksemu.TestSupport;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official Huawei Cloud SDK as the consumer: what it sends, we accept; what we answer, it parses. */
@QuarkusTest
class SdkContractTest {

    @TestHTTPResource("/")
    URL root;

    private String project;
    private WorkspaceClient client;

    @BeforeEach
    void setUp() {
        freezeClock(TestSupport.NOW);
        project = newProject();
        client = SdkClients.workspace("http://" + root.getHost() + ":" + root.getPort(), "AKEXAMPLE", "SKEXAMPLE", project);
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [
                    {"resource_id": "d1", "resource_name": "dev-01", "created_at": "today-30d"},
                    {"resource_id": "d2", "resource_name": "pool-01", "resource_pool_id": "pool-a", "created_at": "today-30d"}],
                  "daily_usage": [
                    {"resource_id": "d1", "day": "today-3d", "usage_seconds": 3600},
                    {"resource_id": "d1", "day": "today-2d", "usage_seconds": 1800},
                    {"resource_id": "d2", "day": "today-1d", "usage_seconds": 900}]}]}
                """.formatted(project));
    }

    /** A client of another project, holding sessions of two users. */
    private WorkspaceClient usersClient() {
        String users = newProject();
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [
                    {"resource_id": "d1", "resource_name": "dev-01", "created_at": "today-30d"},
                    {"resource_id": "d2", "resource_name": "dev-02", "created_at": "today-30d"}],
                  "sessions": [
                    {"resource_id": "d1", "user_name": "alice", "login_at": "today-3d+09:00", "logout_at": "today-3d+11:00"},
                    {"resource_id": "d2", "user_name": "alice", "login_at": "today-3d+10:00", "logout_at": "today-3d+11:00"},
                    {"resource_id": "d1", "user_name": "Bob", "login_at": "today-1d+09:00", "logout_at": "today-1d+09:30"}],
                  "login_failures": [{"resource_id": "d2", "user_name": "alice", "at": "today-2d+08:00"}]}]}
                """.formatted(users));
        return SdkClients.workspace("http://" + root.getHost() + ":" + root.getPort(), "AKEXAMPLE", "SKEXAMPLE", users);
    }

    /** A user's metrics as "name=value", in the order the SDK parsed them. */
    private static List<String> figures(UserMetric user) {
        return user.getMetric().stream().map(m -> m.getMetricName() + "=" + m.getMetricValue()).toList();
    }

    @Test
    void listUserUsageMetricReturnsTheAggregatedFigures() {
        ListUserUsageMetricResponse response = usersClient().listUserUsageMetric(new ListUserUsageMetricRequest()
                .withStartTime("2026-05-01T00:00:00Z").withEndTime("2026-06-15T00:00:00Z")
                .withSortField("user_usage").withSortType("DESC").withLimit(10).withOffset(0));
        assertEquals(200, response.getHttpStatusCode());
        assertEquals(2, response.getCount());
        assertEquals("alice", response.getItems().get(0).getUsername());
        // two hours on d1 and one on d2 at the same time add up
        assertEquals(List.of("user_usage=10800.0", "user_login_count=3.0", "user_login_success_count=2.0",
                "user_login_fail_count=1.0"), figures(response.getItems().get(0)));
        assertEquals("Bob", response.getItems().get(1).getUsername());
        assertEquals(List.of("user_usage=1800.0", "user_login_count=1.0", "user_login_success_count=1.0",
                "user_login_fail_count=0.0"), figures(response.getItems().get(1)));
    }

    @Test
    void userFiltersSentByTheSdkApply() {
        ListUserUsageMetricResponse response = usersClient().listUserUsageMetric(new ListUserUsageMetricRequest()
                .withStartTime("2026-05-01T00:00:00Z").withEndTime("2026-06-15T00:00:00Z")
                .withUsername("BO").withUsageMinHours(0).withUsageMaxHours(1));
        assertEquals(1, response.getCount());
        assertEquals("Bob", response.getItems().get(0).getUsername());
    }

    @Test
    void aBadUserQuerySurfacesAsClientRequestExceptionWithOurCodeAndTheRequestId() {
        ClientRequestException e = assertThrows(ClientRequestException.class, () -> client.listUserUsageMetric(
                new ListUserUsageMetricRequest().withStartTime("2026-05-01T00:00:00Z")
                        .withEndTime("2026-06-15T00:00:00Z").withSortField("desktop_usage")));
        assertEquals(400, e.getHttpStatusCode());
        assertEquals("WKS.0002", e.getErrorCode());
        assertEquals("Invalid parameter sort_field: must be user_usage.", e.getErrorMsg());
        assertTrue(e.getRequestId() != null && e.getRequestId().matches("[0-9a-f]{32}"), e.getRequestId());
    }

    @Test
    void listDesktopUsageMetricReturnsTheStoredNumbers() {
        ListDesktopUsageMetricResponse response = client.listDesktopUsageMetric(new ListDesktopUsageMetricRequest()
                .withStartTime("2026-05-01T00:00:00Z").withEndTime("2026-06-15T00:00:00Z")
                .withSortField("desktop_usage").withSortType("DESC").withLimit(10).withOffset(0));
        assertEquals(200, response.getHttpStatusCode());
        assertEquals(2, response.getCount());
        List<DesktopMetric> items = response.getItems();
        DesktopMetric first = items.get(0);
        assertEquals("d1", first.getResourceId());
        assertEquals("dev-01", first.getResourceName());
        assertNull(first.getResourcePoolId());
        assertEquals("desktop_usage", first.getMetric().get(0).getMetricName());
        assertEquals(5400.0, first.getMetric().get(0).getMetricValue());
        assertEquals("desktop_idle_duration", first.getMetric().get(1).getMetricName());
        assertEquals(86400.0, first.getMetric().get(1).getMetricValue());
        DesktopMetric second = items.get(1);
        assertEquals("pool-a", second.getResourcePoolId());
        assertEquals(900.0, second.getMetric().get(0).getMetricValue());
        assertEquals(0.0, second.getMetric().get(1).getMetricValue());
    }

    @Test
    void filtersSentByTheSdkApply() {
        ListDesktopUsageMetricResponse response = client.listDesktopUsageMetric(new ListDesktopUsageMetricRequest()
                .withStartTime("2026-05-01T00:00:00Z").withEndTime("2026-06-15T00:00:00Z")
                .withResourceName("POOL").withMinIdleDays(0).withMaxIdleDays(0));
        assertEquals(1, response.getCount());
        assertEquals("d2", response.getItems().get(0).getResourceId());
    }

    @Test
    void aBadParameterSurfacesAsClientRequestExceptionWithOurCodeAndTheRequestId() {
        ClientRequestException e = assertThrows(ClientRequestException.class, () -> client.listDesktopUsageMetric(
                new ListDesktopUsageMetricRequest().withStartTime("2026-05-01T00:00:00Z")
                        .withEndTime("2026-06-15T00:00:00Z").withLimit(101)));
        assertEquals(400, e.getHttpStatusCode());
        assertEquals("WKS.0002", e.getErrorCode());
        assertEquals("Invalid parameter limit: must be an integer from 1 to 100.", e.getErrorMsg());
        assertTrue(e.getRequestId() != null && e.getRequestId().matches(TestSupport.REQUEST_ID), e.getRequestId());
    }
}
