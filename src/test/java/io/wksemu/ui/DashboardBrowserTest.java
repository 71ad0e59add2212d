package io.wksemu.ui;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.freezeClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's chromium, headless, driven by chromedriver): load a fixture,
 * read its numbers and heat map, advance the clock a day, open and close a session, inject a fault and find
 * the failed call in the journal. Each view's screenshot is written to target/dashboard-screenshots, or to the
 * folder {@code -Dwksemu.screenshots} names ({@code docs} refreshes the README's). Needs
 * scripts/ensure-chromium.sh (scripts/test.sh runs it).
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final Path SHOTS = Path.of(System.getProperty("wksemu.screenshots", "target/dashboard-screenshots"));

    @TestHTTPResource("/")
    URL base;

    private Chromium browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Chromium.start();
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        given().delete("/_emulator/faults").then().statusCode(200);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
        given().delete("/_emulator/faults").then().statusCode(200);
        given().delete("/_emulator/clock").then().statusCode(200);
    }

    @Test
    void loadReadAdvanceSessionsAndFaultsThroughThePage() throws Exception {
        freezeClock("2026-06-15T12:00:00Z");
        String project = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        Path fixture = Files.createTempFile("dashboard-fixture", ".json");
        Files.writeString(fixture, """
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "alpha-01", "resource_pool_id": "pool-a", "created_at": "today-200d"},
                               {"resource_id": "d2", "resource_name": "beta-02", "created_at": "today-10d"},
                               {"resource_id": "d3", "resource_name": "gamma-03", "resource_pool_id": "pool-a", "created_at": "today-2d"}],
                  "sessions": [{"resource_id": "d2", "user_name": "alice", "login_at": "today-3d+09:00", "logout_at": "today-3d+11:00"},
                               {"resource_id": "d2", "user_name": "alice", "login_at": "today+08:00", "logout_at": "today+10:00"},
                               {"resource_id": "d1", "user_name": "carol", "login_at": "today+11:00"}],
                  "daily_usage": [{"resource_id": "d1", "day": "today-1d", "usage_seconds": 3600},
                                  {"resource_id": "d1", "day": "today-2d", "usage_seconds": 7200}]}]}
                """.formatted(project));

        // a browser asking for / lands on the page
        driver.get(base.toString());
        wait.until(d -> d.getCurrentUrl().endsWith("/_emulator/ui/"));
        waitText("clock-now", "2026-06-15T12:00:00Z");

        // State: wipe everything, then load the fixture file
        view("state");
        click(By.id("wipe-confirm"));
        click(By.cssSelector("#wipe-form button[type=submit]"));
        waitText("wipe-result", "Wiped all.");
        driver.findElement(By.id("load-file")).sendKeys(fixture.toAbsolutePath().toString());
        click(By.cssSelector("#load-form button[type=submit]"));
        waitText("load-result", "Loaded 1 project(s), 3 desktop(s), 3 session(s), 2 day point(s).");
        screenshot("state");

        // Projects: the counts, then the emulated endpoint's answer and the heat map
        view("projects");
        wait.until(d -> rows("projects-table").size() == 1);
        assertEquals(List.of(project, "3", "3", "1", "3"), rows("projects-table").get(0));
        openProject(project, "2026-06-15T12:00:00Z");
        assertEquals(List.of(
                List.of("alpha-01", "d1", "pool-a", "2025-11-27", "10800", "3.00", "0"),
                List.of("beta-02", "d2", "—", "2026-06-05", "7200", "2.00", "2"),
                List.of("gamma-03", "d3", "pool-a", "2026-06-13", "0", "0.00", "2")), desktopRows());
        assertEquals("count 3, showing 1-3", text("desktops-count"));
        assertEquals(Map.of("d1", List.of("2026-06-13=7200", "2026-06-14=3600"), "d2", List.of("2026-06-12=7200"), "d3", List.of()),
                usedCells());
        assertEquals(List.of("due", "due", "due"), classesOn("2026-06-15"));
        assertEquals(181, driver.findElements(By.cssSelector("#heatmap .hm-row[data-resource='d1'] .cell")).size());
        screenshot("projects");
        scrollTo(By.id("heatmap"));
        screenshot("heatmap");

        // Clock: reached and pressed from the keyboard; +1 day aggregates 2026-06-15
        view("clock");
        List<String> reached = tabThrough("+1 day");
        assertTrue(reached.containsAll(List.of("Clock", "Projects", "Sessions", "Requests", "Faults", "State", "Freeze")), reached.toString());
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitText("clock-aggregated", "2026-06-15");
        waitText("clock-now-full", "2026-06-16T12:00:00Z");
        assertEquals("fixed", text("clock-mode"));
        assertEquals("2026-06-17T02:00:00Z", text("clock-next"));
        screenshot("clock");

        // the new day is in the heat map and in the query over the new default range
        view("projects");
        openProject(project, "2026-06-16T12:00:00Z");
        assertEquals(List.of(
                List.of("alpha-01", "d1", "pool-a", "2025-11-27", "57600", "16.00", "0"),
                List.of("beta-02", "d2", "—", "2026-06-05", "14400", "4.00", "0"),
                List.of("gamma-03", "d3", "pool-a", "2026-06-13", "0", "0.00", "3")), desktopRows());
        assertEquals(Map.of("d1", List.of("2026-06-13=7200", "2026-06-14=3600", "2026-06-15=46800"),
                "d2", List.of("2026-06-12=7200", "2026-06-15=7200"), "d3", List.of()), usedCells());
        assertEquals(List.of("due", "due", "due"), classesOn("2026-06-16"));
        assertEquals(List.of("l4", "l2", "l0"), classesOn("2026-06-15"));

        // Sessions: log in to d3 and out again
        view("sessions");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sessions-project"))).selectByValue(project);
        wait.until(d -> rows("sessions-table").size() == 3);
        assertEquals("carol since 2026-06-15T11:00:00Z", rows("sessions-table").get(0).get(2));
        click(By.cssSelector("#sessions-table tr[data-resource='d3'] button[data-action='login']"));
        wait.until(d -> rows("sessions-table").get(2).get(2).equals("emulator-user since 2026-06-16T12:00:00Z"));
        screenshot("sessions");
        click(By.cssSelector("#sessions-table tr[data-resource='d3'] button[data-action='logout']"));
        wait.until(d -> rows("sessions-table").get(2).get(2).equals("—"));
        assertNoConsoleErrors();

        // Faults: inject a 503 for the project; the page's own query fails and the journal shows it
        given().delete("/_emulator/requests").then().statusCode(200);
        view("faults");
        type("fault-code", "WKS.00000003");
        type("fault-msg", "Injected by the dashboard test.");
        type("fault-project", project);
        click(By.cssSelector("#fault-form button[type=submit]"));
        wait.until(d -> rows("faults-table").size() == 1 && rows("faults-table").get(0).get(0).equals("503"));
        assertEquals(List.of("503", "WKS.00000003", "Injected by the dashboard test.", "0", "1", project),
                rows("faults-table").get(0));
        screenshot("faults");
        view("projects");
        click(By.cssSelector("#projects-table button.link"));
        waitNotice("answered 503 WKS.00000003: Injected by the dashboard test.");

        view("requests");
        wait.until(d -> rows("requests-table").stream().anyMatch(r -> r.get(3).equals("503")));
        List<List<String>> failures = rows("requests-table").stream().filter(r -> !r.get(3).equals("200")).toList();
        assertEquals(1, failures.size(), failures.toString());
        List<String> failed = failures.get(0);
        assertEquals("GET", failed.get(1));
        assertEquals("/v2/" + project + "/statistics/metrics/desktops", failed.get(2));
        assertTrue(failed.get(4).matches("[0-9a-f]{32}"), failed.toString());
        click(By.cssSelector("#requests-table tbody tr[data-status='503'] button.link"));
        wait.until(d -> d.findElement(By.id("request-detail")).isDisplayed());
        assertEquals(List.of(List.of("start_time", "2025-12-17T12:00:00Z"), List.of("end_time", "2026-06-16T12:00:00Z"),
                List.of("offset", "0"), List.of("limit", "100")), rows("request-query"));
        screenshot("requests");
        List<LogEntry> severe = severeEntries();
        assertEquals(1, severe.size(), severe.toString());
        assertTrue(severe.get(0).getMessage().contains("status of 503"), severe.toString());

        // narrow window: nothing wider than the window
        driver.manage().window().setSize(new Dimension(420, 800));
        view("projects");
        openProject(project, "2026-06-16T12:00:00Z");
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow);
        screenshot("narrow");
        assertNoConsoleErrors();
    }

    // ---------- helpers ----------

    private void view(String name) {
        driver.findElement(By.cssSelector("header nav a[data-view='" + name + "']")).click();
        wait.until(d -> !d.findElement(By.id("view-" + name)).isDisplayed() ? false : true);
    }

    /** Opens the project and waits for the query up to the clock's now and the heat map up to its today. */
    private void openProject(String project, String now) {
        wait.until(d -> rows("projects-table").size() == 1);
        click(By.cssSelector("#projects-table button.link"));
        wait.until(d -> text("detail-project").equals(project)
                && now.equals(d.findElement(By.id("desktops-table")).getAttribute("data-end"))
                && now.substring(0, 10).equals(d.findElement(By.id("heatmap")).getAttribute("data-to")));
    }

    private List<List<String>> desktopRows() {
        return rows("desktops-table");
    }

    /** Per desktop, the days with use as day=seconds. */
    @SuppressWarnings("unchecked")
    private Map<String, List<String>> usedCells() {
        return (Map<String, List<String>>) ((JavascriptExecutor) driver).executeScript("""
                const out = {};
                for (const row of document.querySelectorAll('#heatmap .hm-row[data-resource]')) {
                  out[row.dataset.resource] = [...row.querySelectorAll('.cell')]
                    .filter(c => c.dataset.seconds !== '' && Number(c.dataset.seconds) > 0)
                    .map(c => c.dataset.day + '=' + c.dataset.seconds);
                }
                return out;""");
    }

    @SuppressWarnings("unchecked")
    private List<String> classesOn(String day) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('#heatmap .hm-row[data-resource] .cell[data-day="' + arguments[0] + '"]')]
                  .map(c => c.className.replace('cell', '').trim());""", day);
    }

    /** Tabs from the top of the page until the named control has the focus; answers the controls passed. */
    private List<String> tabThrough(String label) {
        // the first stop of the page, the skip link, then onwards by Tab alone
        ((JavascriptExecutor) driver).executeScript("document.querySelector('a.skip').focus();");
        List<String> reached = new ArrayList<>(List.of(driver.switchTo().activeElement().getText().trim()));
        for (int i = 0; i < 40; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            String focused = driver.switchTo().activeElement().getText().trim();
            reached.add(focused);
            if (focused.equals(label)) {
                return reached;
            }
        }
        throw new AssertionError(label + " not reached by keyboard: " + reached);
    }

    /** The table's body as text, read in one step so that a refresh cannot interleave. */
    @SuppressWarnings("unchecked")
    private List<List<String>> rows(String table) {
        return (List<List<String>>) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('#' + arguments[0] + ' tbody tr')]
                  .map(r => [...r.cells].map(c => c.innerText.trim()));""", table);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().trim();
    }

    private void waitText(String id, String expected) {
        try {
            wait.until(d -> text(id).equals(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("#" + id + " shows '" + text(id) + "', expected '" + expected + "'; notice: "
                    + driver.findElement(By.id("notice")).getText(), e);
        }
    }

    private void waitNotice(String part) {
        try {
            wait.until(d -> text("notice").contains(part));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("notice shows '" + text("notice") + "', expected it to contain '" + part + "'; journal: "
                    + given().get("/_emulator/requests").asString() + "; faults: " + given().get("/_emulator/faults").asString(), e);
        }
    }

    /** Clicks once the element can be clicked; found again if a refresh replaced it meanwhile. */
    private void click(By by) {
        wait.until(d -> {
            WebElement element = d.findElement(by);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void scrollTo(By by) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", driver.findElement(by));
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve("dashboard-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<LogEntry> severeEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> severe = severeEntries();
        assertTrue(severe.isEmpty(), severe.toString());
    }
}
