package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the component descriptions bnd generated (before the test phase) and checks the whiteboard wiring: every
 * Pace resource and extension selects the Pace application, so none of them leaks into the host's application.
 */
class ComponentWiringTest {

    private static final Path OSGI_INF = Path.of("target", "classes", "OSGI-INF");

    /** Every Jakarta REST resource of the bundle; {@code OpenApiDocumentTest} holds the OpenAPI document to them. */
    static final List<Class<?>> RESOURCES = List.of(MeResource.class, ManagersResource.class, TeamsResource.class,
            StatusResource.class, AdminResource.class, GoalsResource.class, TargetsResource.class,
            FunnelResource.class, OpenApiResource.class);

    @Test
    void everyComponentWithAPathIsListedAsAResource() throws Exception {
        // a resource added without being listed here would escape the wiring and OpenAPI checks
        List<String> withPath = new ArrayList<>();
        for (String type : components().keySet()) {
            if (Class.forName(type).isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                withPath.add(type);
            }
        }
        assertThat(withPath).containsExactlyInAnyOrderElementsOf(RESOURCES.stream().map(Class::getName).toList());
    }

    @Test
    void goalsAndTargetsReadTheTargetsConfiguration() throws Exception {
        for (Class<?> type : List.of(GoalsResource.class, TargetsResource.class)) {
            Document doc = parse(OSGI_INF.resolve(type.getName() + ".xml"));
            Element component = doc.getDocumentElement();
            assertThat(component.getAttribute("configuration-pid")).as(type.getSimpleName())
                    .isEqualTo("org.pacekpi.targets");
            // optional: without a configuration file, heads of sales may not write
            assertThat(component.getAttribute("configuration-policy")).isIn("", "optional");
            assertThat(components().get(type.getName())).containsEntry("headsOfSalesWrite", "false");
        }
    }

    @Test
    void kpisTakeTheTargetServiceWhenThereIsOne() throws Exception {
        for (Class<?> type : List.of(ManagersResource.class, TeamsResource.class)) {
            Element reference = reference(type, "org.pacekpi.api.targets.TargetService");
            assertThat(reference.getAttribute("cardinality")).as(type.getSimpleName()).isEqualTo("0..1");
            assertThat(reference.getAttribute("policy")).isEqualTo("dynamic");
            assertThat(reference.getAttribute("policy-option")).isEqualTo("greedy");
        }
        // the goal and target resources need it
        assertThat(reference(GoalsResource.class, "org.pacekpi.api.targets.TargetService").getAttribute("cardinality"))
                .isIn("", "1..1");
    }

    private static Element reference(Class<?> type, String service) throws Exception {
        NodeList references = parse(OSGI_INF.resolve(type.getName() + ".xml")).getElementsByTagName("reference");
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            if (reference.getAttribute("interface").equals(service)) {
                return reference;
            }
        }
        throw new AssertionError(type.getSimpleName() + " has no reference to " + service);
    }

    @Test
    void resourcesAndExtensionsSelectThePaceApplication() throws Exception {
        Map<String, Map<String, String>> components = components();
        for (Class<?> type : new Class<?>[] { MeResource.class, ManagersResource.class, TeamsResource.class,
                StatusResource.class, AdminResource.class, GoalsResource.class, TargetsResource.class,
                FunnelResource.class, OpenApiResource.class, PaceJsonProvider.class, ProblemMapper.class }) {
            Map<String, String> properties = components.get(type.getName());
            assertThat(properties).as(type.getSimpleName() + " component").isNotNull();
            assertThat(properties).as(type.getSimpleName())
                    .containsEntry("osgi.jakartars.application.select", "(osgi.jakartars.name=pace)")
                    .containsKey("osgi.jakartars.name");
        }
        assertThat(components.get(PaceJsonProvider.class.getName())).containsEntry("osgi.jakartars.extension", "true");
        assertThat(components.get(ProblemMapper.class.getName())).containsEntry("osgi.jakartars.extension", "true");
        for (Class<?> resource : RESOURCES) {
            assertThat(components.get(resource.getName())).as(resource.getSimpleName())
                    .containsEntry("osgi.jakartars.resource", "true");
        }
    }

    @Test
    void theApplicationLivesAtPaceApiV1() throws Exception {
        Map<String, String> app = components().get(PaceApplication.class.getName());
        assertThat(app).containsEntry("osgi.jakartars.application.base", "pace/api/v1")
                .containsEntry("osgi.jakartars.name", "pace")
                // goes live only with its JSON provider and its exception mapper
                .containsEntry("osgi.jakartars.extension.select",
                        "(osgi.jakartars.name=pace.json)\n(osgi.jakartars.name=pace.problems)");
    }

    @Test
    void whiteboardNamesAreUnique() throws Exception {
        assertThat(components().values().stream().map(p -> p.get("osgi.jakartars.name")).toList())
                .doesNotHaveDuplicates();
    }

    /** Implementation class to its properties; an array-valued one as its lines joined by newlines. */
    private static Map<String, Map<String, String>> components() throws Exception {
        Map<String, Map<String, String>> result = new HashMap<>();
        try (Stream<Path> files = Files.list(OSGI_INF)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".xml"))::iterator) {
                Document doc = parse(file);
                Element implementation = (Element) doc.getElementsByTagName("implementation").item(0);
                Map<String, String> properties = new HashMap<>();
                NodeList nodes = doc.getElementsByTagName("property");
                for (int i = 0; i < nodes.getLength(); i++) {
                    Element p = (Element) nodes.item(i);
                    // array-valued properties (such as the select filters) have their values as lines of text
                    String value = p.hasAttribute("value") ? p.getAttribute("value") : p.getTextContent().strip();
                    properties.put(p.getAttribute("name"), value);
                }
                result.put(implementation.getAttribute("class"), properties);
            }
        }
        return result;
    }

    private static Document parse(Path file) throws Exception {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read " + file, e);
        }
    }
}
