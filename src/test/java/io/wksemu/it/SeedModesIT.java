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
 * configured folder that does not exist stops the start with a clear message. Restarts share the tests'
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
    void aConfiguredSeedFolderThatDoesNotExistStopsTheStart() throws Exception {
        Path missing = Files.createTempDirectory("wksemu-seed").resolve("not-there");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> AppProcess.start(Map.of("EMULATOR_SEED_DIR", missing.toString())).close());
        assertTrue(failure.getMessage().contains("The seed folder " + missing
                + " (emulator.seed-dir / EMULATOR_SEED_DIR) does not exist or is not a folder"), failure.getMessage());
    }
}
