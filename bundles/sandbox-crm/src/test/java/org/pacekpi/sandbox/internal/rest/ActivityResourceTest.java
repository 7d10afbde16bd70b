package org.pacekpi.sandbox.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.service.event.Event;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityTopics;
import org.pacekpi.host.directory.Role;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.TestCrm;
import org.pacekpi.sandbox.internal.activity.CrmActivityHistory;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.pacekpi.sandbox.internal.crm.CrmActions;
import org.pacekpi.sandbox.internal.crm.Deal;
import org.pacekpi.sandbox.internal.rest.Views.ActivityView;

import jakarta.ws.rs.core.Response;

class ActivityResourceTest {

    private static final String ANNA = TestCrm.basic("anna", "demo");
    private static final String BORIS = TestCrm.basic("boris", "demo");
    private static final String ADMIN = TestCrm.basic("admin", "demo");

    @TempDir
    Path folder;

    private TestCrm crm;
    private ActivityResource resource;
    private CrmActivityHistory history;
    private Contact lena;
    private Contact sofia;
    private Contact greta;
    private Deal deal;

    @BeforeEach
    void setUp() {
        crm = TestCrm.h2(folder);
        crm.addUser("anna", null, Set.of(Role.MANAGER), "+49 30 5550 2100");
        crm.addUser("boris", null, Set.of(Role.MANAGER), "+49 30 5550 2101");
        lena = crm.addContact("anna", "Lena Müller", "lena.mueller@nordwind.example", "+49 89 7654321", false);
        sofia = crm.addContact("anna", "Sofia Klein", "sofia.klein@nordwind.example", "+49 89 1111111", false);
        greta = crm.addContact("anna", "Greta (colleague)", "greta@pace-demo.example", "+49 30 5550 2106", true);
        deal = crm.log.write("a deal", writes -> CrmActions.createDeal(writes, "Fleet tracking", "anna", null,
                lena.id(), "proposal", new BigDecimal("18000.00"), "EUR", TestCrm.NOW, false)).deal();
        resource = new ActivityResource(crm.log, crm.database, crm.directory, crm.auth, crm.clock);
        history = new CrmActivityHistory(crm.database);
    }

    @AfterEach
    void tearDown() {
        crm.close();
    }

    @Test
    void aManagerLogsACallAndGetsItsIdSequenceAndLocation() {
        Response response = resource.create(ANNA, null, request("call", lena.id(), "connected", 240L));

        assertThat(response.getStatus()).isEqualTo(201);
        ActivityView view = (ActivityView) response.getEntity();
        assertThat(response.getLocation()).hasToString("/crm/api/activities/" + view.id());
        assertThat(view.sequence()).isEqualTo(1);
        assertThat(view.type()).isEqualTo("call");
        assertThat(view.actorId()).isEqualTo("anna");
        assertThat(view.channel()).isEqualTo("phone");
        assertThat(view.direction()).isEqualTo("outbound");
        assertThat(view.outcome()).isEqualTo("connected");
        assertThat(view.durationSeconds()).isEqualTo(240);
        assertThat(view.occurredAt()).isEqualTo(TestCrm.NOW);
        assertThat(view.counterparts()).singleElement().satisfies(c -> {
            assertThat(c.contactId()).isEqualTo(lena.id());
            assertThat(c.phone()).isEqualTo("+49 89 7654321");
            assertThat(c.name()).isEqualTo("Lena Müller");
        });
        Event event = crm.events.posted.get(0);
        assertThat(event.getTopic()).isEqualTo(ActivityTopics.CREATED);
        assertThat(((Activity) event.getProperty(ActivityTopics.PROPERTY_ACTIVITY)).id()).isEqualTo(view.id());
    }

