package io.wksemu.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wksemu.ui.Chromium;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard of an emulator started with {@code EMULATOR_ADMIN_TOKEN} and the default lenient gateway:
 * the page loads without the token, asks for it once, keeps it in sessionStorage only, and its calls to the
 * emulated endpoint pass the lenient gateway.
 */
class DashboardTokenIT {

    private static final String ADMIN = "dashboard-secret";

    @Test
    void asksForTheAdminTokenOnceAndKeepsItForTheTabOnly() throws Exception {
        String project = "tok" + UUID.randomUUID().toString().replace("-", "");
        try (AppProcess app = AppProcess.start(Map.of("EMULATOR_ADMIN_TOKEN", ADMIN));
                Chromium browser = Chromium.start()) {
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
}
