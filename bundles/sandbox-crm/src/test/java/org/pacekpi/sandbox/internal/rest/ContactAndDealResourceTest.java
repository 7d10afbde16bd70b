package org.pacekpi.sandbox.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.ActivityTopics;
import org.pacekpi.host.directory.Role;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.TestCrm;
import org.pacekpi.sandbox.internal.rest.Views.ActivityView;
import org.pacekpi.sandbox.internal.rest.Views.ContactView;
import org.pacekpi.sandbox.internal.rest.Views.DealView;
import org.pacekpi.sandbox.internal.rest.Views.UserView;

import jakarta.ws.rs.core.Response;

class ContactAndDealResourceTest {

    private static final String ANNA = TestCrm.basic("anna", "demo");
    private static final String BORIS = TestCrm.basic("boris", "demo");
    private static final String HEAD = TestCrm.basic("head", "demo");

    @TempDir
    Path folder;

    private TestCrm crm;
    private ContactResource contacts;
    private DealResource deals;
    private CrmApiResource api;

    @BeforeEach
    void setUp() {
        crm = TestCrm.h2(folder);
        crm.addTeam("team-1", "Team North", "head");
        crm.addUser("anna", "team-1", Set.of(Role.MANAGER), "+49 30 5550 2100");
        crm.addUser("boris", null, Set.of(Role.MANAGER), "+49 30 5550 2101");
        contacts = new ContactResource(crm.log, crm.database, crm.directory, crm.auth);
        deals = new DealResource(crm.log, crm.database, crm.directory, crm.auth);
        api = new CrmApiResource(crm.database, crm.directory, crm.auth);
    }

    @AfterEach
    void tearDown() {
        crm.close();
    }

    @Test
    void creatingAContactLogsContactCreated() {
        Response response = contacts.create(ANNA, null, new ContactRequest("Lena Müller",
                "Lena.Mueller@Nordwind.example", "+49 89 7654321", null, "Nordwind Logistik", null, null));
        assertThat(response.getStatus()).isEqualTo(201);
        ContactView contact = (ContactView) response.getEntity();
        assertThat(contact.email()).isEqualTo("lena.mueller@nordwind.example");
        assertThat(contact.internal()).isFalse();
        assertThat(contact.accountId()).isNotNull();
        assertThat(contact.createdActivity().type()).isEqualTo("contact_created");
        assertThat(contact.createdActivity().counterparts().get(0).contactId()).isEqualTo(contact.id());
        Activity posted = (Activity) crm.events.posted.get(0).getProperty(ActivityTopics.PROPERTY_ACTIVITY);
        assertThat(posted.kind()).isEqualTo(ActivityKind.CONTACT_CREATED);
        assertThat(contacts.list(ANNA, null)).extracting(ContactView::id).containsExactly(contact.id());
        assertThat(contacts.list(BORIS, null)).isEmpty();
        assertThat(contacts.list(HEAD, null)).as("the head sees the team's contacts").hasSize(1);
    }

    @Test
    void aContactOnTheCompanyDomainIsAColleague() {
        ContactView colleague = (ContactView) contacts.create(ANNA, null, new ContactRequest("Greta", 
                "greta@pace-demo.example", null, null, null, null, null)).getEntity();
        assertThat(colleague.internal()).isTrue();
        assertThat(crm.directory.isInternalContact(colleague.id())).isTrue();
    }

