package io.wksemu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wksemu.Fixtures;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SEMANTICS section 7: a database that comes back at another address (a container or pod re-created under the
 * same name with a new IP, a managed database's DNS name moved on failover) is answered again within 5 s,
 * without a restart. The database's name is served by a DNS server of the test's with a 10-minute TTL, so an
 * answer kept for its TTL would keep the emulator on the old address. The name resolves only through that
 * server, so this also proves that the database's name goes through Vert.x's asynchronous resolver.
 */
class DatabaseMovesIT {

    private static final String HOST = "postgres.wksemu.test";
    private static final String OUTAGE = "{\"error_code\":\"WKS.00000003\",\"error_msg\":\"Failed to obtain database "
            + "information. Click Cancel Service and Apply Now again.\"}";

    @Test
    void aDatabaseBackAtAnotherAddressIsAnsweredWithinFiveSeconds() throws Exception {
        Inet4Address first = (Inet4Address) InetAddress.getByName("127.0.0.2");
        Inet4Address moved = (Inet4Address) InetAddress.getByName("127.0.0.3");
        String project = "moves" + UUID.randomUUID().toString().replace("-", "");
        String query = "/v2/" + project + "/statistics/metrics/desktops"
                + "?start_time=2026-01-01T00:00:00Z&end_time=2026-12-31T00:00:00Z";
        try (NameServer dns = new NameServer(HOST, first); DatabaseRelay database = new DatabaseRelay()) {
            database.open(first);
            try (AppProcess app = AppProcess.start(Map.of("DB_HOST", HOST, "DB_PORT", String.valueOf(database.port()),
                    "QUARKUS_VERTX_RESOLVER_SERVERS", dns.server()))) {
                assertEquals(200, app.send("PUT", "/_emulator/clock", "{\"now\":\"2026-06-15T12:00:00Z\",\"frozen\":true}").statusCode());
                assertEquals(200, app.send("POST", "/_emulator/fixtures", Fixtures.project(project)
                        .desktop("d1", "a", "today-9d").usage("d1", "today-4d", 4321).json()).statusCode());
                String answer = "{\"count\":1,\"items\":[{\"resource_id\":\"d1\",\"resource_name\":\"a\",\"metric\":["
                        + "{\"metric_name\":\"desktop_usage\",\"metric_value\":4321.0},"
                        + "{\"metric_name\":\"desktop_idle_duration\",\"metric_value\":259200.0}]}]}";
                assertEquals(answer, app.get(query, "X-Auth-Token", "t").body());
                assertTrue(dns.answeredQueries() > 0, "the emulator asked the test's name server");

                database.close();
                // gone: answered at once, for a while (longer than the pool's 2 s wait for a connection)
                Instant outageEnds = Instant.now().plusSeconds(3);
                while (Instant.now().isBefore(outageEnds)) {
                    Instant asked = Instant.now();
                    HttpResponse<String> refused = app.get(query, "X-Auth-Token", "t");
                    assertEquals(500, refused.statusCode(), refused.body());
                    assertEquals(OUTAGE, refused.body());
                    assertEquals(503, app.get("/q/health/ready").statusCode());
                    assertTrue(Duration.between(asked, Instant.now()).toMillis() < 2500, "answered at once during the outage");
                    Thread.sleep(200);
                }

                dns.moveTo(moved);
                database.open(moved);
                Instant back = Instant.now();
                HttpResponse<String> answered = app.get(query, "X-Auth-Token", "t");
                while (answered.statusCode() != 200 && Duration.between(back, Instant.now()).toSeconds() < 30) {
                    Thread.sleep(100);
                    answered = app.get(query, "X-Auth-Token", "t");
                }
                long millis = Duration.between(back, Instant.now()).toMillis();
                System.out.printf("answered again %d ms after the database came back at another address%n", millis);
                assertEquals(200, answered.statusCode(), "not answered again " + millis + " ms after the database came back at "
                        + moved.getHostAddress() + ": " + answered.body());
                assertTrue(millis <= 5000, "answered again only after " + millis + " ms");
                assertEquals(answer, answered.body(), "nothing stored before the outage is lost");
                assertEquals(200, app.get("/q/health/ready").statusCode());
                String log = app.log();
                assertFalse(log.contains("Uncaught exception"), log);
            }
        }
    }
}
