package org.pacekpi.widget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.Metrics;
import org.pacekpi.host.activity.Channel;
import org.pacekpi.host.directory.Role;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The widget's registration and the files it points to agree: the module URL is served by the resource
 * registration, the module defines the element the dashboard will create, it keeps the test hooks the browser
 * tests rely on, and its catalogue names every KPI of the API's {@link Metrics} in words, the funnel and channels in
 * order. The element's behaviour needs a browser, so it belongs to the browser test, not here.
 */
class PaceKpiWidgetTest {

    private final PaceKpiWidget widget = new PaceKpiWidget();

    @Test
    void registration() {
        assertThat(widget.id()).isEqualTo("pace-kpi");
        assertThat(widget.title()).isEqualTo("Pace: your KPIs");
        assertThat(widget.moduleUrl()).isEqualTo("/pace/ui/pace-kpi-widget.js");
        assertThat(widget.elementName()).isEqualTo("pace-kpi-widget").contains("-");
        assertThat(widget.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.HEAD, Role.ADMIN);
        assertThat(widget.order()).isEqualTo(10);
    }

    @Test
    void moduleUrlIsServedFromThisBundlesStaticFolder() throws IOException {
        String servedRoot = WidgetFiles.PATTERN.substring(0, WidgetFiles.PATTERN.length() - 1); // "/pace/ui/"
        assertThat(widget.moduleUrl()).startsWith(servedRoot);
        String entry = WidgetFiles.PREFIX + "/" + widget.moduleUrl().substring(servedRoot.length());
        assertThat(module(entry)).isNotBlank();
    }

    @Test
    void moduleDefinesTheElementAndKeepsItsHooks() throws IOException {
        String js = module(WidgetFiles.PREFIX + "/pace-kpi-widget.js");
        assertThat(js).contains("customElements.define('" + widget.elementName() + "'")
                .contains("attachShadow(")
                .contains("'data-state'").contains("'loading'").contains("'ready'").contains("'error'")
                .contains("'data-metric': 'touches'").contains("'data-period'").contains("'data-manager-id'")
                .contains("'data-metric': id").contains("'data-metric': metric").contains("'data-currency'")
                .contains("'data-metric': 'workingDaysLeft'")
                .contains("/exclusions?period=week")
                .contains("'crm:activity-logged'")
                .contains("'/pace/api/v1'")
                .contains("credentials: 'same-origin'")
                .contains("'aria-live': 'polite'");
        // nothing outside the CRM's own origin is reachable from a user's browser here
        assertThat(js).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
        // text, never HTML, from the API: no innerHTML anywhere
        assertThat(js).doesNotContain("innerHTML");
    }

    @Test
    void everyKpiHasItsLabelInWords() throws IOException {
        String js = module(WidgetFiles.PREFIX + "/pace-kpi-widget.js");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Metrics.TOUCHES, "Client touches");
        labels.put(Metrics.FIRST_CONTACTS, "First contacts");
        labels.put(Metrics.NEW_CONTACTS, "New contacts");
        labels.put(Metrics.MEETINGS_HELD, "Meetings held");
        labels.put(Metrics.CALL_ATTEMPTS, "Call attempts");
        labels.put(Metrics.DEALS_WON, "Deals won");
        labels.put(Metrics.DEALS_LOST, "Deals lost");
        labels.put("revenue", "Revenue");
        int start = js.indexOf("const METRICS = {");
        assertThat(start).as("the METRICS catalogue").isNotNegative();
        String catalogue = js.substring(start, js.indexOf("};", start));
        labels.forEach((id, label) -> assertThat(catalogue).as(id)
                .contains("\n  " + id + ": { label: '" + label + "'"));
        assertThat(catalogue.lines().filter(line -> line.contains("label:"))).hasSize(labels.size());
        // the prefixes the widget reads channels and stages by are the API's
        assertThat(js).contains("const TOUCHES_BY_CHANNEL = '" + Metrics.TOUCHES_BY_CHANNEL_PREFIX + "';")
                .contains("const STAGE = '" + Metrics.STAGE_PREFIX + "';");
    }

    @Test
    void theFunnelAndTheChannelsAreInTheirOrder() throws IOException {
        String js = module(WidgetFiles.PREFIX + "/pace-kpi-widget.js");
        // the sandbox's deal stages (DealStages.STAGES), as the host's Channel enum names the channels, lower case
        assertInOrder(js, "const FUNNEL = [", "{ id: 'meeting', label: 'Meeting' }", "{ id: 'intro', label: 'Intro' }",
                "{ id: 'presentation', label: 'Presentation' }", "{ id: 'proposal', label: 'Proposal' }",
                "{ id: 'paid', label: 'Paid' }", "];");
        assertInOrder(js, "const CHANNELS = [", "{ id: '" + channel(Channel.PHONE) + "', label: 'Phone' }",
                "{ id: '" + channel(Channel.EMAIL) + "', label: 'E-mail' }",
                "{ id: '" + channel(Channel.MESSENGER) + "', label: 'Messenger' }",
                "{ id: '" + channel(Channel.IN_PERSON) + "', label: 'In person' }",
                "{ id: '" + channel(Channel.VIDEO) + "', label: 'Video call' }", "];");
        assertThat(js).contains("const OTHER_CHANNELS = { " + channel(Channel.NONE) + ": 'Channel not recorded' };");
    }

    /** The channel as in a {@code touches:<channel>} metric id. */
    private static String channel(Channel channel) {
        return Metrics.touchesBy(channel.name()).substring(Metrics.TOUCHES_BY_CHANNEL_PREFIX.length());
    }

    /** The parts follow each other in the text, nothing of the list in between but whitespace and commas. */
    private static void assertInOrder(String text, String... parts) {
        int at = text.indexOf(parts[0]);
        assertThat(at).as(parts[0]).isNotNegative();
        at += parts[0].length();
        for (int i = 1; i < parts.length; i++) {
            int next = text.indexOf(parts[i], at);
            assertThat(next).as(parts[i] + " after " + parts[i - 1]).isNotNegative();
            assertThat(text.substring(at, next).replace(",", "")).as("between " + parts[i - 1] + " and " + parts[i])
                    .isBlank();
            at = next + parts[i].length();
        }
    }

    @Test
    void resourceRegistrationServesStaticAtPaceUi() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                Path.of("target", "classes", "OSGI-INF", WidgetFiles.class.getName() + ".xml").toFile());
        NodeList properties = doc.getElementsByTagName("property");
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            values.put(p.getAttribute("name"),
                    p.hasAttribute("value") ? p.getAttribute("value") : p.getTextContent().strip());
        }
        assertThat(values).containsEntry("osgi.http.whiteboard.resource.pattern", "/pace/ui/*")
                .containsEntry("osgi.http.whiteboard.resource.prefix", "/static");
        assertThat(Files.exists(Path.of("target", "classes", "static", "pace-kpi-widget.js"))).isTrue();
    }

    private static String module(String entry) throws IOException {
        try (InputStream in = PaceKpiWidgetTest.class.getResourceAsStream(entry)) {
            assertThat(in).as(entry + " in the bundle").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
