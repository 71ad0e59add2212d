package io.wksemu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Host names of the database are resolved by Vert.x's non-blocking DNS client, never on an event-loop thread
 * (a slow resolver after a pod leaves would otherwise block requests and readiness for many seconds). The
 * README's operations section says how to check it on a running instance with a thread dump.
 */
class AsyncDnsConfigTest {

    @Test
    void theDatabaseHostIsResolvedWithoutBlocking() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        assertEquals("true", properties.getProperty("quarkus.vertx.use-async-dns"));
    }
}
