package io.wksemu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment kit agrees with itself and with the application: one image name, the README's SDK example
 * is the compiled source file, a curl for every admin route, the compose file wired to the app's settings,
 * the pipelines running what they claim (the CI recipes: CiRecipesTest), the Maven and JDK versions the README states.
 */
class DeploymentKitTest {

    private static final String IMAGE = "ghcr.io/wksemu/wksemu";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }

    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>workspace-usage-emulator</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read("pom.xml"));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void theJavaTestModuleHasTheEmulatorsVersionWhichNamesTheImageItStarts() throws IOException {
        Matcher m = Pattern.compile("<artifactId>wksemu-testcontainers</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(read("testcontainers/pom.xml"));
        assertTrue(m.find());
        // the image it names from that version: WksEmuContainerImageTest, in the module
        assertEquals(projectVersion(), m.group(1));
    }

    /** The README's fenced blocks of one language, in order. */
    private static List<String> blocks(String markdown, String language) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^```" + language + "\\n(.*?)^```$", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyImageReferenceIsTheReleasedImageWithTheProjectVersionALatestOrAPlaceholder() throws IOException {
        // name:tag references to the emulator's image, wherever written; wksemu:wksemu is a user:password
        Pattern reference = Pattern.compile("(?<![\\w@:/.-])((?:[\\w.-]+/)*wksemu):([\\w][\\w.-]*)");
        // X.Y.Z: the docs' placeholder for a released version
        Set<String> allowed = Set.of(IMAGE + ":" + projectVersion(), IMAGE + ":latest", IMAGE + ":X.Y.Z");
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("Dockerfile"),
                Path.of("src/main/docker/Dockerfile.jvm"), Path.of("docker-compose.yml"),
                Path.of("docker-compose.external-db.yml"), Path.of("scripts/verify-containers.sh")));
        for (String dir : List.of("docs", "k8s", "examples", ".github")) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".png")).forEach(files::add);
            }
        }
        Set<String> seen = new TreeSet<>();
        for (Path file : files) {
            Matcher m = reference.matcher(Files.readString(file));
            while (m.find()) {
                if (m.group(2).equals("wksemu")) {
                    continue;
                }
                seen.add(m.group());
                assertTrue(allowed.contains(m.group()), file + " names the image " + m.group() + ", expected one of " + allowed);
            }
        }
        assertTrue(seen.contains(IMAGE + ":" + projectVersion()), "found " + seen);
        String release = read(".github/workflows/release.yml");
        assertTrue(release.contains("IMAGE: " + IMAGE + "\n"), "the release workflow pushes " + IMAGE);
        assertTrue(release.contains("${{ env.IMAGE }}:${{ steps.version.outputs.version }}") && release.contains("${{ env.IMAGE }}:latest"));
    }

    @Test
    void theReadmeSdkExampleIsTheSourceFileTheTestsRun() throws IOException {
        String source = read("src/test/java/io/wksemu/examples/DesktopUsageExample.java");
        List<String> java = blocks(read("README.md"), "java").stream().filter(b -> b.contains("class DesktopUsageExample")).toList();
        assertEquals(List.of(source), java);
        // ...with the SDK coordinates the tests use
        String sdkVersion = Pattern.compile("<huaweicloud-sdk.version>([^<]+)<").matcher(read("pom.xml")).results()
                .findFirst().orElseThrow().group(1);
        assertTrue(read("README.md").contains("`com.huaweicloud.sdk:huaweicloud-sdk-workspace:" + sdkVersion + "`"),
                "README names huaweicloud-sdk-workspace " + sdkVersion);
    }

    @Test
    void theReadmeIsAFrontDoorAndEveryLinkOfItAndTheDocsNamesAFileOfTheRepository() throws IOException {
        List<String> readme = read("README.md").lines().toList();
        assertTrue(readme.size() < 200, "README has " + readme.size() + " lines");
        assertEquals(List.of(), readme.stream().filter(l -> l.length() > 200).toList(), "README lines over 200 characters");
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            String text = Files.readString(page);
            assertFalse(text.contains("SEMANTICS.md"), page + " cites SEMANTICS.md, which users do not have");
            Matcher m = link.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    continue;
                }
                String file = target.replaceAll("#.*$", "");
                Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + " -> " + target);
                    continue;
                }
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                if (anchor != null && resolved.toString().endsWith(".md") && !anchors(Files.readString(resolved)).contains(anchor)) {
                    broken.add(page + " -> " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** GitHub's anchors of a Markdown page's headings. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        markdown.lines().filter(l -> l.startsWith("#")).forEach(l -> anchors.add(l.replaceFirst("^#+\\s*", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-')));
        return anchors;
    }

    @Test
    void theJavaTestsPageShowsTheExampleTheModuleRunsAndItsCoordinates() throws IOException {
        String page = read("docs/java-tests.md");
        String source = read("testcontainers/src/test/java/io/wksemu/testcontainers/example/UsageReportExampleTest.java");
        assertEquals(List.of(source), blocks(page, "java"));
        String coordinates = "<groupId>io.wksemu</groupId>\n  <artifactId>wksemu-testcontainers</artifactId>\n  <version>"
                + projectVersion() + "</version>";
        assertTrue(blocks(page, "xml").stream().anyMatch(b -> b.contains(coordinates)), "docs/java-tests.md names " + coordinates);
        assertTrue(read("README.md").contains("](docs/java-tests.md)"));
    }

    @Test
    void theQuickStartHasTwoCommandsRunAndTest() throws IOException {
        String readme = read("README.md");
        int start = readme.indexOf("## Quick start\n");
        assertTrue(start >= 0);
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> commands = blocks(section, "sh").stream().flatMap(b -> b.lines()).filter(l -> !l.isBlank()).toList();
        assertEquals(List.of("scripts/run.sh", "scripts/test.sh"), commands);
        assertTrue(read("scripts/run.sh").contains("./mvnw -B"), "run.sh builds with the wrapper");
        String test = read("scripts/test.sh");
        assertTrue(test.contains("./mvnw -B -ntp verify \"$@\""), "test.sh tests the emulator with the wrapper");
        assertTrue(test.contains("exec ./mvnw -B -ntp -f testcontainers/pom.xml verify"), "then the Java-test module");
    }

    @Test
    void theReadmeStatesTheMavenAndJdkVersionsTheBuildUses() throws IOException {
        Properties wrapper = new Properties();
        try (var in = Files.newInputStream(Path.of(".mvn/wrapper/maven-wrapper.properties"))) {
            wrapper.load(in);
        }
        Matcher maven = Pattern.compile("/apache-maven-([0-9.]+)-bin\\.zip$").matcher(wrapper.getProperty("distributionUrl"));
        assertTrue(maven.find(), wrapper.getProperty("distributionUrl"));
        assertNotNull(wrapper.getProperty("distributionSha256Sum"), "the Maven download is checksum-pinned");
        String jdk = Pattern.compile("<maven.compiler.release>(\\d+)<").matcher(read("pom.xml")).results().findFirst().orElseThrow().group(1);
        String readme = read("README.md");
        assertTrue(readme.contains("Maven " + maven.group(1)), "README states Maven " + maven.group(1));
        assertTrue(readme.contains("JDK " + jdk), "README states JDK " + jdk);
    }

    /** Every {@code /_emulator} route, as "METHOD /path" with path parameters as regular expressions. */
    private static Set<String> adminRoutes() throws IOException, ClassNotFoundException {
        Set<String> routes = new TreeSet<>();
        try (Stream<Path> classes = Files.list(Path.of("target/classes/io/wksemu/admin"))) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                Class<?> type = Class.forName("io.wksemu.admin." + file.getFileName().toString().replace(".class", ""), false,
                        DeploymentKitTest.class.getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
                        if (method.isAnnotationPresent(verb)) {
                            jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                            String path = root.value() + (sub == null ? "" : "/" + sub.value().replaceAll("^/", ""));
                            routes.add(verb.getSimpleName() + " " + path);
                        }
                    }
                }
            }
        }
        return routes;
    }

    @Test
    void theAdminApiPageHasACurlForEveryAdminRoute() throws Exception {
        Set<String> routes = adminRoutes();
        assertTrue(routes.containsAll(Set.of("GET /_emulator/clock", "DELETE /_emulator/state", "POST /_emulator/faults")), routes.toString());
        // curl commands of the admin API's page, continuation lines joined
        List<String> curls = blocks(read("docs/admin-api.md"), "sh").stream()
                .flatMap(b -> Stream.of(b.replace("\\\n", " ").split("\n")))
                .map(String::trim).filter(l -> l.startsWith("curl ")).toList();
        for (String route : routes) {
            String verb = route.substring(0, route.indexOf(' '));
            String path = Pattern.quote(route.substring(route.indexOf(' ') + 1)).replaceAll("\\{[^}]+}", "\\\\E[^/?' ]+\\\\Q");
            Pattern url = Pattern.compile("https?://[^/ ]+" + path + "(?:[?'\" ]|$)");
            boolean found = curls.stream().anyMatch(c -> url.matcher(c).find()
                    && (verb.equals("GET") ? !c.contains(" -X ") : c.contains(" -X " + verb + " ")));
            assertTrue(found, "docs/admin-api.md has no curl example for " + route);
        }
    }

    @Test
    void theComposeFileIsOneServiceOnItsEmbeddedDatabaseWithItsDataInAVolume() throws IOException {
        JsonNode services = YAML.readTree(Path.of("docker-compose.yml").toFile()).path("services");
        assertEquals(List.of("wksemu"), toList(services.fieldNames()));
        JsonNode emulator = services.path("wksemu");
        assertEquals(".", emulator.path("build").asText());
        assertEquals(IMAGE + ":" + projectVersion(), emulator.path("image").asText());
        JsonNode env = emulator.path("environment");
        assertTrue(env.path("DB_HOST").isMissingNode() && env.path("QUARKUS_DATASOURCE_REACTIVE_URL").isMissingNode(), env.toString());
        assertTrue(emulator.path("volumes").toString().contains("wksemu-data:/var/lib/wksemu\""), emulator.path("volumes").toString());
        // the volume holds the data directory the image names
        assertTrue(read("src/main/docker/Dockerfile.jvm").contains("EMULATOR_EMBEDDED_DATABASE=/var/lib/wksemu/pgdata"));
        assertTrue(emulator.path("healthcheck").path("test").toString().contains("/q/health/ready"));
        assertTrue(emulator.path("volumes").toString().contains("./seed:" + env.path("EMULATOR_SEED_DIR").asText() + ":ro"));
        assertTrue(emulator.path("ports").get(0).asText().endsWith(":8080"));
    }

    private static List<String> toList(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void theExternalDatabaseComposeFileBuildsTheImageAndWiresItToPostgres() throws IOException {
        JsonNode services = YAML.readTree(Path.of("docker-compose.external-db.yml").toFile()).path("services");
        JsonNode postgres = services.path("postgres");
        JsonNode emulator = services.path("wksemu");
        assertEquals("postgres:15", postgres.path("image").asText());
        assertEquals(".", emulator.path("build").asText());
        assertEquals(IMAGE + ":" + projectVersion(), emulator.path("image").asText());
        assertEquals("service_healthy", emulator.path("depends_on").path("postgres").path("condition").asText());
        JsonNode env = emulator.path("environment");
        JsonNode pgEnv = postgres.path("environment");
        assertEquals("postgres", env.path("DB_HOST").asText());
        assertEquals(pgEnv.path("POSTGRES_USER").asText(), env.path("DB_USERNAME").asText());
        assertEquals(pgEnv.path("POSTGRES_PASSWORD").asText(), env.path("DB_PASSWORD").asText());
        assertEquals(pgEnv.path("POSTGRES_DB").asText(), env.path("DB_NAME").asText());
        assertTrue(emulator.path("healthcheck").path("test").toString().contains("/q/health/ready"));
        assertTrue(emulator.path("volumes").toString().contains("./seed:" + env.path("EMULATOR_SEED_DIR").asText() + ":ro"));
        assertTrue(emulator.path("ports").get(0).asText().endsWith(":8080"));
    }

    @Test
    void theRootDockerfileBuildsFromSourceIntoTheSameRuntimeStageAsDockerfileJvm() throws IOException {
        List<String> root = instructions(read("Dockerfile"));
        List<String> jvm = instructions(read("src/main/docker/Dockerfile.jvm"));
        int runtime = root.indexOf("FROM eclipse-temurin:25-jre");
        assertTrue(root.get(0).startsWith("FROM maven:3.9-eclipse-temurin-25 AS build"), root.get(0));
        assertTrue(root.subList(0, runtime).stream().anyMatch(l -> l.contains("mvn -B -ntp -Dmaven.test.skip=true package")));
        List<String> runtimeStage = root.subList(runtime, root.size()).stream()
                .map(l -> l.replace("COPY --from=build --chown=185:185 /build/target/", "COPY --chown=185:185 target/")).toList();
        assertEquals(jvm, runtimeStage);
        // the build context carries what both need, and not .git
        List<String> ignore = read(".dockerignore").lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertEquals(List.of("*", "!pom.xml", "!src/*", "!seed/*", "!target/quarkus-app/*"), ignore);
    }

    /** Dockerfile instructions with continuation lines joined, comments dropped. */
    private static List<String> instructions(String dockerfile) {
        return Stream.of(dockerfile.replaceAll("\\\\\\n\\s*", " ").split("\n"))
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void thePipelinesRunWhatTheyClaim() throws IOException {
        JsonNode ci = YAML.readTree(Path.of(".github/workflows/ci.yml").toFile());
        assertTrue(ci.path("jobs").path("test").path("steps").toString().contains("bash .ci/run"));
        assertTrue(read(".ci/run").contains("exec bash scripts/test.sh"));
        JsonNode release = YAML.readTree(Path.of(".github/workflows/release.yml").toFile());
        // "on" is YAML 1.1's boolean true for Jackson's parser
        JsonNode on = release.has("on") ? release.path("on") : release.path("true");
        assertEquals("[\"v*\"]", on.path("push").path("tags").toString());
        assertEquals("./.github/workflows/ci.yml", release.path("jobs").path("test").path("uses").asText());
        assertEquals("test", release.path("jobs").path("image").path("needs").asText());
        assertTrue(release.path("jobs").path("image").toString().contains("\"registry\":\"ghcr.io\""));
        // the Java-test module is published beside the image, after the same tests, with sources and javadoc
        JsonNode module = release.path("jobs").path("module");
        assertEquals("test", module.path("needs").asText());
        assertEquals("write", module.path("permissions").path("packages").asText());
        assertTrue(module.path("steps").toString().contains("-f testcontainers/pom.xml -Prelease -DskipTests deploy"),
                module.toString());
        assertTrue(read("testcontainers/pom.xml").contains("<artifactId>maven-javadoc-plugin</artifactId>"));

    }

    @Test
    void theLicenseIsApache2InTheFileAndThePom() throws IOException {
        String license = read("LICENSE");
        assertTrue(license.contains("Apache License\n                           Version 2.0, January 2004"));
        String pom = read("pom.xml");
        assertTrue(pom.contains("<name>Apache-2.0</name>") && pom.contains("<url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>"));
    }
}
