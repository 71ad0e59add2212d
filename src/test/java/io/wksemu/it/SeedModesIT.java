package io.wksemu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed at start (SEMANTICS.md section 6): {@code reset} replaces the seed's projects, so restarting on
 * another day never piles up relative sessions; {@code missing} leaves a stored project alone; {@code off}
 * loads nothing; the default folder is found next to the packaged jar whatever the working directory; a
 * configured folder that does not exist stops the start with a clear message; a reseed from an invalid seed
 * folder changes nothing. Restarts share the tests'
 * database, so this test assumes no other client moves the clock while it runs (failsafe runs ITs one by one).
 */
class SeedModesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The project of seed/default.json, with its four relative sessions. */
    private static final String SEED_PROJECT = "0b5c3a1d9e8f4b7a8c6d5e4f3a2b1c0d";
    private static final String EXPORT = "/_emulator/fixtures?project_id=" + SEED_PROJECT;

    private static JsonNode export(AppProcess app) throws Exception {
        var response = app.get(EXPORT);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("projects").path(0);
    }

    private static void advanceOneDay(AppProcess app) throws Exception {
        assertEquals(200, app.send("POST", "/_emulator/clock/advance", "{\"by\":\"P1D\"}").statusCode());
    }

    @Test
    void restartsReplaceTheSeedInsteadOfPilingItUp() throws Exception {
        Path elsewhere = Files.createTempDirectory("wksemu-cwd"); // no seed/ here: the jar's home must be used
        JsonNode first;
        try (AppProcess app = AppProcess.start(Map.of(), elsewhere)) {
            assertEquals(200, app.send("PUT", "/_emulator/clock", "{\"now\":\"2026-06-15T12:00:00Z\",\"frozen\":true}").statusCode());
            // reseed follows the same rule: the seed resolved against the clock now, nothing piled up
            assertEquals(200, app.send("DELETE", "/_emulator/state?project_id=" + SEED_PROJECT + "&reseed=true", null).statusCode());
            first = export(app);
            assertEquals(4, first.path("sessions").size(), first.toString());
            assertEquals("2026-06-14T09:00:00Z", first.path("sessions").path(0).path("login_at").asText());
            advanceOneDay(app);
        }
        JsonNode second;
        try (AppProcess app = AppProcess.start(Map.of("EMULATOR_SEED_MODE", "reset"), elsewhere)) {
            second = export(app);
            assertEquals(4, second.path("sessions").size(), second.toString());
            assertEquals("2026-06-15T09:00:00Z", second.path("sessions").path(0).path("login_at").asText());
            advanceOneDay(app);
        }
        try (AppProcess app = AppProcess.start(Map.of("EMULATOR_SEED_MODE", "missing"), elsewhere)) {
            assertEquals(second, export(app), "missing: a stored seed project is left as it is");
            assertEquals(200, app.send("DELETE", "/_emulator/state?project_id=" + SEED_PROJECT, null).statusCode());
        }
        try (AppProcess app = AppProcess.start(Map.of("EMULATOR_SEED_MODE", "off"), elsewhere)) {
            assertEquals(404, app.get(EXPORT).statusCode(), "off: nothing seeded");
            assertEquals(200, app.send("DELETE", "/_emulator/clock", null).statusCode());
        }
        try (AppProcess app = AppProcess.start(Map.of("EMULATOR_SEED_MODE", "missing"), elsewhere)) {
            JsonNode reloaded = export(app);
            assertEquals(4, reloaded.path("sessions").size(), "missing: an absent seed project is loaded");
            assertNotEquals(first, reloaded);
        }
    }

    @Test
    void aReseedFromAnInvalidSeedFolderLeavesTheStoredDataIntact() throws Exception {
        Path seedDir = Files.createTempDirectory("wksemu-seed");
        Path seedFile = seedDir.resolve("default.json");
        Files.copy(Path.of("seed", "default.json"), seedFile);
        String other = "p" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (AppProcess app = AppProcess.start(Map.of("EMULATOR_SEED_DIR", seedDir.toString(), "EMULATOR_AUTH_MODE", "off"))) {
            assertEquals(200, app.send("PUT", "/_emulator/clock", "{\"now\":\"2026-06-15T12:00:00Z\",\"frozen\":true}").statusCode());
            assertEquals(200, app.send("DELETE", "/_emulator/state?project_id=" + SEED_PROJECT + "&reseed=true", null).statusCode());
            assertEquals(200, app.send("POST", "/_emulator/fixtures", "{\"projects\":[{\"project_id\":\"" + other
                    + "\",\"desktops\":[{\"resource_id\":\"d1\",\"resource_name\":\"kept\"}]}]}").statusCode());
            JsonNode seeded = export(app);
            assertEquals(5, seeded.path("desktops").size(), seeded.toString());
            String otherBefore = app.get("/_emulator/fixtures?project_id=" + other).body();
            String query = "/v2/" + SEED_PROJECT + "/statistics/metrics/desktops?start_time=2025-01-01T00:00:00Z"
                    + "&end_time=2026-12-31T00:00:00Z&limit=100";
            String queried = app.get(query).body();
            assertTrue(queried.startsWith("{\"count\":5,"), queried);

            // a file that does not parse: refused before anything is touched
            Files.writeString(seedFile, "{\"projects\": [");
            String notJson = "{\"error_code\":\"EMU.0400\",\"error_msg\":\"Seed file " + seedFile
                    + ": Invalid fixture: Invalid JSON at line 1, column 15: the document ends too early.\"}";
            assertRefusedAndNothingChanged(app, notJson, seeded, other, otherBefore, query, queried);

            // a file that parses but names a desktop it does not list: refused inside the reseed's transaction
            Files.writeString(seedFile, "{\"projects\":[{\"project_id\":\"" + SEED_PROJECT + "\",\"desktops\":[],"
                    + "\"sessions\":[{\"resource_id\":\"ghost\",\"user_name\":\"u\",\"login_at\":\"today-1d+09:00\","
                    + "\"logout_at\":\"today-1d+10:00\"}]}]}");
            String unknownDesktop = "{\"error_code\":\"EMU.0400\",\"error_msg\":\"Seed file " + seedFile + ": Invalid fixture: project "
                    + SEED_PROJECT + " sessions[0].resource_id: unknown desktop; list it under desktops\"}";
            assertRefusedAndNothingChanged(app, unknownDesktop, seeded, other, otherBefore, query, queried);
        }
    }

    private static void assertRefusedAndNothingChanged(AppProcess app, String error, JsonNode seeded, String other,
            String otherBefore, String query, String queried) throws Exception {
        for (String reseed : new String[] {"/_emulator/state?reseed=true",
                "/_emulator/state?project_id=" + SEED_PROJECT + "&reseed=true"}) {
            var refused = app.send("DELETE", reseed, null);
            assertEquals(400, refused.statusCode(), reseed + ": " + refused.body());
            assertEquals(error, refused.body(), reseed);
            assertEquals(seeded, export(app), reseed);
            assertEquals(otherBefore, app.get("/_emulator/fixtures?project_id=" + other).body(), reseed);
            assertEquals(queried, app.get(query).body(), reseed);
        }
    }

    @Test
    void aConfiguredSeedFolderThatDoesNotExistStopsTheStart() throws Exception {
        Path missing = Files.createTempDirectory("wksemu-seed").resolve("not-there");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> AppProcess.start(Map.of("EMULATOR_SEED_DIR", missing.toString())).close());
        assertTrue(failure.getMessage().contains("The seed folder " + missing
                + " (emulator.seed-dir / EMULATOR_SEED_DIR) does not exist or is not a folder"), failure.getMessage());
    }
}
