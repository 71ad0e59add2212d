package io.wksemu.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Requests with a body over 1 MiB are let in one at a time (LargeBodies): one that arrives while another is
 * in is answered after it, several at once all get their answer, and one whose client leaves in the middle of
 * its body gives its turn back, so later large requests are still served.
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

    /** The gauge of large requests waiting for their turn, as /q/metrics exports it. */
    private static int waiting() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^wksemu_large_bodies_waiting(?:\\{[^}]*})? ([0-9.]+)$")
                .matcher(metrics);
        assertTrue(m.find(), "no wksemu_large_bodies_waiting gauge");
        return (int) Double.parseDouble(m.group(1));
    }

    private static String newProject() {
        return "large" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * The order itself: a first client sends half of its large body and waits; a second sends a whole large
     * body meanwhile. Let in at once, the second would be answered while the first still waits for its other
     * half; let in one at a time, it is answered only after the first.
     */
    @Test
    void aLargeBodyThatArrivesSecondIsAnsweredAfterTheFirst() throws Exception {
        String loaded = "{\"projects\":1,\"desktops\":15000,\"sessions\":0,\"daily_usage\":0,\"login_failures\":0}";
        String firstProject = newProject();
        String secondProject = newProject();
        byte[] first = largeFixture(firstProject).getBytes(StandardCharsets.UTF_8);
        long[] answeredAt = new long[2];
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /_emulator/fixtures HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + first.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(first, 0, first.length / 2);
            out.flush();
            Thread.sleep(300); // the first holds the turn
            String secondJson = largeFixture(secondProject);
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
                String answer = upload(secondJson);
                answeredAt[1] = System.nanoTime();
                return answer;
            });
            // the second waits for its turn, paused, while the first holds it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (waiting() != 1) {
                assertTrue(System.nanoTime() < deadline, "the second large body never waited: " + waiting());
                Thread.sleep(50);
            }
            Thread.sleep(500);
            assertEquals(1, waiting());
            assertFalse(second.isDone(), "the second was answered while the first still held the turn");
            out.write(first, first.length / 2, first.length - first.length / 2);
            out.flush();
            String firstAnswer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            answeredAt[0] = System.nanoTime();
            assertTrue(firstAnswer.startsWith("HTTP/1.1 200") && firstAnswer.endsWith(loaded), firstAnswer);
            assertEquals(loaded, second.get(60, TimeUnit.SECONDS));
        }
        assertEquals(0, waiting());
        assertTrue(answeredAt[1] > answeredAt[0], "the second large body was answered "
                + (answeredAt[0] - answeredAt[1]) / 1_000_000 + " ms before the first");
        for (String stored : List.of(firstProject, secondProject)) {
            given().delete("/_emulator/state?project_id=" + stored).then().statusCode(200);
        }
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
