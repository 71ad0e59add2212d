package io.wksemu.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every call of the admin client against the packaged emulator (URL mode of the extension), exact values. */
@WksEmuTest
class WksEmuAdminTest {

    private static final Instant NOW = Instant.parse("2026-11-05T09:00:00Z");
    private static final String SEED_PROJECT = WksEmuContainer.SEED_PROJECT_ID;

    @AfterEach
    void backToSystemTime(WksEmuAdmin admin) {
        admin.resetClock();
        admin.clearFaults();
    }

    @Test
    void theClockFreezesAdvancesAggregatingTheDaysItMadeDueAndGoesBack(WksEmuAdmin admin) {
        Clock frozen = admin.freezeClock(Instant.parse("2026-11-03T09:00:00Z"));
        assertEquals(Instant.parse("2026-11-03T09:00:00Z"), frozen.now());
        assertEquals("fixed", frozen.mode());
        assertTrue(frozen.frozen());
        assertEquals("UTC", frozen.zone());
        assertEquals(Instant.parse("2026-11-04T02:00:00Z"), frozen.nextAggregation());

        Clock advanced = admin.advanceClock(Duration.ofHours(26));
        assertEquals(Instant.parse("2026-11-04T11:00:00Z"), advanced.now());
        assertEquals(List.of(LocalDate.parse("2026-11-03")), advanced.aggregatedDays());
        assertEquals(advanced.now(), admin.clock().now());
        assertEquals(List.of(), admin.clock().aggregatedDays());

        Clock running = admin.runClockFrom(Instant.parse("2026-11-04T12:00:00Z"));
        assertEquals("offset", running.mode());
        assertFalse(running.frozen());

        assertEquals("system", admin.resetClock().mode());
    }

    @Test
    void aFixtureBuiltInCodeLoadsExportsAndLoadsBack(WksEmuInfo emulator, WksEmuAdmin admin) throws Exception {
        admin.freezeClock(NOW);
        String p = emulator.projectId();
        Fixture fixture = Fixture.project(p)
                .desktop("d1", "dev-01")
                .desktop("d2", "dev-02", "pool-1", "2026-10-01T00:00:00Z")
                .session("d1", "alice", "today-2d+09:00", "today-2d+12:00")
                .dailyUsage("d2", LocalDate.parse("2026-11-01"), 3600)
                .loginFailure("d1", "alice", "today-2d+08:59");
        assertEquals(new LoadResult(1, 2, 1, 1, 1), admin.loadFixture(fixture, true));

        HttpResponse<String> usage = Api.desktops(emulator,
                "start_time=2026-11-01T00:00:00Z&end_time=2026-11-05T00:00:00Z&sort_field=desktop_usage&sort_type=DESC");
        assertEquals(200, usage.statusCode(), usage.body());
        assertTrue(usage.body().startsWith("{\"count\":2,\"items\":[{\"resource_id\":\"d1\",\"resource_name\":\"dev-01\","
                + "\"metric\":[{\"metric_name\":\"desktop_usage\",\"metric_value\":10800.0}"), usage.body());

        String exported = admin.exportProject(p);
        assertTrue(exported.contains("\"resource_pool_id\":\"pool-1\""), exported);
        assertTrue(exported.contains("\"login_at\":\"2026-11-03T09:00:00Z\""), exported);
        assertEquals(new LoadResult(1, 2, 1, 1, 1), admin.loadFixtureJson(exported, true));
        assertEquals(exported, admin.exportProject(p));
        assertTrue(admin.exportAll().contains("\"project_id\":\"" + p + "\""));

        WksEmuException bad = assertThrows(WksEmuException.class,
                () -> admin.loadFixture(Fixture.project(p).dailyUsage("d1", "today-1d", 90000), false));
        assertEquals(400, bad.status());
        assertEquals("EMU.0400", bad.errorCode());
        assertEquals("Invalid fixture: projects[0].daily_usage[0].usage_seconds: required integer from 0 to 86400",
                bad.errorMsg());
    }

    @Test
    void fixturesLoadFromAFileAndFromTheClasspath(WksEmuInfo emulator, WksEmuAdmin admin, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("fixture.json");
        Files.writeString(file, Fixture.project(emulator.projectId()).desktop("f1", "from-a-file").toJson());
        assertEquals(new LoadResult(1, 1, 0, 0, 0), admin.loadFixture(file, false));
        assertEquals("from-a-file", admin.desktops(emulator.projectId()).desktops().get(0).resourceName());

        assertEquals(new LoadResult(1, 1, 0, 1, 0), admin.loadFixtureResource("fixtures/one-desktop.json", true));
        assertEquals("from-the-classpath", admin.desktops("resource-fixture").desktops().get(0).resourceName());
        admin.wipeProject("resource-fixture");
    }

