package org.pacekpi.widget.internal;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.pacekpi.host.dashboard.DashboardWidget;
import org.pacekpi.host.directory.Role;

/**
 * Puts {@code <pace-kpi-widget>} on the host's dashboard for managers (their own numbers this week and this month:
 * client touches and by channel, first and new contacts, meetings held, call attempts, deals reaching each stage of
 * the funnel, deals won and lost, revenue, working days left, and why some activities did not count), heads of sales
 * and admins (a table of the managers they may see, by team). The element fetches its numbers from Pace's REST API
 * itself.
 */
@Component(service = DashboardWidget.class)
public class PaceKpiWidget implements DashboardWidget {

    /** The widget's id on the dashboard. */
    public static final String ID = "pace-kpi";

    /** The custom element the module defines. */
    public static final String ELEMENT = "pace-kpi-widget";

    /** Where the module is served: see {@link WidgetFiles}. */
    public static final String MODULE_URL = "/pace/ui/pace-kpi-widget.js";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Pace: your KPIs";
    }

    @Override
    public String moduleUrl() {
        return MODULE_URL;
    }

    @Override
    public String elementName() {
        return ELEMENT;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.MANAGER, Role.HEAD, Role.ADMIN);
    }

    @Override
    public int order() {
        // before the host's own widgets, which default to 100
        return 10;
    }
}
