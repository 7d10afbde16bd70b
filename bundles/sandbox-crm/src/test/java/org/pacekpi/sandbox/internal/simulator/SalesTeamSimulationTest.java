package org.pacekpi.sandbox.internal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.ActivityTopics;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.HistoryPage;
import org.pacekpi.host.activity.Outcome;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;
import org.pacekpi.sandbox.internal.TestCrm;
import org.pacekpi.sandbox.internal.activity.CrmActivityHistory;

/**
 * The simulator with its default settings, run into two fresh databases: the two histories must be identical, and
 * the history must hold the cases Pace has to tell apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesTeamSimulationTest {

    static final SimulationSettings SETTINGS = new SimulationSettings(42, 2, 4, 3, LocalDate.of(2026, 11, 18),
            TestCrm.DOMAIN);

    @TempDir
    static Path folder;

    private TestCrm first;
    private TestCrm second;
    private List<ActivityChange> history;

    @BeforeAll
    void simulateTwice() {
        first = TestCrm.h2(folder.resolve("first"));
        second = TestCrm.h2(folder.resolve("second"));
        assertThat(simulation(first).runOnce(SETTINGS, () -> false)).isPresent();
        assertThat(simulation(second).runOnce(SETTINGS, () -> false)).isPresent();
        history = all(first);
    }

    @AfterAll
    void close() {
        first.close();
        second.close();
    }

    @Test
    void theSameSettingsGiveTheSameHistoryAndPeople() {
        assertThat(all(second)).isEqualTo(history);
        assertThat(second.directory.users()).isEqualTo(first.directory.users());
        assertThat(second.directory.teams()).isEqualTo(first.directory.teams());
    }

    @Test
    void anotherSeedGivesAnotherHistory() {
        try (TestCrm other = TestCrm.h2(folder.resolve("other"))) {
            SimulationSettings seed7 = new SimulationSettings(7, 1, 2, 1, SETTINGS.anchorDate(), TestCrm.DOMAIN);
            SimulationSettings seed42 = new SimulationSettings(42, 1, 2, 1, SETTINGS.anchorDate(), TestCrm.DOMAIN);
            simulation(other).runOnce(seed7, () -> false);
            try (TestCrm again = TestCrm.h2(folder.resolve("again"))) {
                simulation(again).runOnce(seed42, () -> false);
                assertThat(all(other)).isNotEqualTo(all(again));
            }
        }
    }

    @Test
    void everyChangeWasPostedAsAnEventEqualToItsHistoryEntry() {
        assertThat(first.events.posted).hasSameSizeAs(history);
        for (int i = 0; i < history.size(); i++) {
            assertThat(first.events.posted.get(i).getTopic()).isEqualTo(history.get(i).type().topic());
            assertThat(first.events.posted.get(i).getProperty(ActivityTopics.PROPERTY_ACTIVITY))
                    .isEqualTo(history.get(i).activity());
        }
    }

    @Test
    void theOrganisationIsAsConfigured() {
        List<User> managers = first.directory.users().stream().filter(u -> u.hasRole(Role.MANAGER)).toList();
        assertThat(managers).extracting(User::login)
                .containsExactlyInAnyOrder("anna", "boris", "clara", "dmitri", "elena", "farid", "greta", "hugo");
        assertThat(first.directory.teams()).extracting(Team::name).containsExactly("Team North", "Team South");
        assertThat(first.directory.teams()).allSatisfy(team -> assertThat(team.headUserIds()).containsExactly("head"));
        assertThat(first.directory.members(first.directory.teams().get(0).id())).hasSize(4);
        assertThat(first.directory.user("boris").orElseThrow().timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(first.directory.user("farid").orElseThrow().timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(first.auth.authenticate("clara", "demo")).contains("clara");
    }

    @Test
    void theVolumeIsAFewThousandActivitiesAndEveryManagerHasSome() {
        assertThat(history.size()).isBetween(1_500, 8_000);
        Map<String, Long> perActor = latest().stream()
                .collect(Collectors.groupingBy(Activity::actorId, Collectors.counting()));
        assertThat(perActor.keySet()).containsExactlyInAnyOrder("anna", "boris", "clara", "dmitri", "elena", "farid",
                "greta", "hugo");
        assertThat(perActor.get("dmitri")).as("the lucky one does little").isLessThan(perActor.get("boris") / 2);
    }

    @Test
    void historyLiesOnWorkingDaysBeforeTheAnchorExceptScheduledMeetings() {
        LocalDate first = SETTINGS.firstDay();
        for (Activity activity : created()) {
            ZoneId zone = this.first.directory.user(activity.actorId()).orElseThrow().timeZone();
            LocalDate day = activity.occurredAt().atZone(zone).toLocalDate();
            if (activity.outcome() == Outcome.SCHEDULED) {
                assertThat(day).isAfterOrEqualTo(SETTINGS.anchorDate());
            } else {
                assertThat(day).isBetween(first, SETTINGS.anchorDate().minusDays(1));
                assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                int hour = activity.occurredAt().atZone(zone).getHour();
                assertThat(hour).isBetween(9, 17);
            }
        }
    }

    @Test
    void itHoldsTheCasesPaceMustTellApart() {
        List<Activity> activities = created();
        assertThat(count(activities, a -> a.kind() == ActivityKind.CALL && a.outcome() == Outcome.CONNECTED)).isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.CALL && a.outcome() == Outcome.NO_ANSWER))
                .as("unanswered calls").isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.CALL && a.outcome() == Outcome.CONNECTED
                && a.duration().compareTo(Duration.ofSeconds(20)) < 0)).as("seconds-long calls").isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.CALL && colleague(a))).as("calls to colleagues")
                .isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.CALL && a.primaryCounterpart().contactId() == null
                && first.directory.isInternalPhone(a.primaryCounterpart().phone()))).as("colleagues dialled by number")
                .isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.EMAIL && a.primaryCounterpart().contactId() == null
                && first.directory.isInternalEmail(a.primaryCounterpart().email()))).as("mail to company addresses")
                .isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.EMAIL && a.automated())).as("automated e-mails")
                .isPositive();
        assertThat(count(activities, a -> a.outcome() == Outcome.FAILED)).as("failed e-mails or messages").isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.MESSAGE)).isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.MEETING && a.outcome() == Outcome.HELD)).isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.MEETING && a.outcome() == Outcome.NOT_HELD)).isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.MEETING && a.outcome() == Outcome.SCHEDULED)).isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.MEETING && colleague(a) && !allColleagues(a)))
                .as("client meetings a colleague attended").isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.MEETING && allColleagues(a)))
                .as("internal meetings").isPositive();
        assertThat(count(activities, a -> a.kind() == ActivityKind.CONTACT_CREATED)).isPositive();
        assertThat(activities.stream().filter(a -> a.kind() == ActivityKind.DEAL_STAGE_CHANGED)
                .map(Activity::stage).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("meeting", "intro", "presentation", "proposal", "paid");
        assertThat(activities.stream().filter(a -> a.kind() == ActivityKind.DEAL_WON)).isNotEmpty()
                .allSatisfy(a -> assertThat(a.amount()).isPositive());
        assertThat(count(activities, a -> a.kind() == ActivityKind.DEAL_LOST)).isPositive();
        assertThat(activities.stream().filter(a -> a.kind() == ActivityKind.DEAL_WON && a.actorId().equals("dmitri"))
                .map(Activity::amount)).as("the lucky one's big deal").anySatisfy(
                        amount -> assertThat(amount).isEqualByComparingTo("240000"));
        assertThat(history.stream().filter(c -> c.type() == ChangeType.UPDATED)).as("corrections").isNotEmpty();
        assertThat(history.stream().filter(c -> c.type() == ChangeType.DELETED)).as("deletions").isNotEmpty();
    }

    @Test
    void thePadderTalksToColleaguesMoreThanTheOthers() {
        Map<String, double[]> shares = new HashMap<>();
        for (Activity call : created()) {
            if (call.kind() == ActivityKind.CALL) {
                double[] share = shares.computeIfAbsent(call.actorId(), id -> new double[2]);
                share[0] += colleague(call) || (call.primaryCounterpart().contactId() == null
                        && first.directory.isInternalPhone(call.primaryCounterpart().phone())) ? 1 : 0;
                share[1]++;
            }
        }
        double farid = shares.get("farid")[0] / shares.get("farid")[1];
        double anna = shares.get("anna")[0] / shares.get("anna")[1];
        assertThat(farid).isGreaterThan(0.25).isGreaterThan(anna * 3);
    }

    @Test
    void itRunsOnlyOnce() {
        long before = new CrmActivityHistory(first.database).latestSequence();
        assertThat(simulation(first).simulated()).isTrue();
        assertThat(simulation(first).runOnce(SETTINGS, () -> false)).isEmpty();
        assertThat(new CrmActivityHistory(first.database).latestSequence()).isEqualTo(before);
    }

    @Test
    void aCancelledRunLeavesNothingBehind() {
        try (TestCrm crm = TestCrm.h2(folder.resolve("cancelled"))) {
            SalesTeamSimulation simulation = simulation(crm);
            int[] days = { 0 };
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> simulation.runOnce(SETTINGS, () -> ++days[0] > 10))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(simulation.simulated()).isFalse();
            assertThat(new CrmActivityHistory(crm.database).latestSequence()).isZero();
            assertThat(crm.events.posted).isEmpty();
            assertThat(crm.directory.users()).extracting(User::id).containsExactly("admin", "head");
            assertThat(simulation.runOnce(SETTINGS, () -> false)).isPresent();
            assertThat(all(crm)).isEqualTo(history);
        }
    }

    private static SalesTeamSimulation simulation(TestCrm crm) {
        return new SalesTeamSimulation(crm.database, crm.log, TestCrm.FAST_HASHER);
    }

    private boolean colleague(Activity activity) {
        return activity.counterparts().stream().anyMatch(c -> first.directory.isInternalContact(c.contactId()));
    }

    private boolean allColleagues(Activity activity) {
        return activity.counterparts().stream().allMatch(c -> first.directory.isInternalContact(c.contactId()));
    }

    private static long count(List<Activity> activities, Predicate<Activity> predicate) {
        return activities.stream().filter(predicate).count();
    }

    /** Every activity as first logged. */
    private List<Activity> created() {
        return history.stream().filter(c -> c.type() == ChangeType.CREATED).map(ActivityChange::activity).toList();
    }

    /** Every activity's latest state, deleted ones left out. */
    private List<Activity> latest() {
        Map<String, ActivityChange> byId = new HashMap<>();
        history.forEach(change -> byId.put(change.activity().id(), change));
        return byId.values().stream().filter(c -> c.type() != ChangeType.DELETED).map(ActivityChange::activity).toList();
    }

    private static List<ActivityChange> all(TestCrm crm) {
        CrmActivityHistory history = new CrmActivityHistory(crm.database);
        List<ActivityChange> result = new ArrayList<>();
        long cursor = 0;
        HistoryPage page;
        do {
            page = history.changesAfter(cursor, 1_000);
            result.addAll(page.changes());
            cursor = page.lastSequence(cursor);
        } while (page.hasMore());
        return result;
    }
}
