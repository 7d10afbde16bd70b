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
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.DerivedTargets;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetInput;
import org.pacekpi.api.targets.TargetRecord;
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
 * Targets, under {@code /pace/api/v1/targets}:
 * <ul>
 * <li>{@code POST /targets/derive} ({@link DeriveRequest}): the targets a goal would give, saving nothing; for
 * whoever may read the scope (a preview shows only numbers of people the caller may already see, and lets a
 * manager ask "what would 4 deals take?" of their own plan);</li>
 * <li>{@code GET /targets?scope=team:north|manager:anna&period=2026-03&metric=touches}: the stored targets, manual
 * and derived, the caller may read, every filter optional;</li>
 * <li>{@code POST /targets} ({@link TargetInput}): a manual target; 201 with {@code Location} and {@code ETag};</li>
 * <li>{@code GET /targets/{id}} with {@code ETag}; {@code PUT} and {@code DELETE /targets/{id}} with
 * {@code If-Match} (428 without, 412 if stale; a derived target is changed through its goal: 409);</li>
 * <li>{@code GET /targets/{id}/history}: the target's audit history, oldest first.</li>
 * </ul>
 * Access as in {@link GoalsResource}.
 */
@Component(service = TargetsResource.class, configurationPid = TargetsConfig.PID)
@JakartarsResource
@JakartarsName("pace.targets")
@JakartarsApplicationSelect(PaceApplication.SELECT)
@Path("targets")
@Produces(MediaType.APPLICATION_JSON)
public class TargetsResource {

    private final TargetService targets;
    private final AccessPolicy policy;
    private final RequestAuthentication authentication;
    private final boolean headsOfSalesWrite;

    /** DS constructor. */
    @Activate
    public TargetsResource(@Reference TargetService targets, @Reference Directory directory,
                           @Reference RequestIdentity identity, TargetsConfig config) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.policy = new AccessPolicy(directory);
        this.authentication = new RequestAuthentication(identity, policy);
        this.headsOfSalesWrite = config.headsOfSalesWrite();
    }

    /** Derives the targets of a goal without saving anything. */
    @POST
    @Path("derive")
    @Consumes(MediaType.APPLICATION_JSON)
    public DerivedTargets derive(DeriveRequest request, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        policy.requireRead(caller, Bodies.scope(request));
        return targets.derive(request);
    }

    /** The targets of a scope, period and metric, each filter optional, that the caller may read. */
    @GET
    public List<TargetRecord> targets(@QueryParam("scope") String scope, @QueryParam("period") String period,
                                      @QueryParam("metric") String metric, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        Scope asked = TargetQuery.optionalScope("scope", scope);
        if (asked != null) {
            policy.requireRead(caller, asked);
        }
        return targets.targets(asked, TargetQuery.optional(period), TargetQuery.optional(metric)).stream()
                .filter(target -> asked != null || policy.mayRead(caller, target.scope())).toList();
    }

    /** Stores a manual target. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TargetInput input, @Context HttpHeaders headers, @Context UriInfo uri) {
        User caller = authentication.caller(headers);
        policy.requireWrite(caller, Bodies.scope(input), headsOfSalesWrite);
        AdminResource.refuseCrossSite(headers);
        TargetRecord created = targets.createTarget(input, caller.id());
        URI location = uri.getBaseUriBuilder().path("targets").path("{id}").build(created.id());
        return EntityVersions.tagged(Response.created(location).entity(created), created.version()).build();
    }

    /** One target. */
    @GET
    @Path("{id}")
    public Response target(@PathParam("id") String id, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        TargetRecord target = targets.target(id);
        policy.requireRead(caller, target.scope());
        return EntityVersions.tagged(Response.ok(target), target.version()).build();
    }

    /** Changes a manual target. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, TargetInput input, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        TargetRecord stored = targets.target(id);
        policy.requireWrite(caller, stored.scope(), headsOfSalesWrite);
        long expected = EntityVersions.ifMatch(headers, "/targets/" + id);
        Scope scope = Bodies.scope(input);
        if (!scope.equals(stored.scope())) {
            // moving a target to another scope writes that scope too
            policy.requireWrite(caller, scope, headsOfSalesWrite);
        }
        AdminResource.refuseCrossSite(headers);
        TargetRecord updated = targets.updateTarget(id, expected, input, caller.id());
        return EntityVersions.tagged(Response.ok(updated), updated.version()).build();
    }

    /** Deletes a manual target. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        TargetRecord stored = targets.target(id);
        policy.requireWrite(caller, stored.scope(), headsOfSalesWrite);
        long expected = EntityVersions.ifMatch(headers, "/targets/" + id);
        AdminResource.refuseCrossSite(headers);
        targets.deleteTarget(id, expected, caller.id());
        return Response.noContent().build();
    }

    /**
     * The target's audit history, oldest first. Admins may read the history of a deleted target; others need the
     * target to exist, since only it says whose it was.
     */
    @GET
    @Path("{id}/history")
    public List<Change> history(@PathParam("id") String id, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        if (!policy.isAdmin(caller)) {
            policy.requireRead(caller, targets.target(id).scope());
        }
        List<Change> changes = targets.history(id).stream().filter(c -> "target".equals(c.entity())).toList();
        if (changes.isEmpty()) {
            throw new NotFoundException("no target with id '" + id + "', nor any history of one");
        }
        return changes;
    }
}
