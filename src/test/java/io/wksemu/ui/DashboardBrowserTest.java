package io.wksemu.ui;

import static io.restassured.RestAssured.given;
import static io.wksemu.TestSupport.freezeClock;
import static io.wksemu.TestSupport.load;
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
import org.openqa.selenium.support.ui.Select;
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
        new Select(driver.findElement(By.id("sessions-project"))).selectByValue(project);
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
        // a notice that is no error goes to the polite status region, not to the alert
        assertEquals("Fault added: the next 1 matching response(s) of the emulated API",
                driver.findElement(By.cssSelector("[role=status][aria-live=polite]")).getText());
        assertTrue(!driver.findElement(By.id("alert")).isDisplayed());
        assertEquals(List.of("503", "WKS.00000003", "Injected by the dashboard test.", "0", "1", project),
                rows("faults-table").get(0));
        screenshot("faults");
        view("projects");
        click(By.cssSelector("#projects-table button.link"));
        // an error is announced as an alert, and the polite status region is cleared
        waitAlert("answered 503 WKS.00000003: Injected by the dashboard test.");
        assertEquals("alert", driver.findElement(By.id("alert")).getAttribute("role"));
        assertEquals(List.of(), driver.findElements(By.cssSelector("[role=status]")).stream().filter(WebElement::isDisplayed).toList());

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

    /**
     * The users view is answered by the users endpoint itself: its rows, filters, order and pages, and a failed
     * login recorded from the page counts once its day is aggregated.
     */
    @Test
    void usersViewQueriesTheUsersEndpointAndRecordsAFailedLogin() throws Exception {
        freezeClock("2026-06-15T12:00:00Z");
        String project = "users-" + UUID.randomUUID().toString().substring(0, 8);
        // alice on two desktops at once (the times add up), bob once, carol and u000-u100 only failed
        List<String> failures = new ArrayList<>(List.of(
                "{\"resource_id\": \"d1\", \"user_name\": \"carol\", \"at\": \"today-1d+08:59\"}",
                "{\"resource_id\": \"d1\", \"user_name\": \"alice\", \"at\": \"today-2d+07:00\"}"));
        for (int i = 0; i <= 100; i++) {
            failures.add("{\"resource_id\": \"d2\", \"user_name\": \"u%03d\", \"at\": \"today-5d+08:00\"}".formatted(i));
        }
        load("""
                {"projects": [{"project_id": "%s",
                  "desktops": [{"resource_id": "d1", "resource_name": "alpha-01", "created_at": "today-20d"},
                               {"resource_id": "d2", "resource_name": "beta-02", "created_at": "today-20d"}],
                  "sessions": [{"resource_id": "d1", "user_name": "alice", "login_at": "today-3d+09:00", "logout_at": "today-3d+11:00"},
                               {"resource_id": "d2", "user_name": "alice", "login_at": "today-3d+10:00", "logout_at": "today-3d+10:30"},
                               {"resource_id": "d2", "user_name": "bob", "login_at": "today-2d+08:00", "logout_at": "today-2d+09:00"}],
                  "login_failures": [%s]}]}
                """.formatted(project, String.join(",", failures)));

        driver.get(base + "_emulator/ui/#users");
        waitText("clock-now", "2026-06-15T12:00:00Z");
        // the view's first answer (the first project's) is in before this project is chosen
        wait.until(d -> !text("users-count").isEmpty());
        new Select(driver.findElement(By.id("users-project"))).selectByValue(project);
        String range = "start_time=2026-05-15T12%3A00%3A00Z&end_time=2026-06-15T12%3A00%3A00Z";
        String url = "GET /v2/" + project + "/statistics/metrics/users?" + range;
        List<List<String>> rows = usersAnswer(url + "&offset=0&limit=100", "count 104, showing 1-100");
        assertEquals(100, rows.size());
        assertEquals(List.of(
                List.of("alice", "9000", "2.50", "3", "2", "1"),
                List.of("bob", "3600", "1.00", "1", "1", "0"),
                List.of("carol", "0", "0.00", "1", "0", "1"),
                List.of("u000", "0", "0.00", "1", "0", "1")), rows.subList(0, 4));
        assertEquals(List.of("u096", "0", "0.00", "1", "0", "1"), rows.get(99));
        assertTrue(!driver.findElement(By.id("users-prev")).isEnabled());
        screenshot("users");
        click(By.id("users-next"));
        assertEquals(List.of("u097", "u098", "u099", "u100"), usersAnswer(url + "&offset=100&limit=100",
                "count 104, showing 101-104").stream().map(r -> r.get(0)).toList());
        assertTrue(!driver.findElement(By.id("users-next")).isEnabled());

        // filters and order, from the first page again
        type("users-name", "o");
        assertEquals(List.of(List.of("bob", "3600", "1.00", "1", "1", "0"), List.of("carol", "0", "0.00", "1", "0", "1")),
                queryUsers(url + "&username=o&offset=0&limit=100", "count 2, showing 1-2"));
        driver.findElement(By.id("users-name")).clear();
        type("users-min", "1");
        new Select(driver.findElement(By.id("users-sort"))).selectByValue("ASC");
        assertEquals(List.of(List.of("bob", "3600", "1.00", "1", "1", "0"), List.of("alice", "9000", "2.50", "3", "2", "1")),
                queryUsers(url + "&usage_min_hours=1&sort_field=user_usage&sort_type=ASC&offset=0&limit=100", "count 2, showing 1-2"));

        // a failed login at the clock's now counts once 2026-06-15 is aggregated
        driver.findElement(By.id("users-min")).clear();
        new Select(driver.findElement(By.id("users-sort"))).selectByValue("");
        type("users-name", "dave");
        type("fail-desktop", "d2");
        type("fail-user", "dave");
        click(By.cssSelector("#fail-form button[type=submit]"));
        waitText("fail-result", "Failed login of dave on d2 recorded at 2026-06-15T12:00:00Z; the users endpoint counts it once its day is aggregated.");
        assertEquals(List.of(), usersAnswer(url + "&username=dave&offset=0&limit=100", "count 0"));
        freezeClock("2026-06-16T12:00:00Z");
        type("users-end", "2026-06-16T12:00:00Z");
        assertEquals(List.of(List.of("dave", "0", "0.00", "1", "0", "1")), queryUsers("GET /v2/" + project
                + "/statistics/metrics/users?start_time=2026-05-15T12%3A00%3A00Z&end_time=2026-06-16T12%3A00%3A00Z"
                + "&username=dave&offset=0&limit=100", "count 1, showing 1-1"));
        assertNoConsoleErrors();
    }

    /** Submits the users form; answers the rows once the page shows the given request's answer. */
    private List<List<String>> queryUsers(String request, String count) {
        click(By.cssSelector("#users-form button[type=submit]"));
        return usersAnswer(request, count);
    }

    /** The users table once it holds the given request's answer, with the request and the count shown. */
    private List<List<String>> usersAnswer(String request, String count) {
        wait.until(d -> request.equals(d.findElement(By.id("users-table")).getAttribute("data-request")));
        assertEquals(request, text("users-url"));
        assertEquals(count, text("users-count"));
        return rows("users-table");
    }

    /**
     * A project of more desktops than one admin page: the Created column and the Sessions view reach every
     * desktop, and the heat map lists the table's desktops in the table's order (resource_name, then id).
     */
    @Test
    void everyDesktopIsReachableAndTheHeatMapFollowsTheTable() throws Exception {
        freezeClock("2026-06-15T12:00:00Z");
        String project = "many-" + UUID.randomUUID().toString().substring(0, 8);
        int total = 1105;
        // names run against the ids: d1105 is desk-0001, d0001 is desk-1105
        List<String> desktops = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            desktops.add("{\"resource_id\": \"d%04d\", \"resource_name\": \"desk-%04d\", \"created_at\": \"today-2d\"}"
                    .formatted(i, total + 1 - i));
        }
        load("{\"projects\": [{\"project_id\": \"" + project + "\", \"desktops\": ["
                + String.join(",", desktops) + "]}]}");

        driver.get(base + "_emulator/ui/#projects");
        click(By.cssSelector("#projects-table tr[data-project='" + project + "'] button.link"));
        waitText("desktops-count", "count 1105, showing 1-100");
        assertDesktopPage(1);
        assertEquals("2025-12-17 to 2026-06-15; due through 2026-06-14; desktops 1-100 of 1105 by name, as the table",
                text("heatmap-range"));
        for (int page = 2; page <= 12; page++) {
            click(By.id("desktops-next"));
            waitText("desktops-count", "count 1105, showing " + (page * 100 - 99) + "-" + Math.min(page * 100, total));
            wait.until(d -> text("heatmap-range").contains("desktops " + (d.findElement(By.id("desktops-count")).getText()
                    .replaceAll(".*showing ", "")) + " of"));
        }
        assertDesktopPage(1101);
        assertEquals("2025-12-17 to 2026-06-15; due through 2026-06-14; desktops 1101-1105 of 1105 by name, as the table",
                text("heatmap-range"));
        assertTrue(!driver.findElement(By.id("desktops-next")).isEnabled());

        view("sessions");
        wait.until(d -> !text("sessions-count").isEmpty());
        new Select(driver.findElement(By.id("sessions-project"))).selectByValue(project);
        waitText("sessions-count", "count 1105, showing 1-100");
        assertEquals(List.of("d1105", "desk-0001", "—", "Log in"), rows("sessions-table").get(0));
        for (int page = 2; page <= 12; page++) {
            click(By.id("sessions-next"));
            waitText("sessions-count", "count 1105, showing " + (page * 100 - 99) + "-" + Math.min(page * 100, total));
        }
        assertEquals(List.of("d0005", "d0004", "d0003", "d0002", "d0001"),
                rows("sessions-table").stream().map(r -> r.get(0)).toList());
        click(By.cssSelector("#sessions-table tr[data-resource='d0001'] button[data-action='login']"));
        wait.until(d -> rows("sessions-table").get(4).equals(
                List.of("d0001", "desk-1105", "emulator-user since 2026-06-15T12:00:00Z", "Log out")));
        assertEquals("count 1105, showing 1101-1105", text("sessions-count"));
        assertNoConsoleErrors();
    }

    /** The table page from the given position (1-based): names, ids, created days, and the heat map's rows. */
    private void assertDesktopPage(int first) {
        List<List<String>> table = desktopRows();
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int n = first; n < first + table.size(); n++) {
            names.add("desk-%04d".formatted(n));
            ids.add("d%04d".formatted(1106 - n));
        }
        assertEquals(Math.min(100, 1106 - first), table.size());
        assertEquals(names, table.stream().map(r -> r.get(0)).toList());
        assertEquals(ids, table.stream().map(r -> r.get(1)).toList());
        assertEquals(List.of("2026-06-13"), table.stream().map(r -> r.get(3)).distinct().toList());
        assertEquals(ids, heatmapResources());
    }

    @SuppressWarnings("unchecked")
    private List<String> heatmapResources() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return [...document.querySelectorAll('#heatmap .hm-row[data-resource]')].map(r => r.dataset.resource);");
    }

    /** No polling while the tab is hidden; when it shows again, the clock and the journal are read at once. */
    @Test
    void pollingStopsWhileTheTabIsHidden() throws Exception {
        driver.get(base + "_emulator/ui/#requests");
        wait.until(d -> text("clock-now").matches("\\d{4}-.*Z"));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // the page's calls are recorded from here; a tick is seen before the tab hides, so the first load is over
        js.executeScript("""
                window.fetched = [];
                const fetchNow = window.fetch;
                window.fetch = (url, options) => { window.fetched.push(String(url)); return fetchNow(url, options); };""");
        wait.until(d -> ((List<?>) js.executeScript("return window.fetched;")).contains("/_emulator/requests"));
        // hidden as the browser reports a hidden tab
        js.executeScript("""
                window.tabHidden = true;
                Object.defineProperty(document, 'hidden', { configurable: true, get: () => window.tabHidden });
                Object.defineProperty(document, 'visibilityState', { configurable: true,
                  get: () => window.tabHidden ? 'hidden' : 'visible' });
                document.dispatchEvent(new Event('visibilitychange'));
                window.fetched = [];""");
        Thread.sleep(5000);
        assertEquals(List.of(), js.executeScript("return window.fetched;"));
        assertEquals(List.of("/_emulator/clock", "/_emulator/requests"), js.executeScript("""
                window.tabHidden = false;
                document.dispatchEvent(new Event('visibilitychange'));
                return window.fetched.slice();"""));
        // and polling goes on every 2 s
        wait.until(d -> ((Number) js.executeScript("return window.fetched.length;")).intValue() >= 4);
        assertEquals(List.of("/_emulator/clock", "/_emulator/requests", "/_emulator/clock", "/_emulator/requests"),
                js.executeScript("return window.fetched.slice(0, 4);"));
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
                    + driver.findElement(By.id("notice")).getText() + "; alert: " + driver.findElement(By.id("alert")).getText(), e);
        }
    }

    private void waitAlert(String part) {
        try {
            wait.until(d -> d.findElement(By.cssSelector("[role=alert]")).isDisplayed()
                    && d.findElement(By.cssSelector("[role=alert]")).getText().contains(part));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("alert shows '" + driver.findElement(By.cssSelector("[role=alert]")).getText()
                    + "', expected it to contain '" + part + "'; journal: "
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
