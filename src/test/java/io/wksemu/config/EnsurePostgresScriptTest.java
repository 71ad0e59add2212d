package io.wksemu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/ensure-postgres.sh on a machine without PostgreSQL's client or Debian's packaging (an empty PATH:
 * no psql, no pg_lsclusters, no apt-get), as on macOS or beside a PostgreSQL in a container.
 */
class EnsurePostgresScriptTest {

    @Test
    void aServerThatListensIsTakenWithoutPsql(@TempDir Path emptyPath) throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Result result = run(emptyPath, server.getLocalPort());
            assertEquals(0, result.status(), result.output());
            assertTrue(result.output().contains("a server listens at localhost:" + server.getLocalPort()
                    + "; psql is not installed, so database wksemu and role wksemu are not checked"), result.output());
        }
    }

    @Test
    void withNothingListeningAndNoDebianPackagingItStopsNamingTheAlternatives(@TempDir Path emptyPath) throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0)) {
            port = server.getLocalPort();
        }
        Result result = run(emptyPath, port);
        assertEquals(1, result.status(), result.output());
        assertTrue(result.output().contains("no PostgreSQL answers at localhost:" + port + ", and this machine has neither"
                + " Debian's PostgreSQL packaging (pg_lsclusters) nor apt-get to install it"), result.output());
        assertTrue(result.output().contains("docker run -d -p " + port + ":5432 -e POSTGRES_USER=wksemu"), result.output());
        assertTrue(result.output().contains("run the emulator's container image, which carries its own database"),
                result.output());
    }

    private record Result(int status, String output) {
    }

    private static Result run(Path path, int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "scripts/ensure-postgres.sh").redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", path.toString());
        builder.environment().put("DB_PORT", String.valueOf(port));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }
}
