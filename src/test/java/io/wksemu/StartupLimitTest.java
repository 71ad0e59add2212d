package io.wksemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** emulator.database-wait means what it says: the start waits that long for the database, however long. */
class StartupLimitTest {

    @Test
    void theStartWaitsTheWholeConfiguredWaitThenBoundsItsOwnWork() {
        assertEquals(Duration.ofMinutes(5), StoreStartup.startLimit(Duration.ZERO));
        assertEquals(Duration.ofSeconds(360), StoreStartup.startLimit(Duration.ofSeconds(60)));
        // an hour's wait is an hour, not the five minutes it was once silently cut to
        assertEquals(Duration.ofMinutes(65), StoreStartup.startLimit(Duration.ofHours(1)));
    }

    @Test
    void aNegativeWaitIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> StoreStartup.startLimit(Duration.ofSeconds(-5)));
        assertEquals("emulator.database-wait (EMULATOR_DATABASE_WAIT) must not be negative: PT-5S", refused.getMessage());
    }
}
