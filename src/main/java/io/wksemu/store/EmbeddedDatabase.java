package io.wksemu.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL the container image carries, run by the emulator as a child process, so that one container
 * answers with nothing beside it. The decision is made here and nowhere else: the embedded database runs when
 * {@value #DATA_ENV} names its data directory (the image sets it) and no external database is configured
 * ({@code DB_HOST} and {@code QUARKUS_DATASOURCE_REACTIVE_URL} unset). It then listens on 127.0.0.1 at
 * {@code DB_PORT} (5432), so the emulator's default connection settings reach it, with the settings of
 * {@link #SETTINGS}.
 * <p>
 * It is started before Quarkus, beside its start, and {@link #ready()} completes once it accepts connections.
 * An empty or missing data directory is initialised first ({@code initdb}, then the database {@code DB_NAME}
 * owned by {@code DB_USERNAME}, trusted on the loopback only). A postmaster that dies is started again after a
 * second; meanwhile the store is out, as with any database outage. {@link #stop()} shuts it down in fast
 * mode (sessions cut, everything committed kept) and waits for it; the emulator calls it once Quarkus has
 * stopped, and a shutdown hook calls it if the emulator ends without stopping Quarkus.
 */
public final class EmbeddedDatabase {

    /** The data directory; set, and with no external database configured, the embedded database runs. */
    public static final String DATA_ENV = "EMULATOR_EMBEDDED_DATABASE";

    /**
     * Sized for a test emulator inside a container: one emulator with a pool of 16, data of a few projects of
     * at most 20,000 desktops. Durability against a process's death, not the machine's: a postmaster that dies
     * (or a container killed) loses nothing committed, since the operating system still holds every write;
     * only a crash of the machine itself could lose or corrupt data ({@code fsync=off}).
     */
    static final List<String> SETTINGS = List.of(
            "listen_addresses=127.0.0.1",
            "unix_socket_directories=",
            "max_connections=40",
            "shared_buffers=32MB",
            "work_mem=4MB",
            "maintenance_work_mem=32MB",
            "dynamic_shared_memory_type=mmap",
            "max_parallel_workers_per_gather=0",
            "jit=off",
            "fsync=off",
            "full_page_writes=off",
            "wal_level=minimal",
            "max_wal_senders=0",
            "max_wal_size=256MB",
            "log_line_prefix=%m [postgres] ",
            "log_timezone=UTC");

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);
    private static final Duration RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(15);
    /** Longer than quarkus.shutdown.timeout (20 s), shorter than the orchestrators' grace (30 s). */
    private static final Duration QUARKUS_STOP_LIMIT = Duration.ofSeconds(25);
    private static volatile EmbeddedDatabase current;

    private final Path data;
    private final int port;
    private final String user;
    private final String database;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CountDownLatch quarkusStopped = new CountDownLatch(1);
    private volatile boolean underQuarkus;
    private volatile Path bin;
    private Process postmaster;
    private boolean stopping;

    private EmbeddedDatabase(Path data, int port, String user, String database) {
        this.data = data;
        this.port = port;
        this.user = user;
        this.database = database;
    }

    /**
     * Starts the embedded database on a thread of its own when {@code env} asks for it (see the class
     * comment); returns at once.
     */
    public static void begin(Map<String, String> env) {
        Optional<Path> data = dataDirectory(env);
        if (data.isEmpty()) {
            return;
        }
        String port = env.getOrDefault("DB_PORT", "5432");
        if (!port.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("DB_PORT must be a port number for the embedded PostgreSQL: " + port);
        }
        EmbeddedDatabase db = new EmbeddedDatabase(data.get(), Integer.parseInt(port),
                env.getOrDefault("DB_USERNAME", "wksemu"), env.getOrDefault("DB_NAME", "wksemu"));
        current = db;
        Runtime.getRuntime().addShutdownHook(new Thread(db::stopOnExit, "embedded-database-stop"));
        Thread start = new Thread(db::start, "embedded-database-start");
        start.setDaemon(true);
        start.start();
    }

    /** The data directory when the embedded database is to run: {@value #DATA_ENV} set, no external one. */
    static Optional<Path> dataDirectory(Map<String, String> env) {
        String data = env.getOrDefault(DATA_ENV, "").trim();
        boolean external = !env.getOrDefault("DB_HOST", "").isBlank()
                || !env.getOrDefault("QUARKUS_DATASOURCE_REACTIVE_URL", "").isBlank();
        return data.isEmpty() || external ? Optional.empty() : Optional.of(Path.of(data));
    }

    /** The embedded database of this process, if it runs one. */
    public static Optional<EmbeddedDatabase> current() {
        return Optional.ofNullable(current);
    }

    /** Completes once the database first accepts connections; fails if it cannot be started. */
    public CompletionStage<Void> ready() {
        return ready;
    }

    private void start() {
        try {
            bin = binaries();
            if (isRoot()) {
                throw new IllegalStateException("the embedded PostgreSQL does not run as root: run the emulator as "
                        + "another user (the image's is uid 185), or set DB_HOST to use an external database");
            }
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initialise();
            }
            launch();
            awaitAccepting();
            LOG.infof("embedded PostgreSQL ready on 127.0.0.1:%d, data in %s", port, data);
            ready.complete(null);
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(new IllegalStateException("the embedded PostgreSQL did not start: "
                    + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready.completeExceptionally(e);
        }
    }

    private void initialise() throws IOException, InterruptedException {
        LOG.infof("initialising the embedded PostgreSQL's data directory %s", data);
        Files.createDirectories(data);
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", user, "-E", "UTF8",
                "--locale=C", "--auth=trust", "--no-sync"), null);
        // single-user mode: the database exists before the server first accepts a connection
        run(List.of(bin.resolve("postgres").toString(), "--single", "-D", data.toString(), "-c", "fsync=off",
                "postgres"), "CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\" OWNER \"" + user.replace("\"", "\"\"")
                + "\";\n");
    }

    private synchronized void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", String.valueOf(port)));
        for (String setting : SETTINGS) {
            command.add("-c");
            command.add(setting);
        }
        Process process = new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        postmaster = process;
        process.onExit().thenRun(() -> exited(process));
    }

    /** A postmaster that ends while the emulator is not stopping died: started again, a second later. */
    private void exited(Process process) {
        synchronized (this) {
            if (stopping || process != postmaster) {
                return;
            }
        }
        LOG.errorf("the embedded PostgreSQL exited with status %d; starting it again", process.exitValue());
        try {
            Thread.sleep(RESTART_DELAY.toMillis());
            synchronized (this) {
                if (stopping) {
                    return;
                }
                launch();
            }
        } catch (IOException e) {
            LOG.error("the embedded PostgreSQL could not be started again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** PostgreSQL writes its state on the pid file's eighth line; "ready" once it accepts connections. */
    private void awaitAccepting() throws IOException, InterruptedException {
        Path pid = data.resolve("postmaster.pid");
        Instant deadline = Instant.now().plus(READY_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            Process process;
            synchronized (this) {
                process = postmaster;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("postgres exited with status " + process.exitValue()
                        + " (its messages are in the emulator's log)");
            }
            try {
                List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
                if (lines.size() >= 8 && lines.get(7).trim().equals("ready")) {
                    return;
                }
            } catch (IOException notYet) {
                // written as the postmaster starts
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not accepting connections after " + READY_LIMIT.toSeconds() + " s");
    }

    /** Quarkus has started: its stop, not the JVM's exit, stops the database ({@link #stopAfterQuarkus()}). */
    public void startedUnderQuarkus() {
        underQuarkus = true;
    }

    /** Quarkus has stopped serving: the database goes now, after every request that needed it. */
    public void stopAfterQuarkus() {
        stop();
        quarkusStopped.countDown();
    }

    /**
     * The JVM exits: shutdown hooks run at once and side by side, Quarkus' own among them. Once Quarkus has
     * started, its stop comes first, so that requests still being answered keep their database.
     */
    private void stopOnExit() {
        try {
            if (underQuarkus) {
                quarkusStopped.await(QUARKUS_STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    /** Shuts the database down in fast mode and waits for it; does nothing the second time. */
    public void stop() {
        Process process;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            process = postmaster;
        }
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "fast", "-s", "-w",
                    "-t", String.valueOf(STOP_LIMIT.toSeconds())), null);
            process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the embedded PostgreSQL did not stop in fast mode; stopping it immediately", e);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Runs a PostgreSQL tool to its end with {@code input} on its standard input; its output joins ours. */
    private static void run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (var in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " exited with status " + status
                    + " (its messages are in the emulator's log)");
        }
    }

    /** The newest PostgreSQL installed as the distributions do, under /usr/lib/postgresql/VERSION/bin. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                    .max(Comparator.comparingInt(v -> versionNumber(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL under " + root));
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL under " + root, e);
        }
    }

    private static int versionNumber(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }
}
