package io.wksemu.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium or Chrome driven through its chromedriver, with a fresh profile and nothing that reaches
 * beyond this machine; the browser console is recorded. The browser is {@code CHROME_BIN} and the driver
 * {@code CHROMEDRIVER} when set, else the first found of Debian's {@code chromium} (scripts/ensure-chromium.sh
 * installs it) and the {@code google-chrome} of GitHub's Ubuntu runners, and of {@code /usr/bin/chromedriver}
 * and the runners' {@code $CHROMEWEBDRIVER/chromedriver}.
 */
public final class Chromium implements AutoCloseable {

    private static final Path BINARY = first("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/google-chrome",
            "/usr/bin/google-chrome-stable");
    private static final Path DRIVER = first("CHROMEDRIVER", "/usr/bin/chromedriver",
            System.getenv("CHROMEWEBDRIVER") == null ? null : System.getenv("CHROMEWEBDRIVER") + "/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    public static Chromium start() throws IOException {
        assertTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER), "no browser (" + BINARY + ") or driver ("
                + DRIVER + "): run scripts/ensure-chromium.sh, or set CHROME_BIN and CHROMEDRIVER");
        Path profile = Files.createTempDirectory("wksemu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        return new Chromium(profile, driver);
    }

    /** The variable's path when set, else the first executable candidate, else the first candidate. */
    private static Path first(String variable, String... candidates) {
        String set = System.getenv(variable);
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        return Arrays.stream(candidates).filter(Objects::nonNull).map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(Path.of(candidates[0]));
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
