package io.wksemu.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The module's version and the image it starts by default, written into the jar at build time. */
public final class WksEmuVersion {

    private static final Properties BUILD = load();

    private WksEmuVersion() {
    }

    /** The module's version, which is the emulator's: {@code 0.1.0}, {@code 0.2.0-SNAPSHOT}... */
    public static String version() {
        return BUILD.getProperty("version");
    }

    /** The image repository, without a tag: {@code ghcr.io/wksemu/wksemu}. */
    public static String imageRepository() {
        return BUILD.getProperty("image");
    }

    /** The image of the emulator this module was built with. */
    public static String image() {
        return imageRepository() + ":" + version();
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = WksEmuVersion.class.getResourceAsStream("wksemu.properties")) {
            if (in == null) {
                throw new IllegalStateException("wksemu.properties is missing from the wksemu-testcontainers jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
