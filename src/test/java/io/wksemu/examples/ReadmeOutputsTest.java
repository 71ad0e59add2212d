package io.wksemu.examples;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.freezeClock;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wksemu.TestSupport;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command block of the README and docs/ that shows its output is run here, as written (only the port
 * differs), against the emulator seeded from seed/ with the clock at today's noon, so the shell's dates and
 * the emulator's agree; the output shown must be what it answers. A shell block followed directly by a JSON
 * block is such a pair; assignments of earlier shell blocks of the same page (FROM=, TO=) are in effect, as
 * in one terminal. The SDK example's printed text is compared the same way.
 */
@QuarkusTest
class ReadmeOutputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BLOCK = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```$", Pattern.DOTALL);

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void seededToday() {
        freezeClock(LocalDate.now(ZoneOffset.UTC) + "T12:00:00Z");
        given().queryParam("project_id", DesktopUsageExample.PROJECT_ID).queryParam("reseed", true)
                .delete("/_emulator/state").then().statusCode(200).body("reseeded.login_failures", equalTo(1));
    }

    @AfterEach
    void backToTheSuitesClock() {
        freezeClock(TestSupport.NOW);
        given().queryParam("project_id", DesktopUsageExample.PROJECT_ID).queryParam("reseed", true)
                .delete("/_emulator/state").then().statusCode(200);
    }

    private record Block(String language, String text) {
    }

    private static List<Block> blocks(Path page) throws IOException {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(page));
        int end = -1;
        while (m.find()) {
            // a block that does not follow the previous one directly starts a new run: mark it by a gap
            if (end >= 0 && !Files.readString(page).substring(end, m.start()).isBlank()) {
                blocks.add(new Block("", ""));
            }
            blocks.add(new Block(m.group(1), m.group(2)));
            end = m.end();
        }
        return blocks;
    }

    @Test
    void everyShownAnswerIsWhatTheCommandAnswers() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        int compared = 0;
        for (Path page : pages) {
            StringBuilder assignments = new StringBuilder();
            List<Block> blocks = blocks(page);
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                if (!block.language().equals("sh")) {
                    continue;
                }
                if (i + 1 < blocks.size() && blocks.get(i + 1).language().equals("json")) {
                    String output = run(assignments + block.text());
                    JsonNode shown = JSON.readTree(blocks.get(i + 1).text());
                    assertEquals(shown, JSON.readTree(output), page + ": the block\n" + block.text() + "answers\n" + output);
                    compared++;
                }
                block.text().lines().filter(l -> l.matches("^[A-Z_]+=.*")).forEach(l -> assignments.append(l).append('\n'));
            }
        }
        assertEquals(2, compared, "the README's desktops and users examples");
    }

    @Test
    void theSdkExamplePrintsWhatTheReadmeShows() throws Exception {
        List<Block> blocks = blocks(Path.of("README.md"));
        int java = blocks.indexOf(blocks.stream().filter(b -> b.text().contains("class DesktopUsageExample")).findFirst().orElseThrow());
        Block printed = blocks.stream().skip(java + 1).filter(b -> b.language().equals("text")).findFirst().orElseThrow();
        String endpoint = "http://" + root.getHost() + ":" + root.getPort();
        assertEquals(printed.text(), DesktopUsageExample.report(
                DesktopUsageExample.lastThirtyDays(endpoint, LocalDate.now(ZoneOffset.UTC))));
    }

    private String run(String script) throws IOException, InterruptedException {
        String local = script.replace("http://localhost:8080", "http://" + root.getHost() + ":" + root.getPort());
        assertTrue(!local.equals(script) || !script.contains("localhost"), script);
        Process process = new ProcessBuilder("bash", "-c", "set -e\n" + local).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), script);
        return output;
    }
}
