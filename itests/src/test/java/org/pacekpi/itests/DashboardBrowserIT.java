package org.pacekpi.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A manager signs in at /crm/ in headless Chromium (Debian's chromium and chromium-driver) and the Pace widget shows
 * the same touches as Pace's REST API; a logged call moves the number. The demo runs as the README's run command
 * starts it.
 */
public class DashboardBrowserIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static DemoKaraf karaf;
    private static int port;
    private static DemoSupport demo;

    private ChromeDriver browser;
    private Path profile;

    @Rule
    public final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            if (browser != null) {
                File shot = browser.getScreenshotAs(OutputType.FILE);
                Path target = Path.of(KarafTestSupport.required("itest.work.dir"), description.getMethodName() + ".png");
                try {
                    Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    System.err.println("screenshot of the failure: " + target);
                } catch (java.io.IOException io) {
                    e.addSuppressed(io);
                }
            }
        }
    };

    @BeforeClass
    public static void startDemo() throws Exception {
        for (String binary : new String[] {CHROMIUM, CHROMEDRIVER}) {
            assertTrue(binary + " is required for the browser tests: apt-get install chromium chromium-driver "
                    + "(scripts/ensure-test-env.sh does it)", Files.isExecutable(Path.of(binary)));
        }
        karaf = DemoKaraf.prepare("browser-demo", "browser", java.util.Map.of()).start();
        port = karaf.httpPort();
        demo = new DemoSupport(port);
    }

    @AfterClass
    public static void stopDemo() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Before
    public void openBrowser() throws Exception {
        profile = Files.createTempDirectory("pace-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @After
    public void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    public void aManagerSeesTheTouchesOfTheRestApiAndALoggedCallMovesThem() {
        String anna = demo.userId("anna");
        signIn("anna");

        long weekBefore = demo.touches("anna", anna, "week");
        assertWidgetShows(weekBefore, demo.touches("anna", anna, "month"));

        JsonNode call = demo.logCall("anna", demo.newClient("anna"));
        demo.awaitApplied(call.path("sequence").asLong(), Duration.ofSeconds(60));
        long week = demo.touches("anna", anna, "week");
        long month = demo.touches("anna", anna, "month");
        assertEquals("the logged call is a touch", weekBefore + 1, week);
        browser.navigate().refresh();
        assertWidgetShows(week, month);
        keepScreenshot("dashboard-manager.png");
    }

    @Test
    public void aHeadOfSalesSeesTheTeamTable() {
        String boris = demo.userId("boris");
        signIn("head");
        await("widget ready").atMost(Duration.ofSeconds(20)).until(() -> "ready".equals(
                browser.findElement(By.tagName("pace-kpi-widget")).getAttribute("data-state")));
        SearchContext shadow = browser.findElement(By.tagName("pace-kpi-widget")).getShadowRoot();
        WebElement borisWeek = shadow.findElement(By.cssSelector(
                "[data-metric=touches][data-period=week][data-manager-id='" + boris + "']"));
        assertEquals(Long.toString(demo.touches("head", boris, "week")), borisWeek.getText().trim());
        keepScreenshot("dashboard-head.png");
    }

    @Test
    public void aManagerSeesATargetAnAdminSetWithDoneTargetAndPaceInWords() {
        String boris = demo.userId("boris");
        JsonNode me = demo.as("boris").get("/pace/api/v1/me").json();
        String month = java.time.YearMonth.now(java.time.ZoneId.of(me.path("timeZone").asText())).toString();
        Http.Response created = demo.as("admin").post("/pace/api/v1/targets", java.util.Map.of(
                "scope", java.util.Map.of("type", "manager", "id", boris), "metric", "touches", "period", month,
                "value", 500, "note", "set by the browser test"));
        assertEquals(created.body(), 201, created.status());
        try {
            signIn("boris");
            await("widget ready").atMost(Duration.ofSeconds(20)).until(() -> "ready".equals(
                    browser.findElement(By.tagName("pace-kpi-widget")).getAttribute("data-state")));
            SearchContext shadow = browser.findElement(By.tagName("pace-kpi-widget")).getShadowRoot();
            WebElement row = shadow.findElement(By.cssSelector("table[data-targets] tr[data-metric=touches]"));
            assertEquals("500", row.findElement(By.cssSelector("[data-field=target]")).getText().trim());
            assertEquals(Long.toString(demo.touches("boris", boris, "month")),
                    row.findElement(By.cssSelector("[data-field=actual]")).getText().trim());
            String status = row.findElement(By.cssSelector("[data-status]")).getAttribute("data-status");
            assertTrue(status, java.util.Set.of("ahead", "on_track", "behind", "at_risk").contains(status));
            assertTrue(row.getText(), row.getText().contains("Client touches (" + month + ")"));
            keepScreenshot("dashboard-targets.png");
        } finally {
            String id = created.json().path("id").asText();
            assertEquals(204, demo.as("admin").delete("/pace/api/v1/targets/" + id, created.etag()).status());
        }
    }

    private void keepScreenshot(String name) {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), Path.of(KarafTestSupport.required("itest.work.dir"), name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not keep the screenshot " + name, e);
        }
    }

    @Test
    public void aWrongPasswordIsRefusedAndNoWidgetIsShown() {
        browser.get("http://localhost:" + port + "/crm/");
        browser.findElement(By.name("login")).sendKeys("anna");
        browser.findElement(By.name("password")).sendKeys("wrong");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await("sign-in form shown again").atMost(Duration.ofSeconds(10))
                .until(() -> !browser.findElements(By.name("password")).isEmpty());
        assertTrue(browser.findElements(By.tagName("pace-kpi-widget")).isEmpty());
    }

    private void signIn(String login) {
        browser.get("http://localhost:" + port + "/crm/");
        browser.findElement(By.name("login")).sendKeys(login);
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await("dashboard with the Pace widget").atMost(Duration.ofSeconds(20))
                .until(() -> !browser.findElements(By.tagName("pace-kpi-widget")).isEmpty());
    }

    private void assertWidgetShows(long week, long month) {
        await("widget ready").atMost(Duration.ofSeconds(20)).until(() -> "ready".equals(
                browser.findElement(By.tagName("pace-kpi-widget")).getAttribute("data-state")));
        SearchContext shadow = browser.findElement(By.tagName("pace-kpi-widget")).getShadowRoot();
        WebElement weekValue = shadow.findElement(By.cssSelector("[data-metric=touches][data-period=week]"));
        WebElement monthValue = shadow.findElement(By.cssSelector("[data-metric=touches][data-period=month]"));
        assertEquals("touches this week", Long.toString(week), weekValue.getText().trim());
        assertEquals("touches this month", Long.toString(month), monthValue.getText().trim());
    }
}
