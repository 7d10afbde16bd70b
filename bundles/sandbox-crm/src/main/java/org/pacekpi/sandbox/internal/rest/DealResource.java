package org.pacekpi.sandbox.internal.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
import org.pacekpi.sandbox.internal.auth.CrmAuth;
import org.pacekpi.sandbox.internal.crm.Accounts;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.pacekpi.sandbox.internal.crm.Contacts;
import org.pacekpi.sandbox.internal.crm.CrmActions;
import org.pacekpi.sandbox.internal.crm.Deal;
import org.pacekpi.sandbox.internal.crm.DealStages;
import org.pacekpi.sandbox.internal.crm.Deals;
import org.pacekpi.sandbox.internal.db.CrmDatabase;
import org.pacekpi.sandbox.internal.directory.CrmDirectory;
import org.pacekpi.sandbox.internal.rest.Views.DealView;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /crm/api/deals}: the deals the caller may see, creating a deal (which logs it entering its first stage)
 * and moving one through the funnel ({@code PUT /{id}/stage}), which logs the stage change, or the win or loss.
 */
@Component(service = DealResource.class)
@JakartarsResource
@JakartarsName("crm-deals")
@JakartarsExtensionSelect({ "(osgi.jakartars.name=" + CrmJsonProvider.NAME + ")",
        "(osgi.jakartars.name=" + CrmProblemMapper.NAME + ")" })
@Path("crm/api/deals")
@Produces(MediaType.APPLICATION_JSON)
public final class DealResource {

    private final ActivityLog log;
    private final CrmDatabase database;
    private final CrmDirectory directory;
    private final SignedIn signedIn;

    /** The OSGi constructor. */
    @Activate
    public DealResource(@Reference ActivityLog log, @Reference CrmDatabase database,
                        @Reference CrmDirectory directory, @Reference CrmAuth auth) {
        this.log = log;
        this.database = database;
        this.directory = directory;
        this.signedIn = new SignedIn(auth, directory);
    }

    /** The deals the caller may see, newest first. */
    @GET
    public List<DealView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @CookieParam(CrmAuth.SESSION_COOKIE) String session) {
        User caller = signedIn.require(authorization, session);
        Set<String> owners = signedIn.visibleOwners(caller);
        return database.read("listing deals", connection -> Deals.ownedBy(connection, owners))
                .stream().map(deal -> DealView.of(deal, null)).toList();
    }

    /** One deal. */
    @GET
    @Path("{id}")
    public DealView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                        @CookieParam(CrmAuth.SESSION_COOKIE) String session, @PathParam("id") String id) {
        User caller = signedIn.require(authorization, session);
        Deal deal = signedIn.visible(caller, "deal", id,
                database.read("reading deal " + id, connection -> Deals.find(connection, id)), Deal::ownerId);
        return DealView.of(deal, null);
    }

    /** Creates an open deal; 201 with the stage-change activity it logged. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @CookieParam(CrmAuth.SESSION_COOKIE) String session, DealRequest body) {
        User caller = signedIn.require(authorization, session);
        DealRequest request = Requests.body(body);
        String title = Requests.required("title", request.title(), 200);
        String owner = Requests.owner(request.ownerId(), caller, directory);
        String stage = request.stage() == null || request.stage().isBlank() ? DealStages.MEETING
                : request.stage().strip().toLowerCase(Locale.ROOT);
        if (!DealStages.isStage(stage) || DealStages.PAID.equals(stage)) {
            throw CrmProblem.invalid("stage", "a new deal starts in one of "
                    + String.join(", ", DealStages.STAGES.subList(0, DealStages.STAGES.size() - 1))
                    + ", not '" + request.stage() + "'");
        }
        BigDecimal amount = request.amount();
        if (amount != null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2)) {
            throw CrmProblem.invalid("amount", "must be zero or more with at most 2 decimals, was "
                    + amount.toPlainString());
        }
        String currency = currency(request.currency(), amount);
        CrmActions.DealResult result = log.write("creating a deal for " + owner, writes -> {
            String contactId = null;
            String accountId = null;
            if (request.contactId() != null && !request.contactId().isBlank()) {
                Contact contact = Contacts.find(writes.connection(), request.contactId().strip())
                        .orElseThrow(() -> CrmProblem.invalid("contactId", "no contact '" + request.contactId() + "'"));
                contactId = contact.id();
                accountId = contact.accountId();
            }
            if (request.accountId() != null && !request.accountId().isBlank()) {
                accountId = Accounts.find(writes.connection(), request.accountId().strip())
                        .orElseThrow(() -> CrmProblem.invalid("accountId", "no account '" + request.accountId() + "'"))
                        .id();
            }
            return CrmActions.createDeal(writes, title, owner, accountId, contactId, stage,
                    amount == null ? null : amount.setScale(2), currency, writes.now(), true);
        });
        return Response.created(URI.create("/crm/api/deals/" + result.deal().id()))
                .entity(DealView.of(result.deal(), result.activities())).build();
    }

    /** Moves a deal to a stage, or wins or loses it. Its owner or an admin. */
    @PUT
    @Path("{id}/stage")
    @Consumes(MediaType.APPLICATION_JSON)
    public DealView move(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @CookieParam(CrmAuth.SESSION_COOKIE) String session, @PathParam("id") String id,
                         StageRequest body) {
        User caller = signedIn.require(authorization, session);
        StageRequest request = Requests.body(body);
        CrmActions.DealResult result = log.write("moving deal " + id, writes -> {
            Deal deal = Deals.find(writes.connection(), id)
                    .orElseThrow(() -> CrmProblem.notFound("no deal '" + id + "'"));
            if (!deal.ownerId().equals(caller.id()) && !caller.hasRole(Role.ADMIN)) {
                throw CrmProblem.forbidden("only " + deal.ownerId() + " (who owns deal " + id
                        + ") or an admin may move it");
            }
            return CrmActions.moveDeal(writes, deal, request.stage(), writes.now());
        });
        return DealView.of(result.deal(), result.activities());
    }

    private static String currency(String value, BigDecimal amount) {
        if (value == null || value.isBlank()) {
            return amount == null ? null : "EUR";
        }
        return ActivityRequests.isoCurrency(value);
    }
}
