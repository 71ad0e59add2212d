package io.wksemu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wksemu.ui.Chromium;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard of an emulator started with {@code EMULATOR_ADMIN_TOKEN} and the default lenient gateway:
 * the page loads without the token, asks for it once, keeps it in sessionStorage only, and its calls to the
 * emulated endpoint pass the lenient gateway; a dialog cancelled fails the calls that waited for it.
 */
class DashboardTokenIT {

    private static final String ADMIN = "dashboard-secret";

    private static AppProcess app;

    @BeforeAll
    static void startApp() throws Exception {
        app = AppProcess.start(Map.of("EMULATOR_ADMIN_TOKEN", ADMIN));
    }

    @AfterAll
    static void stopApp() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void asksForTheAdminTokenOnceAndKeepsItForTheTabOnly() throws Exception {
        String project = "tok" + UUID.randomUUID().toString().replace("-", "");
        try (Chromium browser = Chromium.start()) {
            assertEquals(200, app.get("/_emulator/ui/").statusCode());
            HttpResponse<String> refused = app.get("/_emulator/projects");
            assertEquals(401, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"error_code\":\"EMU.0401\""), refused.body());
            HttpResponse<String> loaded = app.send("POST", "/_emulator/fixtures", """
                    {"projects": [{"project_id": "%s",
                      "desktops": [{"resource_id": "d1", "resource_name": "dev-01", "created_at": "today-5d"}],
                      "daily_usage": [{"resource_id": "d1", "day": "today-2d", "usage_seconds": 5400}]}]}
                    """.formatted(project), ADMIN);
            assertEquals(200, loaded.statusCode(), loaded.body());

            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(app.baseUrl() + "/_emulator/ui/#projects");
            wait.until(d -> d.findElement(By.id("token-dialog")).isDisplayed());
            driver.findElement(By.id("token-input")).sendKeys(ADMIN);
            driver.findElement(By.cssSelector("#token-form button[type=submit]")).click();
            wait.until(d -> d.findElement(By.id("clock-now")).getText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
            wait.until(d -> !d.findElements(By.cssSelector("#projects-table tr[data-project='" + project + "'] button")).isEmpty());
            driver.findElement(By.cssSelector("#projects-table tr[data-project='" + project + "'] button")).click();
            // the emulated endpoint, through the lenient gateway: 5400 s over the default range
            wait.until(d -> d.findElements(By.cssSelector("#desktops-table tbody td.usage")).stream()
                    .anyMatch(c -> c.getText().equals("5400")));

            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertEquals(ADMIN, js.executeScript("return sessionStorage.getItem('wksemu.adminToken');"));
            assertEquals(0L, js.executeScript("return localStorage.length;"));
            assertEquals("", js.executeScript("return document.cookie;"));
            assertTrue(!driver.findElement(By.id("token-dialog")).isDisplayed());
            // the only console errors are the admin calls refused before the token was given
            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
            assertTrue(severe.stream().allMatch(e -> e.getMessage().contains("status of 401")), severe.toString());
        }
    }

    /**
     * Esc or Cancel on the token dialog fails the admin calls waiting for it with an alert; polling does not
     * reopen the dialog, the next action asks again, and a token given then lets the action through.
     */
    @Test
    void cancellingTheTokenDialogFailsTheWaitingCallsAndTheNextActionAsksAgain() throws Exception {
        try (Chromium browser = Chromium.start()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(app.baseUrl() + "/_emulator/ui/#requests");
            wait.until(d -> d.findElement(By.id("token-dialog")).isDisplayed());
            driver.findElement(By.id("token-input")).sendKeys(Keys.ESCAPE);
            String clockRefused = "GET /_emulator/clock needs the admin token (EMU.0401) and none was given; the next action asks again.";
            wait.until(d -> alert(d).isDisplayed() && alert(d).getText().equals(clockRefused));
            assertEquals("alert", alert(driver).getAttribute("role"));
            assertFalse(driver.findElement(By.id("token-dialog")).isDisplayed());

            // polling (every 2 s) neither reopens the dialog nor announces the failure again
            Thread.sleep(5000);
            assertFalse(driver.findElement(By.id("token-dialog")).isDisplayed());
            assertEquals(clockRefused, alert(driver).getText());

            // the next action asks again; its Cancel button fails that action in turn
            driver.findElement(By.id("requests-clear")).click();
            wait.until(d -> d.findElement(By.id("token-dialog")).isDisplayed());
            driver.findElement(By.cssSelector("#token-form button[value=cancel]")).click();
            wait.until(d -> alert(d).getText().equals(
                    "DELETE /_emulator/requests needs the admin token (EMU.0401) and none was given; the next action asks again."));
            assertFalse(driver.findElement(By.id("token-dialog")).isDisplayed());
            JavascriptExecutor js = (JavascriptExecutor) driver;
            assertEquals(null, js.executeScript("return sessionStorage.getItem('wksemu.adminToken');"));

            // and with the token given, the action goes through and the alert gives way to the notice
            driver.findElement(By.id("requests-refresh")).click();
            wait.until(d -> d.findElement(By.id("token-dialog")).isDisplayed());
            driver.findElement(By.id("token-input")).sendKeys(ADMIN);
            driver.findElement(By.cssSelector("#token-form button[value=ok]")).click();
            wait.until(d -> d.findElement(By.id("notice")).getText().equals("Admin token kept for this tab."));
            assertFalse(alert(driver).isDisplayed());
            assertEquals(ADMIN, js.executeScript("return sessionStorage.getItem('wksemu.adminToken');"));
            wait.until(d -> d.findElement(By.id("clock-now")).getText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        }
    }

    private static WebElement alert(WebDriver driver) {
        return driver.findElement(By.cssSelector("[role=alert]"));
    }
}
