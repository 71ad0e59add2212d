package io.wksemu.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For the module's tests in URL mode: starts the packaged emulator ({@code emulator.jar}, built by the root
 * project) once per test JVM, as a process on a free port against the test database, with an admin token, and
 * points {@link WksEmuExtension} at it. Registered for every test class (junit-platform.properties); does
 * nothing when {@code wksemu.url} is set already or {@code emulator.jar} is not (container mode).
 */
public class PackagedEmulator implements BeforeAllCallback {

    static final String ADMIN_TOKEN = "module-admin-token";
    private static Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    static synchronized void start() throws IOException, InterruptedException {
        String jar = System.getProperty("emulator.jar");
        if (process != null || System.getProperty(WksEmuExtension.URL_PROPERTY) != null || jar == null || jar.isBlank()) {
            return;
        }
        Path app = Path.of(jar).toAbsolutePath();
        if (!Files.exists(app)) {
            throw new IllegalStateException(app + " does not exist: package the emulator first (scripts/test.sh does)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createDirectories(Path.of("target")).resolve("emulator-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", app.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        String database = System.getenv().getOrDefault("WKSEMU_TEST_DB", "wksemu_test");
        builder.environment().put("DB_NAME", database);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("EMULATOR_SEED_DIR", app.getParent().resolve("../../seed").normalize().toString());
        builder.environment().put("EMULATOR_ADMIN_TOKEN", ADMIN_TOKEN);
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        String url = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the emulator exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new UncheckedIOException(new IOException("the emulator was not ready in 90 s; see " + log));
            }
            Thread.sleep(100);
        }
        System.setProperty(WksEmuExtension.URL_PROPERTY, url);
        System.setProperty(WksEmuExtension.ADMIN_TOKEN_PROPERTY, ADMIN_TOKEN);
    }
}