    @Test
    void defaultsFollowTheType() {
        ActivityView email = created(resource.create(ANNA, null, new ActivityRequest("email", null, null,
                "Lena.Mueller@nordwind.example", null, null, null, null, null, null, null, null, null, null, true, null)));
        assertThat(email.channel()).isEqualTo("email");
        assertThat(email.outcome()).isEqualTo("sent");
        assertThat(email.automated()).isTrue();
        assertThat(email.counterparts().get(0).contactId()).as("found by address").isEqualTo(lena.id());

        ActivityView meeting = created(resource.create(ANNA, null, new ActivityRequest("meeting",
                "2026-11-17T13:00:00+01:00", lena.id(), null, null, List.of(sofia.id(), greta.id()), "video", null,
                null, 2700L, deal.id(), null, null, null, null, null)));
        assertThat(meeting.channel()).isEqualTo("video");
        assertThat(meeting.outcome()).isEqualTo("held");
        assertThat(meeting.occurredAt()).hasToString("2026-11-17T12:00:00Z");
        assertThat(meeting.counterparts()).extracting(Views.CounterpartView::contactId)
                .containsExactly(lena.id(), sofia.id(), greta.id());
        assertThat(meeting.stage()).as("the deal's stage").isEqualTo("proposal");

        ActivityView scheduled = created(resource.create(ANNA, null, new ActivityRequest("meeting",
                "2026-11-25T10:00:00Z", lena.id(), null, null, null, null, null, null, null, null, null, null, null,
                null, null)));
        assertThat(scheduled.outcome()).isEqualTo("scheduled");

        ActivityView won = created(resource.create(ANNA, null, new ActivityRequest("deal_won", null, null, null,
                null, null, null, null, null, null, deal.id(), null, null, null, null, null)));
        assertThat(won.amount()).isEqualByComparingTo("18000");
        assertThat(won.currency()).isEqualTo("EUR");
        assertThat(won.stage()).isEqualTo("paid");
        assertThat(won.channel()).isEqualTo("none");
        assertThat(won.counterparts()).isEmpty();
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("unknown type", new ActivityRequest("visit", null, "C", null, null, null, null, null, null,
                        null, null, null, null, null, null, null), "type"),
                Arguments.of("no type", new ActivityRequest(null, null, "C", null, null, null, null, null, null,
                        null, null, null, null, null, null, null), "type"),
                Arguments.of("unknown contact", new ActivityRequest("call", null, "con-999", null, null, null, null,
                        null, null, null, null, null, null, null, null, null), "contactId"),
                Arguments.of("no counterpart", new ActivityRequest("call", null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null), "contactId"),
                Arguments.of("negative duration", new ActivityRequest("call", null, "C", null, null, null, null, null,
                        null, -5L, null, null, null, null, null, null), "durationSeconds"),
                Arguments.of("duration of an e-mail", new ActivityRequest("email", null, "C", null, null, null, null,
                        null, null, 60L, null, null, null, null, null, null), "durationSeconds"),
                Arguments.of("bad timestamp", new ActivityRequest("call", "yesterday", "C", null, null, null, null,
                        null, null, null, null, null, null, null, null, null), "occurredAt"),
                Arguments.of("a call in the future", new ActivityRequest("call", "2027-01-01T10:00:00Z", "C", null,
                        null, null, null, null, null, null, null, null, null, null, null, null), "occurredAt"),
                Arguments.of("bad currency", new ActivityRequest("deal_won", null, null, null, null, null, null, null,
                        null, null, "D", null, new BigDecimal("100"), "EURO", null, null), "currency"),
                Arguments.of("amount on a call", new ActivityRequest("call", null, "C", null, null, null, null, null,
                        null, null, null, null, new BigDecimal("100"), "EUR", null, null), "amount"),
                Arguments.of("unknown deal", new ActivityRequest("deal_lost", null, null, null, null, null, null, null,
                        null, null, "deal-999", null, null, null, null, null), "dealId"),
                Arguments.of("stage change without stage", new ActivityRequest("deal_stage_change", null, null, null,
                        null, null, null, null, null, null, "D", null, null, null, null, null), "stage"),
                Arguments.of("unknown stage", new ActivityRequest("deal_stage_change", null, null, null, null, null,
                        null, null, null, null, "D", "negotiation", null, null, null, null), "stage"),
                Arguments.of("outcome of another type", new ActivityRequest("call", null, "C", null, null, null, null,
                        null, "held", null, null, null, null, null, null, null), "outcome"),
                Arguments.of("channel of another type", new ActivityRequest("call", null, "C", null, null, null,
                        "email", null, null, null, null, null, null, null, null, null), "channel"),
                Arguments.of("bad direction", new ActivityRequest("call", null, "C", null, null, null, null,
                        "sideways", null, null, null, null, null, null, null, null), "direction"),
                Arguments.of("bad e-mail", new ActivityRequest("email", null, null, "not-an-address", null, null, null,
                        null, null, null, null, null, null, null, null, null), "email"),
                Arguments.of("unknown attendee", new ActivityRequest("meeting", null, "C", null, null,
                        List.of("C", "con-404"), null, null, null, null, null, null, null, null, null, null),
                        "attendees[1]"),
                Arguments.of("attendees on a call", new ActivityRequest("call", null, "C", null, null, List.of("C"),
                        null, null, null, null, null, null, null, null, null, null), "attendees"),
                Arguments.of("unknown actor", new ActivityRequest("call", null, "C", null, null, null, null, null, null,
                        null, null, null, null, null, null, "nobody"), "actorId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void anInvalidRequestIsA400NamingTheFieldAndStoresNothing(String what, ActivityRequest request, String field) {
        ActivityRequest concrete = substitute(request);
        String caller = "actorId".equals(field) ? ADMIN : ANNA;

        CrmProblem problem = catchThrowableOfType(CrmProblem.class, () -> resource.create(caller, null, concrete));

        assertThat(problem).as(what).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.field()).contains(field);
        assertThat(problem.getMessage()).startsWith(field + ": ");
        assertThat(history.latestSequence()).isZero();
        assertThat(crm.events.posted).isEmpty();
    }