    @Test
    void liveLoginsOpenAndCloseSessionsAtTheClocksNow(WksEmuInfo emulator, WksEmuAdmin admin) {
        String p = emulator.projectId();
        admin.freezeClock(NOW);
        admin.loadFixture(Fixture.project(p).desktop("d1", "dev-01", null, "today-10d"), true);

        Session opened = admin.login(p, "d1", "bob");
        assertEquals(new Session(p, "d1", "bob", NOW, null), opened);
        DesktopPage page = admin.desktops(p);
        assertEquals(1, page.count());
        assertEquals(new DesktopPage.OpenSession("bob", NOW), page.desktops().get(0).openSession());
        assertEquals(Instant.parse("2026-10-26T00:00:00Z"), page.desktops().get(0).createdAt());

        WksEmuException inUse = assertThrows(WksEmuException.class, () -> admin.login(p, "d1"));
        assertEquals(409, inUse.status());
        assertEquals("EMU.0409", inUse.errorCode());

        admin.advanceClock(Duration.ofHours(2));
        assertEquals(new Session(p, "d1", "bob", NOW, NOW.plusSeconds(7200)), admin.logout(p, "d1"));
        assertNull(admin.desktops(p).desktops().get(0).openSession());

        assertEquals(new LoginFailure(p, "d1", "carol", NOW.plusSeconds(7200)), admin.failedLogin(p, "d1", "carol"));
        assertEquals(new Session(p, "d1", "emulator-user", NOW.plusSeconds(7200), null), admin.login(p, "d1"));

        WksEmuException unknown = assertThrows(WksEmuException.class, () -> admin.login(p, "nope"));
        assertEquals(404, unknown.status());
        assertEquals("EMU.0404", unknown.errorCode());
    }

