package io.wksemu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wksemu.Fixtures;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded database as the container image runs it (store.EmbeddedDatabase), played with the machine's
 * PostgreSQL binaries: one process answers the seed with nothing beside it, a postmaster that dies is an
 * outage the emulator recovers from without losing what was committed, SIGTERM stops both, the data stays
 * across restarts, and a configured DB_HOST means no embedded database at all. PostgreSQL refuses to run as
 * root, so as root the emulator runs as the machine's postgres user, as the image runs it as uid 185.
 */
class EmbeddedDatabaseIT {

    private static final String SEED_PROJECT = "0b5c3a1d9e8f4b7a8c6d5e4f3a2b1c0d";
    private static final String LAST_30_DAYS = "/v2/" + SEED_PROJECT + "/statistics/metrics/desktops?start_time="
            + LocalDate.now(ZoneOffset.UTC).minusDays(30) + "T00:00:00Z&end_time=" + LocalDate.now(ZoneOffset.UTC)
            + "T00:00:00Z";

    private final List<Path> made = new ArrayList<>();

    @AfterEach
    void removeTheDataDirectories() throws IOException {
        for (Path dir : made) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void oneProcessServesTheSeedKeepsItsDataAndStopsItsDatabase() throws Exception {
        Path data = ownedDirectory().resolve("data");
        Map<String, String> env = embedded(data);
        String project = "emb" + System.nanoTime();
        try (AppProcess app = AppProcess.start(env, launcher())) {
            assertTrue(app.log().contains("initialising the embedded PostgreSQL's data directory " + data), app.log());
            HttpResponse<String> seeded = app.get(LAST_30_DAYS, "X-Auth-Token", "any");
            assertEquals(200, seeded.statusCode(), seeded.body());
            assertTrue(seeded.body().startsWith("{\"count\":5,"), seeded.body());
            HttpResponse<String> loaded = app.send("POST", "/_emulator/fixtures", Fixtures.project(project)
                    .desktop("d1", "kept", "today-3d").json());
            assertEquals(200, loaded.statusCode(), loaded.body());

            // the postmaster dies: the store is out, then back without a restart of the emulator
            ProcessHandle.of(postmasterPid(data)).orElseThrow().destroyForcibly();
            assertTrue(readinessSeen(app, 503, 5), "readiness never went red");
            assertTrue(readinessSeen(app, 200, 20), "not ready again after the postmaster was restarted:\n" + app.log());
            assertTrue(app.log().contains("the embedded PostgreSQL exited with status 137; starting it again"), app.log());
            assertTrue(export(app, project).contains("\"resource_name\":\"kept\""), "committed data lost");
            long postmaster = postmasterPid(data);

            app.close();
            assertEquals(143, app.exitStatus(0), app.log());
            assertFalse(Files.exists(data.resolve("postmaster.pid")), "PostgreSQL was not shut down cleanly");
            assertFalse(Files.exists(Path.of("/proc", String.valueOf(postmaster))), "the postmaster outlived the emulator");
            assertTrue(app.log().contains("database system is shut down"), app.log());
        }
        try (AppProcess again = AppProcess.start(env, launcher())) {
            assertFalse(again.log().contains("initialising"), again.log());
            assertTrue(export(again, project).contains("\"resource_name\":\"kept\""), "data lost across a restart");
        }
    }

    @Test
    void aConfiguredDatabaseHostMeansNoEmbeddedDatabase() throws Exception {
        Path data = ownedDirectory().resolve("data");
        Map<String, String> env = new HashMap<>(Map.of(
                "EMULATOR_EMBEDDED_DATABASE", data.toString(),
                "DB_HOST", System.getenv().getOrDefault("DB_HOST", "localhost")));
        try (AppProcess app = AppProcess.start(env, launcher())) {
            assertEquals(200, app.get("/q/health/ready").statusCode());
            assertFalse(app.log().contains("embedded PostgreSQL"), app.log());
            assertFalse(Files.exists(data), "a data directory was made");
        }
    }

    private static Map<String, String> embedded(Path data) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("EMULATOR_EMBEDDED_DATABASE", data.toString());
        env.put("DB_PORT", String.valueOf(AppProcess.freePort()));
        env.put("DB_HOST", null);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", null);
        env.put("EMULATOR_SEED_DIR", Path.of("seed").toAbsolutePath().toString());
        return env;
    }

    /** As root, the emulator runs as the postgres user (PostgreSQL refuses root); otherwise as it is. */
    private static List<String> launcher() throws IOException {
        return isRoot() ? List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups") : List.of();
    }

    /** A directory the emulator's user may write in, removed after the test. */
    private Path ownedDirectory() throws IOException {
        Path dir = Files.createTempDirectory("wksemu-embedded");
        made.add(dir);
        if (isRoot()) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
        }
        return dir;
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static boolean readinessSeen(AppProcess app, int status, int seconds) throws Exception {
        Instant deadline = Instant.now().plusSeconds(seconds);
        while (Instant.now().isBefore(deadline)) {
            if (app.get("/q/health/ready").statusCode() == status) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static String export(AppProcess app, String project) throws Exception {
        HttpResponse<String> exported = app.get("/_emulator/fixtures?project_id=" + project);
        assertEquals(200, exported.statusCode(), exported.body());
        return exported.body();
    }
}
