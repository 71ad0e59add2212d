package io.wksemu.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.wksemu.TestSupport;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The front's order, seen from outside: the request id comes first (a redirect and a refusal before routing
 * carry one), the dashboard redirect before the gateway's journal (a redirect is no call to the emulated API),
 * the gateway's refusals before the admin surface's stages.
 */
@QuarkusTest
class HttpFrontTest {

    @Test
    void theStagesRunInTheirWrittenOrderEachAtAnOrderOfItsOwn() {
        int[] orders = Arrays.stream(HttpFront.Stage.values()).mapToInt(HttpFront.Stage::order).toArray();
        assertEquals(orders.length, Arrays.stream(orders).distinct().count());
        for (int i = 1; i < orders.length; i++) {
            assertEquals(orders[i - 1] + 1, orders[i]);
        }
        assertEquals(HttpFront.Stage.REQUEST_ID, HttpFront.Stage.values()[0]);
    }

    @Test
    void aRedirectCarriesARequestIdAndIsNotJournalled() {
        given().delete("/_emulator/requests").then().statusCode(200);
        given().redirects().follow(false).accept("text/html").get("/").then().statusCode(302)
                .header("Location", "/_emulator/ui/").header("X-Request-Id", matchesPattern(TestSupport.REQUEST_ID));
        given().get("/_emulator/requests").then().statusCode(200).body("requests.size()", equalTo(0));
    }

    @Test
    void aRefusalBeforeRoutingCarriesARequestIdOnEverySurface() {
        String longQuery = "x".repeat(5000);
        for (String path : new String[] {"/v2/p/statistics/metrics/desktops?", "/_emulator/clock?"}) {
            String id = given().get(path + longQuery).then().statusCode(414)
                    .header("X-Request-Id", matchesPattern(TestSupport.REQUEST_ID))
                    .body("error_code", equalTo("APIGW.0201")).extract().header("X-Request-Id");
            assertFalse(id.isEmpty());
        }
    }
}