    @Test
    void contactRequestsAreChecked() {
        assertThat(catchThrowableOfType(CrmProblem.class, () -> contacts.create(ANNA, null,
                new ContactRequest(" ", null, null, null, null, null, null))).field()).contains("name");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> contacts.create(ANNA, null,
                new ContactRequest("X", "x@", null, null, null, null, null))).field()).contains("email");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> contacts.create(ANNA, null,
                new ContactRequest("X", null, "abc", null, null, null, null))).field()).contains("phone");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> contacts.create(ANNA, null,
                new ContactRequest("X", null, null, "acc-404", null, null, null))).field()).contains("accountId");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> contacts.create(ANNA, null,
                new ContactRequest("X", null, null, null, null, null, "boris"))).status()).isEqualTo(403);
        assertThat(crm.events.posted).isEmpty();
    }

    @Test
    void oneContactOrDealIsShownOnlyToWhoMaySeeIt() {
        ContactView lena = (ContactView) contacts.create(ANNA, null, new ContactRequest("Lena", null, null, null,
                "Nordwind Logistik", null, null)).getEntity();
        DealView deal = (DealView) deals.create(ANNA, null, new DealRequest("Fleet tracking", lena.id(), null,
                new BigDecimal("24000"), null, null, null)).getEntity();

        assertThat(contacts.get(ANNA, null, lena.id()).id()).isEqualTo(lena.id());
        assertThat(contacts.get(HEAD, null, lena.id()).id()).as("the head of Anna's team").isEqualTo(lena.id());
        assertThat(deals.get(HEAD, null, deal.id()).id()).isEqualTo(deal.id());

        CrmProblem contactOfAnna = catchThrowableOfType(CrmProblem.class, () -> contacts.get(BORIS, null, lena.id()));
        assertThat(contactOfAnna.status()).isEqualTo(403);
        assertThat(contactOfAnna).hasMessageContaining("contact " + lena.id() + " belongs to anna");
        CrmProblem dealOfAnna = catchThrowableOfType(CrmProblem.class, () -> deals.get(BORIS, null, deal.id()));
        assertThat(dealOfAnna.status()).isEqualTo(403);
        assertThat(dealOfAnna).hasMessageContaining("deal " + deal.id() + " belongs to anna");

        CrmProblem noContact = catchThrowableOfType(CrmProblem.class, () -> contacts.get(ANNA, null, "con-x"));
        assertThat(noContact.status()).isEqualTo(404);
        assertThat(noContact).hasMessageContaining("no contact 'con-x'");
        CrmProblem noDeal = catchThrowableOfType(CrmProblem.class, () -> deals.get(ANNA, null, "deal-x"));
        assertThat(noDeal.status()).isEqualTo(404);
        assertThat(noDeal).hasMessageContaining("no deal 'deal-x'");
    }

    @Test
    void aDealMovesThroughTheFunnelToPaid() {
        ContactView lena = (ContactView) contacts.create(ANNA, null, new ContactRequest("Lena", null, null, null,
                "Nordwind Logistik", null, null)).getEntity();
        Response created = deals.create(ANNA, null, new DealRequest("Fleet tracking", lena.id(), null,
                new BigDecimal("24000"), null, null, null));
        assertThat(created.getStatus()).isEqualTo(201);
        DealView deal = (DealView) created.getEntity();
        assertThat(deal.stage()).isEqualTo("meeting");
        assertThat(deal.status()).isEqualTo("open");
        assertThat(deal.currency()).isEqualTo("EUR");
        assertThat(deal.accountId()).isEqualTo(lena.accountId());
        assertThat(deal.activities()).extracting(ActivityView::type, ActivityView::stage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("deal_stage_change", "meeting"));

        DealView intro = deals.move(ANNA, null, deal.id(), new StageRequest("intro"));
        assertThat(intro.stage()).isEqualTo("intro");
        assertThat(intro.activities()).extracting(ActivityView::type).containsExactly("deal_stage_change");

        assertThat(catchThrowableOfType(CrmProblem.class,
                () -> deals.move(BORIS, null, deal.id(), new StageRequest("proposal"))).status()).isEqualTo(403);
        assertThat(catchThrowableOfType(CrmProblem.class,
                () -> deals.move(ANNA, null, deal.id(), new StageRequest("negotiation"))).field()).contains("stage");
        assertThat(catchThrowableOfType(CrmProblem.class,
                () -> deals.move(ANNA, null, deal.id(), new StageRequest("intro"))).status()).isEqualTo(409);

        DealView won = deals.move(ANNA, null, deal.id(), new StageRequest("won"));
        assertThat(won.status()).isEqualTo("won");
        assertThat(won.stage()).isEqualTo("paid");
        assertThat(won.activities()).extracting(ActivityView::type).containsExactly("deal_stage_change", "deal_won");
        assertThat(won.activities().get(1).amount()).isEqualByComparingTo("24000");
        assertThat(catchThrowableOfType(CrmProblem.class,
                () -> deals.move(ANNA, null, deal.id(), new StageRequest("lost"))).status()).isEqualTo(409);
        assertThat(deals.get(ANNA, null, deal.id()).status()).isEqualTo("won");
    }

    @Test
    void aLostDealLogsDealLostInItsStage() {
        DealView deal = (DealView) deals.create(ANNA, null, new DealRequest("Support contract", null, null, null,
                null, "presentation", null)).getEntity();
        DealView lost = deals.move(ANNA, null, deal.id(), new StageRequest("lost"));
        assertThat(lost.status()).isEqualTo("lost");
        assertThat(lost.activities()).extracting(ActivityView::type, ActivityView::stage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("deal_lost", "presentation"));
    }

    @Test
    void dealRequestsAreChecked() {
        assertThat(catchThrowableOfType(CrmProblem.class, () -> deals.create(ANNA, null,
                new DealRequest(null, null, null, null, null, null, null))).field()).contains("title");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> deals.create(ANNA, null,
                new DealRequest("X", null, null, new BigDecimal("-1"), null, null, null))).field()).contains("amount");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> deals.create(ANNA, null,
                new DealRequest("X", null, null, BigDecimal.TEN, "XYZ1", null, null))).field()).contains("currency");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> deals.create(ANNA, null,
                new DealRequest("X", null, null, null, null, "paid", null))).field()).contains("stage");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> deals.create(ANNA, null,
                new DealRequest("X", "con-404", null, null, null, null, null))).field()).contains("contactId");
        assertThat(crm.events.posted).isEmpty();
    }

    @Test
    void meUsersAndStatus() {
        UserView me = api.me(ANNA, null);
        assertThat(me.id()).isEqualTo("anna");
        assertThat(me.roles()).containsExactly("manager");
        assertThat(me.teamId()).isEqualTo("team-1");
        assertThat(me.phone()).isEqualTo("+49 30 5550 2100");
        assertThat(api.me(HEAD, null).headOf()).containsExactly("team-1");

        assertThat(api.users(HEAD, null)).extracting(UserView::id).containsExactly("anna", "head");
        assertThat(api.users(TestCrm.basic("admin", "demo"), null)).extracting(UserView::id)
                .containsExactly("admin", "anna", "boris", "head");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> api.users(ANNA, null)).status()).isEqualTo(403);
        assertThat(catchThrowableOfType(CrmProblem.class, () -> api.me(null, null)).status()).isEqualTo(401);

        assertThat(api.status()).isEqualTo(new Views.StatusView(false, 0, 0));
        contacts.create(ANNA, null, new ContactRequest("Lena", null, null, null, null, null, null));
        assertThat(api.status()).isEqualTo(new Views.StatusView(false, 1, 1));
    }
}