    @Test
    void withoutValidCredentialsItIs401() {
        assertThat(catchThrowableOfType(CrmProblem.class,
                () -> resource.create(null, null, request("call", lena.id(), null, null))).status()).isEqualTo(401);
        CrmProblem wrong = catchThrowableOfType(CrmProblem.class,
                () -> resource.create(TestCrm.basic("anna", "nope"), null, request("call", lena.id(), null, null)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong).hasMessageContaining("wrong login or password");
        assertThat(crm.events.posted).isEmpty();
    }

    @Test
    void onlyAnAdminLogsForSomeoneElse() {
        ActivityRequest forAnna = new ActivityRequest("call", null, lena.id(), null, null, null, null, null, null,
                null, null, null, null, null, null, "anna");
        CrmProblem denied = catchThrowableOfType(CrmProblem.class, () -> resource.create(BORIS, null, forAnna));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(history.latestSequence()).isZero();

        ActivityView logged = created(resource.create(ADMIN, null, forAnna));
        assertThat(logged.actorId()).isEqualTo("anna");
    }

    @Test
    void theActorCorrectsAndDeletesOthersMayNot() {
        ActivityView call = created(resource.create(ANNA, null, new ActivityRequest("call", "2026-11-16T09:00:00Z",
                lena.id(), null, null, null, null, null, "no_answer", 30L, null, null, null, null, null, null)));

        assertThat(catchThrowableOfType(CrmProblem.class, () -> resource.update(BORIS, null, call.id(),
                request("call", lena.id(), "connected", 300L))).status()).isEqualTo(403);
        assertThat(catchThrowableOfType(CrmProblem.class, () -> resource.delete(BORIS, null, call.id())).status())
                .isEqualTo(403);
        assertThat(catchThrowableOfType(CrmProblem.class, () -> resource.get(BORIS, null, call.id())).status())
                .as("boris may not even read it").isEqualTo(403);

        ActivityView corrected = resource.update(ANNA, null, call.id(), request("call", lena.id(), "connected", 300L));
        assertThat(corrected.id()).isEqualTo(call.id());
        assertThat(corrected.sequence()).isEqualTo(2);
        assertThat(corrected.outcome()).isEqualTo("connected");
        assertThat(corrected.occurredAt()).as("kept when left out").hasToString("2026-11-16T09:00:00Z");
        assertThat(resource.get(ANNA, null, call.id())).isEqualTo(corrected);
        assertThat(resource.list(ANNA, null, null, 10)).containsExactly(corrected);

        ActivityView byAdmin = resource.update(ADMIN, null, call.id(), request("call", lena.id(), "connected", 320L));
        assertThat(byAdmin.actorId()).as("an admin's correction stays anna's call").isEqualTo("anna");

        assertThat(resource.delete(ANNA, null, call.id()).getStatus()).isEqualTo(204);
        assertThat(catchThrowableOfType(CrmProblem.class, () -> resource.get(ANNA, null, call.id())).status())
                .isEqualTo(404);
        assertThat(crm.events.posted).extracting(Event::getTopic).containsExactly(ActivityTopics.CREATED,
                ActivityTopics.UPDATED, ActivityTopics.UPDATED, ActivityTopics.DELETED);
        assertThat(history.latestSequence()).isEqualTo(4);
    }

    @Test
    void listingSomeoneElsesActivitiesNeedsTheRight() {
        resource.create(ANNA, null, request("call", lena.id(), null, null));
        assertThat(resource.list(ADMIN, null, "anna", 10)).hasSize(1);
        assertThatThrownBy(() -> resource.list(BORIS, null, "anna", 10)).isInstanceOf(CrmProblem.class);
        assertThat(catchThrowableOfType(CrmProblem.class, () -> resource.list(ANNA, null, null, 0)).field())
                .contains("limit");
    }

    private ActivityView created(Response response) {
        assertThat(response.getStatus()).isEqualTo(201);
        return (ActivityView) response.getEntity();
    }

    private static ActivityRequest request(String type, String contactId, String outcome, Long seconds) {
        return new ActivityRequest(type, null, contactId, null, null, null, null, null, outcome, seconds, null, null,
                null, null, null, null);
    }

    /** The parameter table names the contact "C" and the deal "D": the ids exist only once the test set up. */
    private ActivityRequest substitute(ActivityRequest r) {
        return new ActivityRequest(r.type(), r.occurredAt(), "C".equals(r.contactId()) ? lena.id() : r.contactId(),
                r.email(), r.phone(), r.attendees() == null ? null
                        : r.attendees().stream().map(a -> "C".equals(a) ? sofia.id() : a).toList(),
                r.channel(), r.direction(), r.outcome(), r.durationSeconds(), "D".equals(r.dealId()) ? deal.id()
                        : r.dealId(), r.stage(), r.amount(), r.currency(), r.automated(), r.actorId());
    }
}
