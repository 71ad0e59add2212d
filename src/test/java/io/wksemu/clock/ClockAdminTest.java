package io.wksemu.clock;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clock admin API (SEMANTICS.md section 5). */
@QuarkusTest
class ClockAdminTest {

    @AfterEach
    void backToSystemTime() {
        given().delete("/_emulator/clock").then().statusCode(200).body("mode", equalTo("system"));
    }

    @Test
    void freezeAdvanceAndRead() {
        given().contentType(ContentType.JSON).body(Map.of("now", "2026-03-01T01:30:00+08:00"))
                .put("/_emulator/clock").then().statusCode(200)
                .body("now", equalTo("2026-02-28T17:30:00Z"))
                .body("mode", equalTo("fixed"))
                .body("zone", equalTo("UTC"))
                .body("next_aggregation", equalTo("2026-03-01T02:00:00Z"));
        given().contentType(ContentType.JSON).body(Map.of("by", "PT26H")).post("/_emulator/clock/advance").then()
                .statusCode(200).body("now", equalTo("2026-03-01T19:30:00Z")).body("mode", equalTo("fixed"));
        given().get("/_emulator/clock").then().body("now", equalTo("2026-03-01T19:30:00Z"))
                .body("next_aggregation", equalTo("2026-03-02T02:00:00Z"));
    }

    @Test
    void aRunningClockKeepsItsOffsetFromWallTime() {
        given().contentType(ContentType.JSON).body(Map.of("now", "2030-01-01T00:00:00Z", "frozen", false))
                .put("/_emulator/clock").then().statusCode(200).body("mode", equalTo("offset"));
        Instant read = Instant.parse(given().get("/_emulator/clock").then().extract().path("now"));
        Duration drift = Duration.between(Instant.parse("2030-01-01T00:00:00Z"), read);
        assertTrue(!drift.isNegative() && drift.compareTo(Duration.ofSeconds(30)) < 0, drift.toString());
    }

    @Test
    void badBodiesAreAdmin400s() {
        given().contentType(ContentType.JSON).body(Map.of("now", "tomorrow")).put("/_emulator/clock").then()
                .statusCode(400).body("error_code", equalTo("EMU.0400"))
                .body("error_msg", equalTo("now: must be an ISO-8601 instant such as 2026-11-01T09:00:00Z"));
        given().contentType(ContentType.JSON).body(Map.of("by", "26 hours")).post("/_emulator/clock/advance").then()
                .statusCode(400).body("error_msg", equalTo("by: must be an ISO-8601 duration such as PT26H or P3D"));
        given().contentType(ContentType.JSON).body("{}").put("/_emulator/clock").then().statusCode(400);
    }
}
