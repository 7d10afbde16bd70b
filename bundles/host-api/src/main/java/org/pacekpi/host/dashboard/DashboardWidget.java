package org.pacekpi.host.dashboard;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.pacekpi.host.directory.Role;

/**
 * A widget for the host's dashboard, contributed on the whiteboard: a bundle registers a service of this type and
 * the host renders it for every signed-in user whose roles include one of {@link #roles()}. The host loads
 * {@link #moduleUrl()} as a JavaScript module, which defines the custom element {@link #elementName()}, and places
 * one such element on the page. The element reads its data from its own bundle's REST API; the host passes the
 * signed-in user's id in the element's {@code user-id} attribute.
 */
@ConsumerType
public interface DashboardWidget {

    /** Stable, unique id of the widget, e.g. {@code pace-kpi}. */
    String id();

    /** Title shown above the widget. */
    String title();

    /** Absolute path or URL of the ES module that defines the element, e.g. {@code /pace/ui/pace-kpi-widget.js}. */
    String moduleUrl();

    /** The custom element's tag name, which must contain a hyphen, e.g. {@code pace-kpi-widget}. */
    String elementName();

    /** The roles that may see the widget. */
    Set<Role> roles();

    /** Position on the dashboard: lower comes first. */
    default int order() {
        return 100;
    }
}
