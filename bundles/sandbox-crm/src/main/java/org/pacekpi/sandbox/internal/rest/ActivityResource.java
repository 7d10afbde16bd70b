package org.pacekpi.sandbox.internal.rest;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.activity.ActivityDraft;
import org.pacekpi.sandbox.internal.activity.ActivityLog;
import org.pacekpi.sandbox.internal.activity.ActivityRows;
import org.pacekpi.sandbox.internal.auth.CrmAuth;
import org.pacekpi.sandbox.internal.db.CrmDatabase;
import org.pacekpi.sandbox.internal.directory.CrmDirectory;
import org.pacekpi.sandbox.internal.rest.Views.ActivityView;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /crm/api/activities}: log, read, correct and delete activities as the signed-in user. Every change goes
 * through the {@link ActivityLog}, so it gets a sequence number, lands in the history and is posted on the stream.
 */
@Component(service = ActivityResource.class)
@JakartarsResource
@JakartarsName("crm-activities")
@JakartarsExtensionSelect({ "(osgi.jakartars.name=" + CrmJsonProvider.NAME + ")",
        "(osgi.jakartars.name=" + CrmProblemMapper.NAME + ")" })
@Path("crm/api/activities")
@Produces(MediaType.APPLICATION_JSON)
public final class ActivityResource {

    /** Most activities listed at once. */
    static final int MAX_LIST = 500;

    private final ActivityLog log;
    private final CrmDatabase database;
    private final CrmDirectory directory;
    private final SignedIn signedIn;
    private final ActivityRequests requests;

    /** The OSGi constructor. */
    @Activate
    public ActivityResource(@Reference ActivityLog log, @Reference CrmDatabase database,
                            @Reference CrmDirectory directory, @Reference CrmAuth auth) {
        this(log, database, directory, auth, Clock.systemUTC());
    }

    /** A resource with a clock of choice (defaults and "in the future" checks use it). */
    public ActivityResource(ActivityLog log, CrmDatabase database, CrmDirectory directory, CrmAuth auth, Clock clock) {
        this.log = log;
        this.database = database;
        this.directory = directory;
        this.signedIn = new SignedIn(auth, directory);
        this.requests = new ActivityRequests(directory, clock);
    }

    /** Logs an activity; 201 with its location and state (id, sequence...). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @CookieParam(CrmAuth.SESSION_COOKIE) String session, ActivityRequest request) {
        User caller = signedIn.require(authorization, session);
        Activity created = log.write("logging an activity for " + caller.id(), writes -> {
            ActivityDraft draft = requests.toDraft(request, caller, null, writes.connection());
            return writes.create(draft);
        });
        return Response.created(URI.create("/crm/api/activities/" + created.id()))
                .entity(ActivityView.of(created)).build();
    }

    /** An activity, if the caller may see its actor's activities. */
    @GET
    @Path("{id}")
    public ActivityView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @CookieParam(CrmAuth.SESSION_COOKIE) String session, @PathParam("id") String id) {
        User caller = signedIn.require(authorization, session);
        Activity activity = log.find(id).orElseThrow(() -> CrmProblem.notFound("no activity '" + id + "'"));
        if (!directory.maySee(caller, activity.actorId())) {
            throw CrmProblem.forbidden("activity " + id + " belongs to " + activity.actorId()
                    + ", whose activities you may not see");
        }
        return ActivityView.of(activity);
    }

    /** A user's activities, most recent first (default: the caller's). */
    @GET
    public List<ActivityView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @CookieParam(CrmAuth.SESSION_COOKIE) String session,
                                   @QueryParam("actorId") String actorId,
                                   @QueryParam("limit") @DefaultValue("50") int limit) {
        User caller = signedIn.require(authorization, session);
        String actor = actorId == null || actorId.isBlank() ? caller.id() : actorId.strip();
        if (limit < 1 || limit > MAX_LIST) {
            throw CrmProblem.invalid("limit", "must be between 1 and " + MAX_LIST + ", was " + limit);
        }
        if (!directory.maySee(caller, actor)) {
            throw CrmProblem.forbidden("you may not see the activities of " + actor);
        }
        return database.read("listing the activities of " + actor,
                connection -> ActivityRows.byActor(connection, actor, limit)).stream().map(ActivityView::of).toList();
    }

    /**
     * Corrects an activity: the body replaces its whole state (fields left out take their defaults, except the
     * actor and the time, which are kept); a new sequence number and an UPDATED change. Only its actor or an admin.
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ActivityView update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @CookieParam(CrmAuth.SESSION_COOKIE) String session, @PathParam("id") String id,
                               ActivityRequest request) {
        User caller = signedIn.require(authorization, session);
        Activity updated = log.write("correcting activity " + id, writes -> {
            Activity current = writes.find(id).orElseThrow(() -> CrmProblem.notFound("no activity '" + id + "'"));
            checkMayChange(caller, current);
            ActivityDraft draft = requests.toDraft(request, caller,
                    new ActivityRequests.Defaults(current.actorId(), current.occurredAt()), writes.connection());
            return writes.update(id, draft);
        });
        return ActivityView.of(updated);
    }

    /** Deletes an activity: 204, a DELETED change. Only its actor or an admin. */
    @DELETE
    @Path("{id}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @CookieParam(CrmAuth.SESSION_COOKIE) String session, @PathParam("id") String id) {
        User caller = signedIn.require(authorization, session);
        log.write("deleting activity " + id, writes -> {
            Activity current = writes.find(id).orElseThrow(() -> CrmProblem.notFound("no activity '" + id + "'"));
            checkMayChange(caller, current);
            return writes.delete(id);
        });
        return Response.noContent().build();
    }

    private static void checkMayChange(User caller, Activity activity) {
        if (!caller.id().equals(activity.actorId()) && !caller.hasRole(Role.ADMIN)) {
            throw CrmProblem.forbidden("only " + activity.actorId() + " (who logged activity " + activity.id()
                    + ") or an admin may change it");
        }
    }
}
