package org.pacekpi.sandbox.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.pacekpi.host.directory.User;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.activity.ActivityLog;
import org.pacekpi.sandbox.internal.auth.CrmAuth;
import org.pacekpi.sandbox.internal.crm.Account;
import org.pacekpi.sandbox.internal.crm.Accounts;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.pacekpi.sandbox.internal.crm.Contacts;
import org.pacekpi.sandbox.internal.crm.CrmActions;
import org.pacekpi.sandbox.internal.db.CrmDatabase;
import org.pacekpi.sandbox.internal.directory.CrmDirectory;
import org.pacekpi.sandbox.internal.rest.Views.ContactView;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /crm/api/contacts}: the contacts the caller may see (their own; a head's team's; an admin all), and
 * creating one, which also logs a {@code contact_created} activity.
 */
@Component(service = ContactResource.class)
@JakartarsResource
@JakartarsName("crm-contacts")
@JakartarsExtensionSelect({ "(osgi.jakartars.name=" + CrmJsonProvider.NAME + ")",
        "(osgi.jakartars.name=" + CrmProblemMapper.NAME + ")" })
@Path("crm/api/contacts")
@Produces(MediaType.APPLICATION_JSON)
public final class ContactResource {

    private final ActivityLog log;
    private final CrmDatabase database;
    private final CrmDirectory directory;
    private final SignedIn signedIn;

    /** The OSGi constructor. */
    @Activate
    public ContactResource(@Reference ActivityLog log, @Reference CrmDatabase database,
                           @Reference CrmDirectory directory, @Reference CrmAuth auth) {
        this.log = log;
        this.database = database;
        this.directory = directory;
        this.signedIn = new SignedIn(auth, directory);
    }

    /** The contacts the caller may see, by name. */
    @GET
    public List<ContactView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @CookieParam(CrmAuth.SESSION_COOKIE) String session) {
        User caller = signedIn.require(authorization, session);
        Set<String> owners = signedIn.visibleOwners(caller);
        return database.read("listing contacts", connection -> Contacts.ownedBy(connection, owners))
                .stream().map(ContactView::of).toList();
    }

    /** One contact. */
    @GET
    @Path("{id}")
    public ContactView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @CookieParam(CrmAuth.SESSION_COOKIE) String session, @PathParam("id") String id) {
        User caller = signedIn.require(authorization, session);
        Contact contact = signedIn.visible(caller, "contact", id,
                database.read("reading contact " + id, connection -> Contacts.find(connection, id)), Contact::ownerId);
        return ContactView.of(contact);
    }

    /** Creates a contact (and a new account, if {@code accountName} is given); 201 with the logged activity. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @CookieParam(CrmAuth.SESSION_COOKIE) String session, ContactRequest body) {
        User caller = signedIn.require(authorization, session);
        ContactRequest request = Requests.body(body);
        String name = Requests.required("name", request.name(), 200);
        String email = Requests.email(request.email());
        String phone = Requests.phone(request.phone());
        String owner = Requests.owner(request.ownerId(), caller, directory);
        String accountName = Requests.optional("accountName", request.accountName(), 200);
        if (accountName != null && request.accountId() != null && !request.accountId().isBlank()) {
            throw CrmProblem.invalid("accountName", "give accountId (an existing account) or accountName (a new "
                    + "one), not both");
        }
        boolean internal = request.internal() != null ? request.internal()
                : email != null && directory.isInternalEmail(email);
        CrmActions.ContactResult result = log.write("creating a contact for " + owner, writes -> {
            String accountId = null;
            if (request.accountId() != null && !request.accountId().isBlank()) {
                accountId = Accounts.find(writes.connection(), request.accountId().strip())
                        .orElseThrow(() -> CrmProblem.invalid("accountId", "no account '" + request.accountId() + "'"))
                        .id();
            } else if (accountName != null) {
                String domain = email == null || internal ? null : email.substring(email.indexOf('@') + 1);
                Account account = CrmActions.createAccount(writes, accountName, domain, owner, writes.now());
                accountId = account.id();
            }
            return CrmActions.createContact(writes, owner, accountId, name, email, phone, internal, writes.now(), true);
        });
        return Response.created(URI.create("/crm/api/contacts/" + result.contact().id()))
                .entity(ContactView.of(result.contact(), result.activity())).build();
    }
}
