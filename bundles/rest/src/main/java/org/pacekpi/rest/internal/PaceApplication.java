package org.pacekpi.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationBase;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.core.Application;

/**
 * Pace's own Jakarta REST application at {@code /pace/api/v1}. Pace's resources and extensions select it by name,
 * so Pace's exception mapper and JSON provider never touch the host's resources in the default application (and
 * the host's providers never touch Pace's). It goes live only once both of its extensions are there, so a request
 * never meets a Pace resource without its JSON writer or error mapping.
 */
@Component(service = Application.class)
@JakartarsApplicationBase(PaceApplication.BASE)
@JakartarsName(PaceApplication.NAME)
@JakartarsExtensionSelect({ "(osgi.jakartars.name=" + PaceJsonProvider.NAME + ")",
        "(osgi.jakartars.name=" + ProblemMapper.NAME + ")" })
public class PaceApplication extends Application {

    /** The application's base path, relative to the REST whiteboard's root. */
    public static final String BASE = "pace/api/v1";

    /** The application's whiteboard name. */
    public static final String NAME = "pace";

    /** Filter by which Pace's resources and extensions select this application. */
    public static final String SELECT = "(osgi.jakartars.name=" + NAME + ")";
}
