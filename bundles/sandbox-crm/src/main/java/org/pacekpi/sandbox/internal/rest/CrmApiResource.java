package org.pacekpi.sandbox.internal.rest;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.activity.ActivityLog;
import org.pacekpi.sandbox.internal.activity.ActivityRows;
import org.pacekpi.sandbox.internal.auth.CrmAuth;
import org.pacekpi.sandbox.internal.crm.Counters;
import org.pacekpi.sandbox.internal.crm.Meta;
import org.pacekpi.sandbox.internal.db.CrmDatabase;
import org.pacekpi.sandbox.internal.directory.CrmDirectory;
import org.pacekpi.sandbox.internal.rest.Views.StatusView;
import org.pacekpi.sandbox.internal.rest.Views.UserView;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /crm/api/me}, {@code /crm/api/users} and {@code /crm/api/status}: who is signed in, the users a head or
 * admin may see, and the sandbox's state for scripts and tests waiting for the simulator.
 */
@Component(service = CrmApiResource.class)
@JakartarsResource
@JakartarsName("crm-api")
@JakartarsExtensionSelect({ "(osgi.jakartars.name=" + CrmJsonProvider.NAME + ")",
        "(osgi.jakartars.name=" + CrmProblemMapper.NAME + ")" })
@Path("crm/api")
@Produces(MediaType.APPLICATION_JSON)
public final class CrmApiResource {

    private final CrmDatabase database;
    private final CrmDirectory directory;
    private final SignedIn signedIn;

    /** The OSGi constructor. */
    @Activate
    public CrmApiResource(@Reference CrmDatabase database, @Reference CrmDirectory directory,
                          @Reference CrmAuth auth) {
        this.database = database;
        this.directory = directory;
        this.signedIn = new SignedIn(auth, directory);
    }

    /** The signed-in user. */
    @GET
    @Path("me")
    public UserView me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @CookieParam(CrmAuth.SESSION_COOKIE) String session) {
        User caller = signedIn.require(authorization, session);
        return view(caller);
    }

    /** The users the caller may see: an admin all, a head their teams' members and themselves. */
    @GET
    @Path("users")
    public List<UserView> users(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @CookieParam(CrmAuth.SESSION_COOKIE) String session) {
        User caller = signedIn.require(authorization, session);
        if (!caller.hasRole(Role.ADMIN) && !caller.hasRole(Role.HEAD)) {
            throw CrmProblem.forbidden("only admins and heads of sales may list users");
        }
        return directory.visibleTo(caller).stream().map(this::view).toList();
    }

    /**
     * Whether the simulated sales team is written, and the latest sequence number. Open without signing in: it
     * tells nothing about anyone, and scripts wait on it before they sign in.
     */
    @GET
    @Path("status")
    public StatusView status() {
        return database.read("reading the sandbox status", connection -> new StatusView(
                Meta.get(connection, Meta.SIMULATED).map(Boolean::parseBoolean).orElse(false),
                Counters.read(connection, ActivityLog.SEQUENCE), ActivityRows.count(connection)));
    }

    private UserView view(User user) {
        return UserView.of(user, directory.phone(user.id()).orElse(null), directory.teamsHeadedBy(user.id()));
    }
}
