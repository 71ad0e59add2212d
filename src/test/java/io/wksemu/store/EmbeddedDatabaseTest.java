package io.wksemu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one place that decides between the embedded database and an external one. */
class EmbeddedDatabaseTest {

    @Test
    void embeddedOnlyWithADataDirectoryAndNoExternalDatabase() {
        Path data = Path.of("/var/lib/wksemu/pgdata");
        assertEquals(Optional.of(data), EmbeddedDatabase.dataDirectory(Map.of("EMULATOR_EMBEDDED_DATABASE", data.toString())));
        assertEquals(Optional.of(data), EmbeddedDatabase.dataDirectory(Map.of("EMULATOR_EMBEDDED_DATABASE", data.toString(),
                "DB_HOST", " ", "DB_PORT", "5433")));
        assertEquals(Optional.empty(), EmbeddedDatabase.dataDirectory(Map.of()));
        assertEquals(Optional.empty(), EmbeddedDatabase.dataDirectory(Map.of("EMULATOR_EMBEDDED_DATABASE", "")));
        assertEquals(Optional.empty(), EmbeddedDatabase.dataDirectory(Map.of("EMULATOR_EMBEDDED_DATABASE", data.toString(),
                "DB_HOST", "postgres")));
        assertEquals(Optional.empty(), EmbeddedDatabase.dataDirectory(Map.of("EMULATOR_EMBEDDED_DATABASE", data.toString(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db:5432/wksemu")));
    }
}
