package io.wksemu.gateway;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.newProject;
import static io.wksemu.TestSupport.queryAll;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults injected through /_emulator/faults, and the journal of /_emulator/requests. */
@QuarkusTest
class FaultInjectionTest {

    @AfterEach
    void clear() {
        given().delete("/_emulator/faults").then().statusCode(200);
    }

    private static void inject(Map<String, Object> fault) {
        given().contentType(ContentType.JSON).body(fault).post("/_emulator/faults").then().statusCode(201);
    }

    @Test
    void theNextNMatchingResponsesFailAsToldThenServiceResumes() {
        String project = newProject();
        String other = newProject();
        inject(Map.of("status", 503, "error_code", "WKS.00000003", "error_msg", "busy", "count", 2, "project_id", project));
        queryAll(other).statusCode(200);
        queryAll(project).statusCode(503).body("error_code", equalTo("WKS.00000003")).body("error_msg", equalTo("busy"));
        queryAll(project).statusCode(503);
        queryAll(project).statusCode(200).body("count", equalTo(0));
    }

    @Test
    void gatewayCodesCarryTheRequestIdAndDefaultsFillTheBody() {
        String project = newProject();
        inject(Map.of("status", 429, "error_code", "APIGW.0308"));
        inject(Map.of("status", 500));
        queryAll(project).statusCode(429).body("request_id", matchesPattern("[0-9a-f]{32}"));
        queryAll(project).statusCode(500).body("error_code", equalTo("WKS.00000001")).body("error_msg", equalTo("Injected fault."));
        given().get("/_emulator/faults").then().body("faults.size()", equalTo(0));
    }

    @Test
    void aDelayHoldsTheResponseBack() {
        String project = newProject();
        inject(Map.of("delay_ms", 700));
        long start = System.nanoTime();
        queryAll(project).statusCode(200);
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 700);
    }

    @Test
    void badFaultsAreRejected() {
        given().contentType(ContentType.JSON).body(Map.of("count", 2)).post("/_emulator/faults").then().statusCode(400)
                .body("error_msg", equalTo("A fault needs a status (400-599), a delay_ms, or both."));
        given().contentType(ContentType.JSON).body(Map.of("status", 200)).post("/_emulator/faults").then().statusCode(400)
                .body("error_msg", equalTo("status: must be an integer from 400 to 599"));
    }

    @Test
    void theJournalListsCallsNewestFirstPerProject() {
        String project = newProject();
        given().delete("/_emulator/requests").then().statusCode(200);
        queryAll(project, "limit", 7).statusCode(200);
        queryAll(project, "limit", 0).statusCode(400);
        given().get("/v2/" + project + "/nothing").then().statusCode(404);
        queryAll(newProject()).statusCode(200);
        given().get("/_emulator/requests?project_id=" + project).then().statusCode(200)
                .body("requests.size()", equalTo(3))
                .body("requests[0].status", equalTo(404))
                .body("requests[0].path", equalTo("/v2/" + project + "/nothing"))
                .body("requests[1].status", equalTo(400))
                .body("requests[2].status", equalTo(200))
                .body("requests[2].method", equalTo("GET"))
                .body("requests[2].query", equalTo("start_time=2025-01-01T00%3A00%3A00Z&end_time=2026-12-31T00%3A00%3A00Z&limit=7"));
        given().get("/_emulator/requests").then().body("requests.size()", equalTo(4));
    }
}
