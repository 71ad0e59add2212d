package io.wksemu.gateway;

import io.quarkus.runtime.StartupEvent;
import io.wksemu.auth.Authenticator;
import io.wksemu.auth.Credentials;
import io.wksemu.config.EmulatorConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The gateway's authenticator, built once at start from {@code emulator.auth.*}. A configured auth file
 * that is missing or unreadable, or an entry that does not parse, stops the start with a message naming
 * it, whatever the mode (the file is read in lenient mode too): a bad configuration never becomes a 500 on
 * every request.
 */
@Singleton
public class GatewayAuth {

    private final Authenticator authenticator;

    public GatewayAuth(EmulatorConfig config) {
        EmulatorConfig.Auth auth = config.auth();
        try {
            this.authenticator = new Authenticator(auth.mode(),
                    Credentials.parse(auth.credentials(), auth.tokens(), auth.file().map(GatewayAuth::readProperties)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid authentication configuration (EMULATOR_AUTH_CREDENTIALS, "
                    + "EMULATOR_AUTH_TOKENS or EMULATOR_AUTH_FILE): " + e.getMessage(), e);
        }
    }

    /** Observing the start creates the bean then, so a bad configuration is found before the first request. */
    void check(@Observes StartupEvent ignored) {
        // nothing more: the constructor did the work
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    static Properties readProperties(String file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("EMULATOR_AUTH_FILE " + file + " cannot be read ("
                    + describe(e) + "); fix the path or unset emulator.auth.file.", e);
        }
        return properties;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
    }
}
