package io.wksemu.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests with a body over 1 MiB are let in one at a time (LargeBodies): several at once all get their
 * answer, and one whose client leaves in the middle of its body gives its turn back, so later large requests
 * are still served.
 */
@QuarkusTest
class LargeBodiesTest {

    @TestHTTPResource("/")
    URL base;

    /** A fixture document of one new project with enough desktops to weigh more than 1 MiB. */
    private static String largeFixture(String project) {
        StringJoiner desktops = new StringJoiner(",");
        for (int i = 0; i < 15_000; i++) {
            desktops.add("{\"resource_id\":\"d" + i + "\",\"resource_name\":\"n" + i + "\",\"created_at\":\"2026-01-01T00:00:00Z\"}");
        }
        String json = "{\"projects\":[{\"project_id\":\"" + project + "\",\"desktops\":[" + desktops + "]}]}";
        assertEquals(true, json.length() > LargeBodies.LARGE, "the fixture must be large");
        return json;
    }

    private static String upload(String json) {
        return given().contentType(ContentType.JSON).body(json).post("/_emulator/fixtures").then().extract().asString();
    }

    private static String newProject() {
        return "large" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void largeBodiesAreServedOneAfterAnotherAndALeavingClientGivesItsTurnBack() throws Exception {
        String loaded = "{\"projects\":1,\"desktops\":15000,\"sessions\":0,\"daily_usage\":0,\"login_failures\":0}";
        List<String> projects = new ArrayList<>();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String project = newProject();
            projects.add(project);
            String json = largeFixture(project);
            answers.add(CompletableFuture.supplyAsync(() -> upload(json)));
        }
        for (CompletableFuture<String> answer : answers) {
            assertEquals(loaded, answer.get(60, TimeUnit.SECONDS));
        }

        // a client announces 2 MiB, sends part of it and leaves
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /_emulator/fixtures HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2097152\r\n\r\n{\"projects\":[").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
        }
        String project = newProject();
        projects.add(project);
        String json = largeFixture(project);
        assertEquals(loaded, CompletableFuture.supplyAsync(() -> upload(json)).get(60, TimeUnit.SECONDS));

        for (String stored : projects) {
            given().delete("/_emulator/state?project_id=" + stored).then().statusCode(200);
        }
    }
}
