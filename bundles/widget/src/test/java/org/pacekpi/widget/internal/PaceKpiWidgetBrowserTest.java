package org.pacekpi.widget.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The element's behaviour in headless Chromium (Debian's chromium and chromium-driver, which
 * scripts/ensure-test-env.sh installs) against {@link FakePaceServer}: what each role sees, that every number has
 * its hook and shows what the API said under the right label in the right order, revenue as money, which requests
 * it makes, the "why didn't these count?" disclosure, and the problem detail on an error; and the module's exported
 * functions that name the KPIs and format money, in the same browser. The whole dashboard with the real Pace is the
 * itests' browser test.
 */
class PaceKpiWidgetBrowserTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration READY = Duration.ofSeconds(20);
    private static final List<String> PERIODS = List.of("week", "month");

    /**
     * A manager's table as the issue's KPIs should read to a sales manager, top to bottom: "# group heading", or
     * "row label = metric id". The stage Pace's default funnel lacks comes last, by its id.
     */
    private static final List<String> OWN_TABLE = List.of(
            "# Contacts",
            "First contacts = firstContacts",
            "New contacts = newContacts",
            "# Client touches by channel",
            "Phone = touches:phone",
            "E-mail = touches:email",
            "Messenger = touches:messenger",
            "In person = touches:in_person",
            "Video call = touches:video",
            "# Meetings and calls",
            "Meetings held = meetingsHeld",
            "Call attempts = callAttempts",
            "# Deals that reached each stage",
            "Meeting = stage:meeting",
            "Intro = stage:intro",
            "Presentation = stage:presentation",
            "Proposal = stage:proposal",
            "Paid = stage:paid",
            "negotiation = stage:negotiation",
            "# Deal results",
            "Deals won = dealsWon",
            "Deals lost = dealsLost",
            "Revenue = revenue");

    /** The managers table's columns: label and metric id. */
    private static final List<String> TEAM_COLUMNS = List.of("Client touches = touches",
            "First contacts = firstContacts", "New contacts = newContacts", "Meetings held = meetingsHeld",
            "Deals won = dealsWon", "Deals lost = dealsLost", "Revenue = revenue");

    /**
     * Revenue as the widget should show it (browser locale en-US), week then month, lines joined by "; ": none in a
     * week is zero in the currencies of the month; none at all is "None".
     */
    private static final Map<String, List<String>> REVENUE = Map.of(
            "anna", List.of("€0.00; RUB 0.00", "€1,250.50; RUB 90,000.00"),
            "boris", List.of("None", "None"),
            "carl", List.of("$300.00", "$4,200.75"),
            "sven", List.of("€0.00", "€500.00"));

    /**
     * Reads the manager's own table: per row "# heading" or "label = metric | week | month", the label without its
     * hint, money lines joined by "; ".
     */
    private static final String READ_OWN_TABLE = """
            const cells = (td) => {
              const lines = [...td.querySelectorAll('[data-currency]')].map((line) => line.textContent);
              return lines.length > 0 ? lines.join('; ') : td.textContent;
            };
            return [...arguments[0].shadowRoot.querySelectorAll('section.own table:not([data-targets]) tbody tr')].map((tr) => {
              const group = tr.querySelector('th[scope=rowgroup]');
              if (group) return '# ' + group.textContent;
              const label = tr.querySelector('th[scope=row]').cloneNode(true);
              label.querySelectorAll('.hint').forEach((hint) => hint.remove());
              const week = tr.querySelector('td[data-period=week]');
              const month = tr.querySelector('td[data-period=month]');
              return label.textContent + ' = ' + week.dataset.metric + ' | ' + cells(week) + ' | ' + cells(month)
                + (month.dataset.metric === week.dataset.metric ? '' : ' (month: ' + month.dataset.metric + ')');
            });
            """;

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
    private static SearchContext open(String user) {
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

    /** A cell's text, its lines (money per currency) joined by "; ". */
    private static String cellText(WebElement cell) {
        return String.join("; ", cell.getText().strip().split("\\s*\\n\\s*")).replace('\u00a0', ' ');
    }

    /** The own table's rows as {@link #READ_OWN_TABLE} reads them; Intl's no-break spaces as plain ones. */
    private static List<String> ownTable() {
        return ((List<?>) browser.executeScript(READ_OWN_TABLE, widget())).stream()
                .map(row -> ((String) row).replace('\u00a0', ' ')).toList();
    }

    /** {@link #OWN_TABLE} with the numbers the fake API gave the manager, and their revenue as money. */
    private static List<String> expectedOwnTable(String manager) {
        return OWN_TABLE.stream().map(row -> {
            if (row.startsWith("#")) {
                return row;
            }
            String metric = row.substring(row.indexOf(" = ") + 3);
            if (metric.equals("revenue")) {
                return row + " | " + String.join(" | ", REVENUE.get(manager));
            }
            return row + " | " + FakePaceServer.shown(manager, metric, "week") + " | "
                    + FakePaceServer.shown(manager, metric, "month");
        }).toList();
    }

    /** A list the browser returned, as strings. */
    private static List<String> strings(Object list) {
        assertThat(list).as("the browser's answer").isInstanceOf(List.class);
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    /** Calls the module's exported functions in the page: {@code script} gets the module as {@code m}. */
    private static Object module(String script) {
        open("anna");
        return ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/pace/ui/pace-kpi-widget.js').then((m) => done((() => {" + script + "})()))"
                + ".catch((e) => done('failed: ' + e));");
    }

    @Test
    void aManagerSeesTheirNumbersThisWeekAndThisMonthEachWithItsHook() {
        SearchContext root = open("anna");

        for (String period : PERIODS) {
            String selector = "[data-metric=touches][data-period=" + period + "]";
            assertThat(root.findElements(By.cssSelector(selector))).as(selector).hasSize(1);
            assertThat(text(root, selector)).as(selector)
                    .isEqualTo(Long.toString(FakePaceServer.value("anna", "touches", period)));
        }
        // every other KPI of the issue under its label, in order; 0 for what a report leaves out
        assertThat(ownTable()).containsExactlyElementsOf(expectedOwnTable("anna"));
        // one hook per number, the stage's colon and all
        for (String row : OWN_TABLE) {
            if (!row.startsWith("#")) {
                String metric = row.substring(row.indexOf(" = ") + 3);
                for (String period : PERIODS) {
                    assertThat(root.findElements(By.cssSelector("[data-metric='" + metric + "'][data-period="
                            + period + "]"))).as(metric + " " + period).hasSize(1);
                }
            }
        }
        // revenue lines carry the currency and the plain amount; none this week is zero in the month's currencies
        List<WebElement> month = root.findElements(By.cssSelector("[data-metric=revenue][data-period=month] "
                + "[data-currency]"));
        assertThat(month).extracting(e -> e.getAttribute("data-currency")).containsExactly("EUR", "RUB");
        assertThat(month).extracting(e -> e.getAttribute("data-value")).containsExactly("1250.5", "90000");
        List<WebElement> week = root.findElements(By.cssSelector("[data-metric=revenue][data-period=week] "
                + "[data-currency]"));
        assertThat(week).extracting(e -> e.getAttribute("data-currency")).containsExactly("EUR", "RUB");
        assertThat(week).extracting(e -> e.getAttribute("data-value")).containsExactly("0", "0");
        assertThat(text(root, "[data-metric=workingDaysLeft][data-period=month]")).isEqualTo("9");
        assertThat(text(root, ".days")).isEqualTo("9 working days left this month (of 21).");
        // no managers table for a manager, and the exclusions only when asked for
        assertThat(root.findElements(By.cssSelector("[data-manager-id]"))).isEmpty();
        assertThat(pace.requests()).containsExactlyInAnyOrder("/me", "/managers/anna/kpis?period=week",
                "/managers/anna/kpis?period=month");
        assertThat(widget().getAttribute("data-loads")).isEqualTo("1");
    }

    /** A targets table's rows: "label | done | expected | target | status | needed per day". */
    private static List<String> targetRows(SearchContext root, String table) {
        return root.findElements(By.cssSelector(table + " tbody tr")).stream().map(tr -> {
            String label = (String) ((JavascriptExecutor) browser).executeScript(
                    "const th = arguments[0].querySelector('th[scope=row]').cloneNode(true);"
                            + "th.querySelectorAll('.hint').forEach((h) => h.remove()); return th.textContent;", tr);
            return tr.getAttribute("data-metric") + " " + label.strip() + " | "
                    + tr.findElement(By.cssSelector("[data-field=actual]")).getText() + " | "
                    + tr.findElement(By.cssSelector("[data-field=expectedToDate]")).getText() + " | "
                    + tr.findElement(By.cssSelector("[data-field=target]")).getText() + " | "
                    + tr.findElement(By.cssSelector("[data-status]")).getAttribute("data-status") + " "
                    + tr.findElement(By.cssSelector("[data-status]")).getText() + " | "
                    + tr.findElement(By.cssSelector("[data-field=neededPerWorkingDay]")).getText();
        }).toList();
    }

    /** What a row of the fake's pacing should read, labelled as a sales manager reads it. */
    private static String expectedTargetRow(FakePaceServer.Pace pace, String label, String status) {
        String needed = pace.neededPerDay() == null ? "–"
                : new java.math.BigDecimal(pace.neededPerDay()).stripTrailingZeros().toPlainString();
        return pace.metric() + " " + label + " (" + pace.period() + ") | " + pace.actual() + " | " + pace.expected()
                + " | " + pace.target() + " | " + pace.status() + " " + status + " | " + needed;
    }

    @Test
    void aManagerSeesTheirTargetsInFunnelOrderWithDoneExpectedAndStatusInWords() {
        SearchContext root = open("anna");

        Map<String, FakePaceServer.Pace> byMetric = new java.util.HashMap<>();
        FakePaceServer.pacing("anna").forEach(p -> byMetric.put(p.metric(), p));
        // touches, then meetings held, then the proposal stage: the funnel's order, not the API's
        assertThat(targetRows(root, "table[data-targets]")).containsExactly(
                expectedTargetRow(byMetric.get("touches"), "Client touches", "▲ Ahead"),
                expectedTargetRow(byMetric.get("meetingsHeld"), "Meetings held", "● On track"),
                expectedTargetRow(byMetric.get("stage:proposal"), "Proposal", "■ At risk"));
        // each explanation is under its target's name
        assertThat(root.findElements(By.cssSelector("table[data-targets] tbody th .hint")))
                .extracting(WebElement::getText).containsExactly(byMetric.get("touches").explanation(),
                        byMetric.get("meetingsHeld").explanation(), byMetric.get("stage:proposal").explanation());
    }

    @Test
    void aManagerWithoutTargetsSeesNoTargetsTable() {
        SearchContext root = open("boris");
        assertThat(root.findElements(By.cssSelector("table[data-targets]"))).isEmpty();
    }

    @Test
    void aHeadSeesTheTargetsOfEachTeamThatHasAny() {
        SearchContext root = open("head");
        FakePaceServer.Pace north = FakePaceServer.pacing("north").get(0);
        assertThat(targetRows(root, "table[data-team-targets=north]"))
                .containsExactly(expectedTargetRow(north, "Paid deals", "▼ Behind"));
        assertThat(root.findElements(By.cssSelector("table[data-team-targets=south]"))).isEmpty();
    }

    @Test
    void aManagerWithoutRevenueSeesNoneOrZeroInTheCurrencyTheHostSet() {
        SearchContext root = open("boris");
        for (String period : PERIODS) {
            assertThat(text(root, "[data-metric=revenue][data-period=" + period + "]")).isEqualTo("None");
        }

        browser.executeScript("arguments[0].setAttribute('currency', 'eur');"
                + "window.dispatchEvent(new CustomEvent('crm:activity-logged'))", widget());
        await("second load").atMost(READY).until(() -> "2".equals(widget().getAttribute("data-loads")));

        SearchContext again = widget().getShadowRoot();
        for (String period : PERIODS) {
            String selector = "[data-metric=revenue][data-period=" + period + "]";
            assertThat(text(again, selector)).as(selector).isEqualTo("€0.00");
            assertThat(again.findElement(By.cssSelector(selector + " [data-currency]")).getAttribute("data-currency"))
                    .isEqualTo("EUR");
        }
    }

    @Test
    void headingsNameTheSectionsAndTheTablesHaveHeaders() {
        SearchContext root = open("sven");

        assertThat(root.findElements(By.cssSelector("h3"))).extracting(WebElement::getText)
                .containsExactly("Your KPIs", "Your managers");
        // each section is named by its heading
        assertThat(strings(browser.executeScript("const root = arguments[0].shadowRoot;"
                + "return [...root.querySelectorAll('section')].map((s) =>"
                + " root.getElementById(s.getAttribute('aria-labelledby')).textContent);", widget())))
                .containsExactly("Your KPIs", "Your managers");
        // every count is in a row with a row header, under a column header
        assertThat(root.findElements(By.cssSelector("section.own tbody tr:not(:has(th[scope=row])) td"))).isEmpty();
        assertThat(root.findElements(By.cssSelector("section.own thead th[scope=col]")))
                .extracting(WebElement::getText).containsExactly("KPI", "This week", "This month");
        assertThat(root.findElements(By.cssSelector("section.own caption"))).extracting(WebElement::getText)
                .containsExactly("Your other KPIs");
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

        // the columns in words, each over a week and a month column
        List<String> columns = new ArrayList<>(List.of("Manager"));
        TEAM_COLUMNS.forEach(column -> columns.add(column.substring(0, column.indexOf(" = "))));
        assertThat(root.findElements(By.cssSelector("section.managers thead tr:first-child th")))
                .extracting(WebElement::getText).containsExactlyElementsOf(columns);
        assertThat(root.findElements(By.cssSelector("section.managers thead tr:last-child th")))
                .extracting(WebElement::getText).containsExactlyElementsOf(
                        TEAM_COLUMNS.stream().flatMap(c -> Stream.of("Week", "Month")).toList());
        for (String manager : List.of("anna", "boris", "carl", "sven")) {
            List<WebElement> cells = root.findElements(By.cssSelector("td[data-manager-id='" + manager + "']"));
            List<String> expected = new ArrayList<>();
            for (String column : TEAM_COLUMNS) {
                String metric = column.substring(column.indexOf(" = ") + 3);
                for (int p = 0; p < PERIODS.size(); p++) {
                    expected.add(metric + " " + PERIODS.get(p) + ": " + (metric.equals("revenue")
                            ? REVENUE.get(manager).get(p)
                            : Long.toString(FakePaceServer.shown(manager, metric, PERIODS.get(p)))));
                }
            }
            assertThat(cells).as(manager).extracting(c -> c.getAttribute("data-metric") + " "
                    + c.getAttribute("data-period") + ": " + cellText(c)).containsExactlyElementsOf(expected);
        }
        // call attempts, channels and stages are for the manager's own view, not the team table
        assertThat(root.findElements(By.cssSelector("[data-metric=callAttempts]"))).isEmpty();
        assertThat(root.findElements(By.cssSelector("[data-metric^='stage:'], [data-metric^='touches:']"))).isEmpty();
        assertThat(root.findElements(By.cssSelector("section.managers th.group"))).extracting(WebElement::getText)
                .containsExactly("North", "South");
        assertThat(root.findElements(By.cssSelector("section.managers tbody th[scope=row]")))
                .extracting(WebElement::getText)
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
        assertThat(root.findElements(By.cssSelector("section.managers th.group"))).extracting(WebElement::getText)
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
        assertThat(ownTable()).containsExactlyElementsOf(expectedOwnTable("sven"));
        // a single team: no group heading
        assertThat(root.findElements(By.cssSelector("section.managers th.group"))).isEmpty();
    }

    @Test
    void anErrorShowsTheProblemDetail() {
        pace.signIn("broken");
        browser.get(pace.page());
        await("widget in error").atMost(READY).until(() -> "error".equals(widget().getAttribute("data-state")));
        assertThat(text(widget().getShadowRoot(), ".error")).isEqualTo("store unavailable");
    }

    @Test
    void moneyIsFormattedInItsCurrencyForTheReadersLocale() {
        assertThat(strings(module("return ["
                + "m.formatMoney(1250.5, 'EUR', 'en-US'), m.formatMoney(1250.5, 'EUR', 'de-DE'),"
                + "m.formatMoney(0, 'USD', 'en-US'), m.formatMoney(90000, 'JPY', 'en-US'),"
                + "m.formatMoney(3.5, 'EURO', 'en-US')].map((s) => s.replace(/\\u00a0/g, ' '));")))
                .containsExactly("€1,250.50", "1.250,50 €", "$0.00", "¥90,000", "3.5 EURO");
    }

    @Test
    void revenueWithoutMoneyIsZeroInTheFallbackCurrencies() {
        assertThat(module("return JSON.stringify(["
                + "m.revenueLines({ revenue: [{ currency: 'USD', amount: 7 }] }, ['EUR']),"
                + "m.revenueLines({ revenue: [] }, ['EUR', 'RUB']), m.revenueLines({}, []),"
                + "m.currenciesOf([{ revenue: [] }, { revenue: [{ currency: 'RUB', amount: 1 },"
                + " { currency: 'EUR', amount: 2 }] }, { revenue: [{ currency: 'EUR', amount: 3 }] }])]);"))
                .isEqualTo("[[{\"currency\":\"USD\",\"amount\":7}],"
                        + "[{\"currency\":\"EUR\",\"amount\":0},{\"currency\":\"RUB\",\"amount\":0}],[],"
                        + "[\"RUB\",\"EUR\"]]");
    }

    @Test
    void statusesAreNamedInWordsAndMalformedPacingEntriesAreLeftOut() {
        assertThat(strings(module("return ['ahead', 'on_track', 'behind', 'at_risk', 'stalled']"
                + ".map((s) => m.statusLabel(s));")))
                .containsExactly("Ahead", "On track", "Behind", "At risk", "stalled");
        assertThat(strings(module("return m.targetRows([null, {metric: 'touches'}, {target: 3, actual: 1},"
                + "{targetId: 'x', metric: 'dealsWon', period: '2026-Q1', target: 3, actual: 1, status: 'behind'},"
                + "{targetId: 'y', metric: 'stage:meeting', period: '2026-Q1', target: 5, actual: 5, status: 'ahead'}"
                + "]).map((r) => r.id + ' ' + r.label + ' ' + r.statusLabel);")))
                .containsExactly("y Meeting Ahead", "x Paid deals Behind");
    }

    @Test
    void metricsAreNamedInWordsAndUnknownOnesByTheirId() {
        assertThat(strings(module("return ['firstContacts', 'newContacts', 'touches', 'touches:email',"
                + "'touches:in_person', 'touches:none', 'touches:fax', 'meetingsHeld', 'callAttempts', 'stage:intro',"
                + "'stage:paid', 'stage:negotiation', 'dealsWon', 'dealsLost', 'revenue', 'replies']"
                + ".map((id) => m.metricLabel(id));")))
                .containsExactly("First contacts", "New contacts", "Client touches", "E-mail", "In person",
                        "Channel not recorded", "fax", "Meetings held", "Call attempts", "Intro", "Paid", "negotiation",
                        "Deals won", "Deals lost", "Revenue", "replies");
    }

    @Test
    void stagesFollowTheFunnelThenUnknownOnesByIdAndNothingReportedIsLeftOut() {
        Object groups = module("return m.kpiGroups([{ metrics: { 'stage:zeta': 1, 'stage:paid': 2, replies: 3,"
                + " touches: 4 } }, { metrics: { 'stage:alpha': 5, 'touches:fax': 6 } }])"
                + ".map((g) => g.heading + ': ' + g.rows.map((r) => r.id).join(' '));");
        assertThat(strings(groups)).containsExactly(
                "Contacts: firstContacts newContacts",
                "Client touches by channel: touches:phone touches:email touches:messenger touches:in_person "
                        + "touches:video touches:fax",
                "Meetings and calls: meetingsHeld callAttempts",
                "Deals that reached each stage: stage:meeting stage:intro stage:presentation stage:proposal "
                        + "stage:paid stage:alpha stage:zeta",
                "Deal results: dealsWon dealsLost revenue",
                "Other counts: replies");
    }
}
