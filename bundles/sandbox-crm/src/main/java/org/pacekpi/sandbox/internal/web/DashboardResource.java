package org.pacekpi.sandbox.internal.web;

import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.pacekpi.host.dashboard.DashboardWidget;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;
import org.pacekpi.sandbox.internal.auth.CrmAuth;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.pacekpi.sandbox.internal.crm.Contacts;
import org.pacekpi.sandbox.internal.db.CrmDatabase;
import org.pacekpi.sandbox.internal.directory.CrmDirectory;
import org.pacekpi.sandbox.internal.rest.CrmProblemMapper;
import org.pacekpi.sandbox.internal.rest.SignedIn;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The sandbox CRM's page at {@code /crm/}: the sign-in form ({@code POST /crm/login} sets the session cookie,
 * {@code POST /crm/logout} ends it) and, once signed in, the dashboard with every registered
 * {@link DashboardWidget} the user's roles may see. Served by Jakarta REST rather than a servlet so that the whole
 * sandbox needs one web API.
 */
@Component(service = DashboardResource.class)
@JakartarsResource
@JakartarsName("crm-dashboard")
@JakartarsExtensionSelect("(osgi.jakartars.name=" + CrmProblemMapper.NAME + ")")
@Path("crm")
public final class DashboardResource {

    /** Where the page lives; relative links and the cookie path assume the trailing slash. */
    public static final String PAGE = "/crm/";

    private final CrmDatabase database;
    private final CrmDirectory directory;
    private final CrmAuth auth;
    private final SignedIn signedIn;
    /** The widgets on the whiteboard; copy-on-write because they come and go while pages render. */
    private final List<DashboardWidget> widgets = new CopyOnWriteArrayList<>();

    /** The OSGi constructor. */
    @Activate
    public DashboardResource(@Reference CrmDatabase database, @Reference CrmDirectory directory,
                             @Reference CrmAuth auth) {
        this.database = database;
        this.directory = directory;
        this.auth = auth;
        this.signedIn = new SignedIn(auth, directory);
    }

    /** A widget was registered. Greedy and dynamic: a new widget shows on the next page load, no restart. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addWidget(DashboardWidget widget) {
        widgets.add(widget);
    }

    /** A widget went away. */
    public void removeWidget(DashboardWidget widget) {
        widgets.remove(widget);
    }

    /** The page: the dashboard when signed in, else the sign-in form. {@code /crm} redirects to {@code /crm/}. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context UriInfo uriInfo, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @CookieParam(CrmAuth.SESSION_COOKIE) String session) {
        return page(uriInfo.getRequestUri().getPath(), authorization, session);
    }

    /** {@link #page(UriInfo, String, String)} for a request path. */
    Response page(String path, String authorization, String session) {
        if (path == null || !path.endsWith("/")) {
            return Response.seeOther(URI.create(PAGE)).build();
        }
        Optional<User> user = signedIn.user(authorization, session);
        if (user.isEmpty()) {
            return html(DashboardPage.signIn(null, null, managerLogins()));
        }
        return html(dashboard(user.get()));
    }

    /** Signs in with the form's login and password: 303 to the dashboard with the session cookie, or the form again. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(@FormParam("login") String login, @FormParam("password") String password) {
        if (login == null || login.isBlank() || password == null || password.isEmpty()) {
            return html(DashboardPage.signIn("Enter your login and password.", login, managerLogins()));
        }
        Optional<String> userId = auth.authenticate(login, password);
        if (userId.isEmpty()) {
            return html(DashboardPage.signIn("Wrong login or password.", login, managerLogins()));
        }
        NewCookie cookie = new NewCookie.Builder(CrmAuth.SESSION_COOKIE)
                .value(auth.openSession(userId.get()))
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge((int) CrmAuth.SESSION_LIFETIME.getSeconds())
                .build();
        return Response.seeOther(URI.create(PAGE)).cookie(cookie).build();
    }

    /** Signs out: ends the session, clears the cookie, 303 to the sign-in form. */
    @POST
    @Path("logout")
    public Response logout(@CookieParam(CrmAuth.SESSION_COOKIE) String session) {
        auth.closeSession(session);
        NewCookie expired = new NewCookie.Builder(CrmAuth.SESSION_COOKIE)
                .value("")
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(0)
                .expiry(new Date(0))
                .build();
        return Response.seeOther(URI.create(PAGE)).cookie(expired).build();
    }

    private String dashboard(User user) {
        String teamName = user.teamId() == null ? null : directory.team(user.teamId()).map(Team::name).orElse(null);
        List<Contact> contacts = database.read("listing the contacts of " + user.id(),
                connection -> Contacts.ownedBy(connection, List.of(user.id())));
        return DashboardPage.dashboard(user, teamName, DashboardPage.visible(List.copyOf(widgets), user), contacts);
    }

    private List<String> managerLogins() {
        return directory.users().stream().filter(u -> u.active() && u.hasRole(Role.MANAGER)).map(User::login).toList();
    }

    private static Response html(String page) {
        // the page shows personal data and a session-bound form: never cache it
        return Response.ok(page, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
