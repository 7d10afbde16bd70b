package org.pacekpi.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.targets.Change;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.GoalRecord;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetService;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.identity.RequestIdentity;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Goals and the targets derived from them, under {@code /pace/api/v1/goals}:
 * <ul>
 * <li>{@code GET /goals?scope=team:north|manager:anna&period=2026-03}: the goals the caller may read, both filters
 * optional;</li>
 * <li>{@code POST /goals} ({@link GoalInput}): stores a goal and derives its targets; 201 with {@code Location} and
 * {@code ETag};</li>
 * <li>{@code GET /goals/{id}}: one goal with its derivation, with {@code ETag: "<version>"};</li>
 * <li>{@code PUT /goals/{id}} ({@link GoalInput}), {@code DELETE /goals/{id}} and {@code POST /goals/{id}/rederive}:
 * require {@code If-Match} with the goal's ETag (428 without, 412 if stale);</li>
 * <li>{@code GET /goals/{id}/history}: the goal's audit history, oldest first.</li>
 * </ul>
 * Reading follows {@link AccessPolicy#requireRead}, writing {@link AccessPolicy#requireWrite}: 401, then 404, then
 * 403, then 428 and 400, so nothing is revealed to, or computed for, a caller who may not see it. The actor of a
 * change is the signed-in user's id.
 */
@Component(service = GoalsResource.class, configurationPid = TargetsConfig.PID)
@JakartarsResource
@JakartarsName("pace.goals")
@JakartarsApplicationSelect(PaceApplication.SELECT)
@Path("goals")
@Produces(MediaType.APPLICATION_JSON)
public class GoalsResource {

    private final TargetService targets;
    private final AccessPolicy policy;
    private final RequestAuthentication authentication;
    private final boolean headsOfSalesWrite;

    /** DS constructor. */
    @Activate
    public GoalsResource(@Reference TargetService targets, @Reference Directory directory,
                         @Reference RequestIdentity identity, TargetsConfig config) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.policy = new AccessPolicy(directory);
        this.authentication = new RequestAuthentication(identity, policy);
        this.headsOfSalesWrite = config.headsOfSalesWrite();
    }

    /** The goals of a scope and period, each filter optional, that the caller may read. */
    @GET
    public List<GoalRecord> goals(@QueryParam("scope") String scope, @QueryParam("period") String period,
                                  @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        Scope asked = TargetQuery.optionalScope("scope", scope);
        if (asked != null) {
            policy.requireRead(caller, asked);
        }
        return targets.goals(asked, TargetQuery.optional(period)).stream()
                .filter(goal -> asked != null || policy.mayRead(caller, goal.input().scope())).toList();
    }

    /** Stores a goal and the targets derived from it. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(GoalInput input, @Context HttpHeaders headers, @Context UriInfo uri) {
        User caller = authentication.caller(headers);
        policy.requireWrite(caller, Bodies.scope(input), headsOfSalesWrite);
        AdminResource.refuseCrossSite(headers);
        GoalRecord created = targets.createGoal(input, caller.id());
        URI location = uri.getBaseUriBuilder().path("goals").path("{id}").build(created.id());
        return EntityVersions.tagged(Response.created(location).entity(created), created.version()).build();
    }

    /** One goal. */
    @GET
    @Path("{id}")
    public Response goal(@PathParam("id") String id, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        GoalRecord goal = targets.goal(id);
        policy.requireRead(caller, goal.input().scope());
        return EntityVersions.tagged(Response.ok(goal), goal.version()).build();
    }

    /** Replaces a goal and re-derives its targets. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, GoalInput input, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        GoalRecord stored = targets.goal(id);
        policy.requireWrite(caller, stored.input().scope(), headsOfSalesWrite);
        long expected = EntityVersions.ifMatch(headers, "/goals/" + id);
        Scope scope = Bodies.scope(input);
        if (!scope.equals(stored.input().scope())) {
            // moving a goal to another scope writes that scope too
            policy.requireWrite(caller, scope, headsOfSalesWrite);
        }
        AdminResource.refuseCrossSite(headers);
        GoalRecord updated = targets.updateGoal(id, expected, input, caller.id());
        return EntityVersions.tagged(Response.ok(updated), updated.version()).build();
    }

    /** Deletes a goal and the targets derived from it. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        GoalRecord stored = targets.goal(id);
        policy.requireWrite(caller, stored.input().scope(), headsOfSalesWrite);
        long expected = EntityVersions.ifMatch(headers, "/goals/" + id);
        AdminResource.refuseCrossSite(headers);
        targets.deleteGoal(id, expected, caller.id());
        return Response.noContent().build();
    }

    /** Re-derives a goal's targets with today's measured conversions. */
    @POST
    @Path("{id}/rederive")
    public Response rederive(@PathParam("id") String id, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        GoalRecord stored = targets.goal(id);
        policy.requireWrite(caller, stored.input().scope(), headsOfSalesWrite);
        long expected = EntityVersions.ifMatch(headers, "/goals/" + id);
        AdminResource.refuseCrossSite(headers);
        GoalRecord rederived = targets.rederive(id, expected, caller.id());
        return EntityVersions.tagged(Response.ok(rederived), rederived.version()).build();
    }

    /**
     * The goal's audit history, oldest first. Admins may read the history of a deleted goal; others need the goal
     * to exist, since only it says whose it was.
     */
    @GET
    @Path("{id}/history")
    public List<Change> history(@PathParam("id") String id, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        if (!policy.isAdmin(caller)) {
            policy.requireRead(caller, targets.goal(id).input().scope());
        }
        List<Change> changes = targets.history(id).stream().filter(c -> "goal".equals(c.entity())).toList();
        if (changes.isEmpty()) {
            throw new NotFoundException("no goal with id '" + id + "', nor any history of one");
        }
        return changes;
    }
}