    @Test
    void daysAggregateOnRequestAndAreListed(WksEmuInfo emulator, WksEmuAdmin admin) throws Exception {
        String p = emulator.projectId();
        Instant wallStart = Instant.now().minusSeconds(1);
        admin.freezeClock(NOW);
        admin.loadFixture(Fixture.project(p).desktop("d1", "dev-01", null, "today-10d")
                .session("d1", "alice", "2026-11-03T09:00:00Z", "2026-11-03T12:00:00Z"), true);
        List<AggregatedDay> days = admin.aggregate(LocalDate.parse("2026-11-03"));
        assertEquals(1, days.size());
        assertEquals(LocalDate.parse("2026-11-03"), days.get(0).day());
        assertTrue(days.get(0).points() >= 1, days.toString());
        assertEquals(List.of(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03")),
                admin.aggregate(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03")).stream()
                        .map(AggregatedDay::day).toList());
        AggregationRecord record = admin.aggregatedDays().stream()
                .filter(d -> d.day().equals(LocalDate.parse("2026-11-03"))).findFirst().orElseThrow();
        assertTrue(record.runs() >= 2, record.toString());
        assertTrue(record.aggregatedAt().isAfter(wallStart), record.toString()); // when it ran, on the wall clock

        WksEmuException notDue = assertThrows(WksEmuException.class, () -> admin.aggregate(LocalDate.parse("2026-11-05")));
        assertEquals(400, notDue.status());
        assertEquals("EMU.0400", notDue.errorCode());
        assertTrue(notDue.errorMsg().contains("2026-11-06T02:00:00Z"), notDue.errorMsg());
    }

    @Test
    void faultsAreInjectedListedServedAndCleared(WksEmuInfo emulator, WksEmuAdmin admin) throws Exception {
        Fault fault = admin.injectFault(FaultSpec.status(503).errorCode("WKS.00000001").errorMsg("Service unavailable.")
                .count(2).project(emulator.projectId()));
        assertEquals(new Fault(fault.id(), 503, "WKS.00000001", "Service unavailable.", 0, 2, emulator.projectId()), fault);
        assertEquals(List.of(fault), admin.faults());

        HttpResponse<String> failed = Api.desktops(emulator, "start_time=2026-11-01T00:00:00Z&end_time=2026-11-05T00:00:00Z");
        assertEquals(503, failed.statusCode());
        assertTrue(failed.body().startsWith("{\"error_code\":\"WKS.00000001\",\"error_msg\":\"Service unavailable.\""),
                failed.body());
        assertEquals(1, admin.faults().get(0).remaining());
        assertEquals(1, admin.clearFaults());
        assertEquals(List.of(), admin.faults());

        Fault slow = admin.injectFault(FaultSpec.delay(Duration.ofMillis(300)).project(emulator.projectId()));
        assertNull(slow.status());
        assertEquals(300, slow.delayMs());
        assertEquals(1, slow.remaining());
        WksEmuException none = assertThrows(WksEmuException.class, () -> admin.injectFault(FaultSpec.status(200)));
        assertEquals(400, none.status());
        assertEquals("EMU.0400", none.errorCode());
    }

    @Test
    void theJournalIsReadFilteredVerifiedAndCleared(WksEmuInfo emulator, WksEmuAdmin admin) throws Exception {
        admin.clearRequests();
        String window = "start_time=2026-11-01T00:00:00Z&end_time=2026-11-05T00:00:00Z";
        Api.desktops(emulator, window + "&sort_field=desktop_usage");
        Api.desktops(emulator, window + "&sort_field=desktop_idle_duration&limit=5");
        RequestPattern queries = RequestPattern.desktopQueries(emulator.projectId());

        List<RequestEntry> entries = admin.requests(queries);
        assertEquals(2, entries.size());
        assertEquals("GET", entries.get(0).method());
        assertEquals(List.of("desktop_idle_duration"), entries.get(0).queryParameter("sort_field"));
        assertEquals(200, entries.get(0).status());
        assertTrue(entries.get(0).requestId().matches("[0-9a-f]{32}"), entries.get(0).requestId());
        admin.verify(1, RequestPattern.desktopQueries(emulator.projectId()).queryParameter("sort_field", "desktop_usage"));
        admin.verify(2, RequestPattern.any().project(emulator.projectId()).pathEndsWith("/metrics/desktops").status(200));
        assertEquals(0, admin.countRequests(RequestPattern.userQueries(emulator.projectId())));

        AssertionError mismatch = assertThrows(AssertionError.class, () -> admin.verify(3, queries));
        assertTrue(mismatch.getMessage().startsWith("expected 3 requests project=" + emulator.projectId()
                + " path=/v2/" + emulator.projectId() + "/statistics/metrics/desktops, found 2: GET /v2/"), mismatch.getMessage());

        assertEquals(2, admin.clearRequests());
        assertEquals(List.of(), admin.requests());
    }

    @Test
    void projectsAreListedWipedAndReseeded(WksEmuInfo emulator, WksEmuAdmin admin) {
        String p = emulator.projectId();
        admin.freezeClock(NOW);
        admin.loadFixture(Fixture.project(p).desktop("d1", "a").desktop("d2", "b")
                .session("d1", "alice", "today-1d+09:00", "today-1d+10:00"), true);
        ProjectSummary summary = admin.projects().stream().filter(s -> s.projectId().equals(p)).findFirst().orElseThrow();
        assertEquals(new ProjectSummary(p, 2, 1, 0, 1), summary); // one day point: d1's use on the due day
        DesktopPage second = admin.desktops(p, 1, 1);
        assertEquals(2, second.count());
        assertEquals("d2", second.desktops().get(0).resourceId());

        admin.wipeProject(p);
        assertTrue(admin.projects().stream().noneMatch(s -> s.projectId().equals(p)));
        WksEmuException gone = assertThrows(WksEmuException.class, () -> admin.desktops(p));
        assertEquals(404, gone.status());

        admin.resetClock();
        assertEquals(new LoadResult(1, 5, 4, 9, 1), admin.reseedProject(SEED_PROJECT));
        assertEquals(5, admin.desktops(SEED_PROJECT).count());
    }

    @Test
    void withoutTheAdminTokenEveryCallIsRefusedWithTheEmulatorsError(WksEmuInfo emulator) {
        WksEmuException refused = assertThrows(WksEmuException.class, () -> WksEmuAdmin.connect(emulator.endpoint()).clock());
        assertEquals(401, refused.status());
        assertEquals("EMU.0401", refused.errorCode());
        WksEmuException wrong = assertThrows(WksEmuException.class,
                () -> WksEmuAdmin.connect(emulator.endpoint()).withAdminToken("not-it").faults());
        assertEquals(401, wrong.status());
    }
}
