package org.pacekpi.widget.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The element's behaviour in headless Chromium (Debian's chromium and chromium-driver, which
 * scripts/ensure-test-env.sh installs) against {@link FakePaceServer}: what each role sees, that every number has
 * its hook and shows what the API said, which requests it makes, the "why didn't these count?" disclosure, and the
 * problem detail on an error. The whole dashboard with the real Pace is the itests' browser test.
 */
class PaceKpiWidgetBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration READY = Duration.ofSeconds(20);
    private static final List<String> OWN_METRICS = List.of("touches", "firstContacts", "meetingsHeld",
            "callAttempts", "dealsWon");
    private static final List<String> TEAM_METRICS = List.of("touches", "firstContacts", "meetingsHeld", "dealsWon");
    private static final List<String> PERIODS = List.of("week", "month");

    private static FakePaceServer pace;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        for (String binary : new String[] { CHROMIUM, CHROMEDRIVER }) {
            assertThat(Files.isExecutable(Path.of(binary))).as(binary + " is required for the widget's browser "
                    + "test: apt-get install chromium chromium-driver (scripts/ensure-test-env.sh does it)").isTrue();
        }
        pace = new FakePaceServer();
        profile = Files.createTempDirectory("pace-widget-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (pace != null) {
            pace.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Opens the CRM page as {@code user} and waits for the widget to be ready; its shadow root. */
    private SearchContext open(String user) {
        pace.signIn(user);
        browser.get(pace.page());
        await("widget ready").atMost(READY).until(() -> "ready".equals(widget().getAttribute("data-state")));
        return widget().getShadowRoot();
    }

    private static WebElement widget() {
        return browser.findElement(By.tagName("pace-kpi-widget"));
    }

    private static String text(SearchContext root, String selector) {
        return root.findElement(By.cssSelector(selector)).getText().strip();
    }

    @Test
    void aManagerSeesTheirNumbersThisWeekAndThisMonthEachWithItsHook() {
        SearchContext root = open("anna");

        for (String metric : OWN_METRICS) {
            for (String period : PERIODS) {
                String selector = "[data-metric=" + metric + "][data-period=" + period + "]";
                assertThat(root.findElements(By.cssSelector(selector))).as(selector).hasSize(1);
                assertThat(text(root, selector)).as(selector)
                        .isEqualTo(Long.toString(FakePaceServer.value("anna", metric, period)));
            }
        }
        // revenue: none this week; in euros and roubles this month, each with its machine-readable amount
        assertThat(text(root, "[data-metric=revenue][data-period=week]")).isEqualTo("0");
        List<WebElement> month = root.findElements(By.cssSelector("[data-metric=revenue][data-period=month] [data-currency]"));
        assertThat(month).extracting(e -> e.getAttribute("data-currency")).containsExactly("EUR", "RUB");
        assertThat(month).extracting(e -> e.getAttribute("data-value")).containsExactly("1250.5", "90000");
        assertThat(month.get(0).getText()).contains("1,250.50").contains("€");
        assertThat(text(root, "[data-metric=workingDaysLeft][data-period=month]")).isEqualTo("9");
        assertThat(text(root, ".days")).isEqualTo("9 working days left this month (of 21).");
        // no managers table for a manager, and the exclusions only when asked for
        assertThat(root.findElements(By.cssSelector("[data-manager-id]"))).isEmpty();
        assertThat(pace.requests()).containsExactlyInAnyOrder("/me", "/managers/anna/kpis?period=week",
                "/managers/anna/kpis?period=month");
        assertThat(widget().getAttribute("data-loads")).isEqualTo("1");
    }

    @Test
    void whyDidntTheseCountOpensWithTheCountsByReasonInWords() {
        SearchContext root = open("anna");
        WebElement why = root.findElement(By.cssSelector("details[data-exclusions]"));
        assertThat(why.getAttribute("open")).isNull();

        why.findElement(By.cssSelector("summary")).click();

        await("exclusions shown").atMost(READY).until(() -> "ready".equals(
                root.findElement(By.cssSelector("details[data-exclusions] .why-body")).getAttribute("data-state")));
        assertThat(pace.requests()).contains("/managers/anna/exclusions?period=week&limit=5");
        assertThat(text(root, "[data-metric=excluded][data-period=week]:not([data-reason])")).isEqualTo("6");
        assertThat(text(root, "[data-metric=excluded][data-reason=COLLEAGUE]")).isEqualTo("3");
        assertThat(text(root, "[data-metric=excluded][data-reason=DUPLICATE]")).isEqualTo("2");
        assertThat(text(root, "[data-metric=excluded][data-reason=SHORT_CALL]")).isEqualTo("1");
        String words = text(root, "details[data-exclusions] .why-body");
        assertThat(words).contains("6 activities this week did not count as client touches:")
                .contains("With a colleague, not a client: 3")
                .contains("Repeats of a touch already counted (same contact, same channel): 2")
                .contains("Calls too short to count: 1")
                .contains("call with +7 999 123-45-67: call of 12 s, shorter than the minimum of 30 s")
                .contains("The latest 2:");

        // a logged activity reloads everything; the disclosure stays open and is loaded again
        browser.executeScript("window.dispatchEvent(new CustomEvent('crm:activity-logged'))");
        await("second load").atMost(READY).until(() -> "2".equals(widget().getAttribute("data-loads")));
        await("exclusions again").atMost(READY).until(() -> pace.requests().stream()
                .filter(r -> r.startsWith("/managers/anna/exclusions")).count() == 2);
        SearchContext again = widget().getShadowRoot();
        assertThat(again.findElement(By.cssSelector("details[data-exclusions]")).getAttribute("open")).isNotNull();
        await("reloaded exclusions shown").atMost(READY).until(() -> "ready".equals(again.findElement(
                By.cssSelector("details[data-exclusions] .why-body")).getAttribute("data-state")));
    }

    @Test
    void aHeadSeesTheirTeamsManagersByTeamFromTheTeamKpis() {
        SearchContext root = open("head");

        for (String manager : List.of("anna", "boris", "carl", "sven")) {
            for (String metric : TEAM_METRICS) {
                for (String period : PERIODS) {
                    String selector = "[data-metric=" + metric + "][data-period=" + period + "][data-manager-id='"
                            + manager + "']";
                    assertThat(text(root, selector)).as(selector)
                            .isEqualTo(Long.toString(FakePaceServer.value(manager, metric, period)));
                }
            }
        }
        // call attempts are for the manager's own view, not the team table
        assertThat(root.findElements(By.cssSelector("[data-metric=callAttempts]"))).isEmpty();
        assertThat(root.findElements(By.cssSelector("th.group"))).extracting(WebElement::getText)
                .containsExactly("North", "South");
        assertThat(root.findElements(By.cssSelector("tbody th[scope=row]"))).extracting(WebElement::getText)
                .containsExactly("Anna Manager", "Boris Manager", "Carl Manager", "Sven Head");
        // a head is no manager: no own numbers; one request per team and period, none per manager
        assertThat(root.findElements(By.cssSelector("[data-metric=touches]:not([data-manager-id])"))).isEmpty();
        assertThat(pace.requests()).containsExactlyInAnyOrder("/me", "/managers", "/teams",
                "/teams/north/kpis?period=week", "/teams/north/kpis?period=month", "/teams/south/kpis?period=week",
                "/teams/south/kpis?period=month");
    }

    @Test
    void anAdminAlsoSeesManagersWithoutATeam() {
        SearchContext root = open("admin");

        assertThat(text(root, "[data-metric=touches][data-period=month][data-manager-id=dora]"))
                .isEqualTo(Long.toString(FakePaceServer.value("dora", "touches", "month")));
        assertThat(root.findElements(By.cssSelector("th.group"))).extracting(WebElement::getText)
                .containsExactly("North", "South", "Other managers");
        assertThat(pace.requests()).contains("/managers/dora/kpis?period=week", "/managers/dora/kpis?period=month")
                .noneMatch(r -> r.startsWith("/managers/anna/") || r.startsWith("/managers/carl/"));
    }

    @Test
    void aHeadWhoIsAlsoAManagerSeesTheirOwnNumbersAndTheOthers() {
        SearchContext root = open("sven");

        assertThat(text(root, "[data-metric=touches][data-period=week]:not([data-manager-id])"))
                .isEqualTo(Long.toString(FakePaceServer.value("sven", "touches", "week")));
        assertThat(root.findElements(By.cssSelector("[data-manager-id]"))).extracting(e -> e.getAttribute(
                "data-manager-id")).containsOnly("carl");
        // a single team: no group heading
        assertThat(root.findElements(By.cssSelector("th.group"))).isEmpty();
    }

    @Test
    void anErrorShowsTheProblemDetail() {
        pace.signIn("broken");
        browser.get(pace.page());
        await("widget in error").atMost(READY).until(() -> "error".equals(widget().getAttribute("data-state")));
        assertThat(text(widget().getShadowRoot(), ".error")).isEqualTo("store unavailable");
    }
}
