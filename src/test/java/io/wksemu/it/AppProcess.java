package io.wksemu.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged emulator started as its own process, as users run it: for tests that need a restart or
 * several replicas on one database. Its output goes to a file under target/ for post-mortems.
 */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The database the tests use (scripts/test.sh creates it), never the one scripts/run.sh serves. */
    public static final String TEST_DB = System.getenv().getOrDefault("WKSEMU_TEST_DB", "wksemu_test");

    /**
     * Starts the jar on a free port, on the tests' database, with extra environment variables, and waits
     * until it answers.
     */
    public static AppProcess start(Map<String, String> env) throws IOException, InterruptedException {
        return start(env, null, List.of(), true);
    }

    /** As {@link #start(Map)}, with the process's working directory set to {@code workDir} when not null. */
    public static AppProcess start(Map<String, String> env, Path workDir) throws IOException, InterruptedException {
        return start(env, workDir, List.of(), true);
    }

    /**
     * As {@link #start(Map)}, the JVM started by {@code launcher} (a command that runs the rest of the line, such
     * as {@code setpriv} to run it as another user); an environment variable mapped to null is removed.
     */
    public static AppProcess start(Map<String, String> env, List<String> launcher) throws IOException, InterruptedException {
        return start(env, null, launcher, true);
    }

    private static AppProcess start(Map<String, String> env, Path workDir, List<String> launcher, boolean awaitStore)
            throws IOException, InterruptedException {
        int port = freePort();
        String jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().toString();
        Path log = Files.createDirectories(Path.of("target", "it-logs").toAbsolutePath()).resolve("app-" + port + "-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("DB_NAME", TEST_DB);
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        AppProcess app = new AppProcess(builder.start(), port, log);
        app.awaitReady(log.toFile(), awaitStore ? "/_emulator/clock" : "/q/health/live");
        return app;
    }

    /** As {@link #start(Map)}, but returns once the HTTP port answers, whether the store is ready or not. */
    public static AppProcess launch(Map<String, String> env) throws IOException, InterruptedException {
        return start(env, null, List.of(), false);
    }

    /** Waits until {@code path} answers; the admin clock answers once the store is ready, a probe at once. */
    private void awaitReady(File log, String path) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("emulator exited: " + Files.readString(log.toPath()));
            }
            try {
                int status = get(path).statusCode();
                if (status == 200 || status == 401) { // 401: the admin API is guarded by a token
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("emulator did not answer within 60 s: " + Files.readString(log.toPath()));
    }

    /** A loopback port no one listens on now, for a process or relay the test starts. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** GET with extra headers given as name, value, name, value, ... */
    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the process has written so far (standard output and error). */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The process id: the JVM's, when the launcher runs it in its own place (as setpriv does). */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, null);
    }

    /** A JSON request carrying the admin token when {@code adminToken} is not null. */
    public HttpResponse<String> send(String method, String path, String json, String adminToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (adminToken != null) {
            builder.header("X-Emulator-Admin-Token", adminToken);
        }
        return HTTP.send(builder
                        .header("Content-Type", "application/json")
                        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The process's exit status, waiting up to {@code seconds} for it to end; -1 if it is still running. */
    public int exitStatus(int seconds) throws InterruptedException {
        return process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** Sends SIGTERM, as a container runtime or Kubernetes does to stop the process. */
    public void terminate() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
