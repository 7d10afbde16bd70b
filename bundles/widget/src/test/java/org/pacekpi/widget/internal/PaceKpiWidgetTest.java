package org.pacekpi.widget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.pacekpi.host.directory.Role;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The widget's registration and the files it points to agree: the module URL is served by the resource
 * registration, the module defines the element the dashboard will create, and it keeps the test hooks the browser
 * tests rely on. The element's behaviour needs a browser, so it belongs to the browser test, not here.
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
                .contains("'data-metric': 'revenue'").contains("'data-metric': 'workingDaysLeft'")
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
