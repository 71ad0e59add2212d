package io.wksemu.testcontainers.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.workspace.v2.WorkspaceClient;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricRequest;
import com.huaweicloud.sdk.workspace.v2.model.ListDesktopUsageMetricResponse;
import io.wksemu.testcontainers.FaultSpec;
import io.wksemu.testcontainers.Fixture;
import io.wksemu.testcontainers.RequestPattern;
import io.wksemu.testcontainers.WksEmuAdmin;
import io.wksemu.testcontainers.WksEmuInfo;
import io.wksemu.testcontainers.WksEmuTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's "In your Java tests" example: the official SDK against the emulator of @WksEmuTest. */
@WksEmuTest
class UsageReportExampleTest {

    @AfterEach
    void systemTime(WksEmuAdmin admin) {
        admin.resetClock();
    }

    @Test
    void yesterdaysUseAppearsAfterTheNightlyAggregation(WksEmuInfo emulator, WksEmuAdmin admin) {
        // a session of three hours on 3 November, loaded with the clock frozen after it
        admin.freezeClock(Instant.parse("2026-11-03T13:00:00Z"));
        admin.loadFixture(Fixture.project(emulator.projectId())
                .desktop("d1", "dev-01", null, "2026-10-01T00:00:00Z")
                .session("d1", "alice", "2026-11-03T09:00:00Z", "2026-11-03T12:00:00Z"), true);

        WorkspaceClient client = WorkspaceClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(emulator.accessKey()).withSk(emulator.secretKey())
                        .withProjectId(emulator.projectId()))
                .withEndpoints(List.of(emulator.endpoint()))
                .build();
        ListDesktopUsageMetricRequest request = new ListDesktopUsageMetricRequest()
                .withStartTime("2026-11-01T00:00:00Z").withEndTime("2026-11-04T00:00:00Z");

        // before 02:00 of the next day the day is not aggregated: no use yet
        assertEquals(0.0, usage(client.listDesktopUsageMetric(request)));
        // past 02:00 the job has run (the clock's move aggregates what it made due)
        admin.advanceClock(Duration.ofHours(14));
        assertEquals(10800.0, usage(client.listDesktopUsageMetric(request)));
        admin.verify(2, RequestPattern.desktopQueries(emulator.projectId()).status(200));

        // the next answer fails as the real service can
        admin.injectFault(FaultSpec.status(503).errorCode("WKS.00000001").errorMsg("Service unavailable.")
                .project(emulator.projectId()));
        ServiceResponseException failure = assertThrows(ServiceResponseException.class,
                () -> client.listDesktopUsageMetric(request));
        assertEquals(503, failure.getHttpStatusCode());
        assertEquals("WKS.00000001", failure.getErrorCode());
        assertEquals("Service unavailable.", failure.getErrorMsg());
    }

    private static double usage(ListDesktopUsageMetricResponse response) {
        assertEquals(1, response.getCount());
        return response.getItems().get(0).getMetric().get(0).getMetricValue(); // desktop_usage, seconds
    }
}
