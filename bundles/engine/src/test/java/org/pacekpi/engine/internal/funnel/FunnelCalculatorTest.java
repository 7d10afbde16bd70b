package org.pacekpi.engine.internal.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.ValidationException;
import org.pacekpi.engine.internal.InMemoryDirectory;
import org.pacekpi.engine.internal.InMemoryPaceStore;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;

/** The funnel service over the host's directory and the store: whose deals, which days, which errors. */
class FunnelCalculatorTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-04-12T00:00:00Z"), ZoneOffset.UTC);
    private static final FunnelSettings SETTINGS = FunnelSettings.of(new String[] {"meeting", "proposal", "paid"},
            null, new String[] {"qualified=meeting"}, new String[] {"meetingsHeld"}, 180, 10, 30);

    private final InMemoryPaceStore store = new InMemoryPaceStore();
    private final InMemoryDirectory directory = new InMemoryDirectory()
            .team("east", "East").team("west", "West")
            .manager("ann", "UTC", "east").manager("bob", "UTC", "east").manager("cid", "UTC", "west")
            .manager("eve", "UTC", null);
    private final FunnelCalculator calculator = new FunnelCalculator(directory, store, SETTINGS, NOW);
    private int sequence;

    @Test
    void aTeamIsMeasuredOnItsMembersDealsAndActivities() {
        deal("A", "ann", "2026-03-02T09:00:00Z", "qualified");
        deal("A", "ann", "2026-03-05T09:00:00Z", "proposal");
        won("A", "ann", "2026-03-09T09:00:00Z", "200", "EUR");
        deal("B", "bob", "2026-03-03T09:00:00Z", "meeting");
        lost("B", "bob", "2026-03-20T09:00:00Z");
        deal("C", "cid", "2026-03-03T09:00:00Z", "meeting");
        won("C", "cid", "2026-03-04T09:00:00Z", "999", "EUR");
        counted("ann", "meetingsHeld", LocalDate.of(2026, 3, 2), 3);
        counted("bob", "meetingsHeld", LocalDate.of(2026, 3, 10), 5);
        counted("cid", "meetingsHeld", LocalDate.of(2026, 3, 10), 100);
        counted("ann", "meetingsHeld", LocalDate.of(2026, 4, 1), 100);

        ConversionReport east = calculator.conversions(Scope.team("east"), MARCH_1, MARCH_31, ConversionMethod.COHORT);

        assertThat(east.scope()).isEqualTo(Scope.team("east"));
        assertThat(east.from()).isEqualTo(MARCH_1);
        assertThat(east.to()).isEqualTo(MARCH_31);
        // 2 deals entered meeting (A through the mapped host stage), of 8 meetings held in March.
        assertThat(east.toNext().get(0).successes()).isEqualTo(2);
        assertThat(east.toNext().get(0).sampleSize()).isEqualTo(8);
        assertThat(east.toNext().get(1).successes()).isEqualTo(1);
        assertThat(east.toNext().get(1).sampleSize()).isEqualTo(2);
        assertThat(east.toNext().get(1).teamRate()).isNull();
        assertThat(east.winRate().successes()).isEqualTo(1);
        assertThat(east.winRate().sampleSize()).isEqualTo(2);
        assertThat(east.dealsPaid()).isEqualTo(1);
        assertThat(east.averagePaidDeal()).containsExactly(new Money("EUR", new BigDecimal("200.00")));
    }

    @Test
    void aManagerIsShrunkTowardTheTeamTheirRecordNames() {
        won("A", "ann", "2026-03-09T09:00:00Z", null, null);
        lost("B", "bob", "2026-03-20T09:00:00Z");
        lost("C", "bob", "2026-03-21T09:00:00Z");
        lost("D", "cid", "2026-03-21T09:00:00Z");

        ConversionReport ann = calculator.conversions(Scope.manager("ann"), MARCH_1, MARCH_31,
                ConversionMethod.SNAPSHOT);

        // ann 1 of 1, east 1 of 3 (cid is in west): (1 + 10 x 1/3) / (1 + 10) = 13/33.
        assertThat(ann.winRate().raw().fraction()).isEqualTo("1");
        assertThat(ann.winRate().teamRate().fraction()).isEqualTo("1/3");
        assertThat(ann.winRate().rate().fraction()).isEqualTo("13/33");
        assertThat(ann.method()).isEqualTo(ConversionMethod.SNAPSHOT);
    }

    @Test
    void aManagerWithoutATeamIsMeasuredAlone() {
        won("A", "eve", "2026-03-09T09:00:00Z", null, null);
        lost("B", "eve", "2026-03-10T09:00:00Z");
        lost("C", "bob", "2026-03-21T09:00:00Z");

        ConversionReport eve = calculator.conversions(Scope.manager("eve"), MARCH_1, MARCH_31,
                ConversionMethod.COHORT);

        assertThat(eve.winRate().teamRate()).isNull();
        assertThat(eve.winRate().rate().fraction()).isEqualTo("1/2");
    }

    @Test
    void aManagerWhoseRecordNamesNoKnownTeamIsShrunkTowardTheFirstTeamListingThem() {
        Directory teams = new Directory() {
            @Override
            public Optional<User> user(String userId) {
                return directory.user(userId);
            }

            @Override
            public List<User> users() {
                return directory.users();
            }

            @Override
            public Optional<Team> team(String teamId) {
                return directory.team(teamId);
            }

            @Override
            public List<Team> teams() {
                return directory.teams();
            }

            @Override
            public List<User> members(String teamId) {
                // eve is listed by both teams although her record names none; east comes first by id.
                List<User> members = new ArrayList<>(directory.members(teamId));
                members.add(directory.user("eve").orElseThrow());
                return members;
            }

            @Override
            public boolean isInternalContact(String contactId) {
                return false;
            }

            @Override
            public boolean isInternalEmail(String email) {
                return false;
            }

            @Override
            public boolean isInternalPhone(String phone) {
                return false;
            }
        };
        lost("B", "bob", "2026-03-21T09:00:00Z");
        won("C", "cid", "2026-03-21T09:00:00Z", null, null);

        ConversionReport eve = new FunnelCalculator(teams, store, SETTINGS, NOW)
                .conversions(Scope.manager("eve"), MARCH_1, MARCH_31, ConversionMethod.COHORT);

        assertThat(eve.winRate().teamRate().fraction()).isEqualTo("0");
    }

    @Test
    void theWindowIsTheManagersDays() {
        directory.manager("kei", "Asia/Tokyo", "tokyo").team("tokyo", "Tokyo").manager("uma", "UTC", "tokyo");
        // 28 February 16:00 UTC is 1 March 01:00 in Tokyo; 31 March 16:00 UTC is 1 April 01:00 in Tokyo.
        won("A", "kei", "2026-02-28T16:00:00Z", "100", "EUR");
        won("D", "kei", "2026-03-31T16:00:00Z", "300", "EUR");
        won("U1", "uma", "2026-02-28T16:00:00Z", "100", "EUR");
        won("U2", "uma", "2026-03-31T16:00:00Z", "300", "EUR");

        ConversionReport kei = calculator.conversions(Scope.manager("kei"), MARCH_1, MARCH_31,
                ConversionMethod.SNAPSHOT);
        ConversionReport uma = calculator.conversions(Scope.manager("uma"), MARCH_1, MARCH_31,
                ConversionMethod.SNAPSHOT);
        ConversionReport tokyo = calculator.conversions(Scope.team("tokyo"), MARCH_1, MARCH_31,
                ConversionMethod.SNAPSHOT);

        assertThat(kei.averagePaidDeal()).containsExactly(new Money("EUR", new BigDecimal("100.00")));
        assertThat(uma.averagePaidDeal()).containsExactly(new Money("EUR", new BigDecimal("300.00")));
        // The team's days are its first member's, kei's: A and U1 in March.
        assertThat(tokyo.averagePaidDeal()).containsExactly(new Money("EUR", new BigDecimal("100.00")));
        assertThat(tokyo.dealsPaid()).isEqualTo(2);
    }

    @Test
    void aTeamsDaysAreItsHeadsOrElseItsFirstMembers() {
        // "north" is headed by hana (Tokyo) and has one member in New York; "south" has no head.
        InMemoryDirectory people = new InMemoryDirectory().manager("hana", "Asia/Tokyo", "hq")
                .manager("ny", "America/New_York", "north").manager("la", "America/Los_Angeles", "south")
                .manager("mx", "America/Mexico_City", "south");
        Map<String, Team> headed = new HashMap<>(Map.of("north", new Team("north", "North", Set.of("zed", "hana")),
                "south", new Team("south", "South", Set.of())));
        Directory directoryWithHeads = new Directory() {
            @Override
            public Optional<User> user(String userId) {
                return people.user(userId);
            }

            @Override
            public List<User> users() {
                return people.users();
            }

            @Override
            public Optional<Team> team(String teamId) {
                return Optional.ofNullable(headed.get(teamId));
            }

            @Override
            public List<Team> teams() {
                return headed.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
            }

            @Override
            public List<User> members(String teamId) {
                return people.members(teamId);
            }

            @Override
            public boolean isInternalContact(String contactId) {
                return false;
            }

            @Override
            public boolean isInternalEmail(String email) {
                return false;
            }

            @Override
            public boolean isInternalPhone(String phone) {
                return false;
            }
        };
        // 1 March 07:00 UTC: still 28 February in Los Angeles, 1 March in Tokyo, New York and Mexico City.
        deal("N", "ny", "2026-03-01T07:00:00Z", "meeting");
        deal("S", "la", "2026-03-01T07:00:00Z", "meeting");
        // 31 March 20:00 UTC: 1 April in Tokyo, still 31 March in New York.
        deal("M", "ny", "2026-03-31T20:00:00Z", "meeting");
        FunnelCalculator calculator = new FunnelCalculator(directoryWithHeads, store, SETTINGS, NOW);

        ConversionReport north = calculator.conversions(Scope.team("north"), MARCH_1, MARCH_31,
                ConversionMethod.SNAPSHOT);
        ConversionReport south = calculator.conversions(Scope.team("south"), MARCH_1, MARCH_31,
                ConversionMethod.SNAPSHOT);

        // north's days are Tokyo's (hana; zed is unknown): N counts, M falls on 1 April.
        assertThat(north.toNext().get(1).sampleSize()).isEqualTo(1);
        // south's days are la's (first member by id): S falls on 28 February.
        assertThat(south.toNext().get(1).sampleSize()).isZero();
        assertThat(calculator.recentWindow(Scope.team("north")))
                .isEqualTo(new FunnelWindow(LocalDate.of(2025, 10, 15), LocalDate.of(2026, 4, 12),
                        ZoneId.of("Asia/Tokyo")));
        assertThat(calculator.recentWindow(Scope.team("south")).to()).isEqualTo(LocalDate.of(2026, 4, 11));
    }

    @Test
    void theStepsAreTheConfiguredOnes() {
        assertThat(calculator.steps()).isEqualTo(SETTINGS.funnelStages());
        assertThat(calculator.steps().get(1).hostStages()).containsExactly("qualified", "meeting");
    }

    @Test
    void unknownManagersAndTeamsAreNotFound() {
        assertThatThrownBy(() -> calculator.conversions(Scope.manager("nobody"), MARCH_1, MARCH_31,
                ConversionMethod.COHORT)).isInstanceOf(NotFoundException.class)
                .hasMessage("no manager with id 'nobody'");
        assertThatThrownBy(() -> calculator.conversions(Scope.team("nowhere"), MARCH_1, MARCH_31,
                ConversionMethod.COHORT)).isInstanceOf(NotFoundException.class)
                .hasMessage("no team with id 'nowhere'");
        assertThatThrownBy(() -> calculator.recentWindow(Scope.team("nowhere")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBadWindowNamesTheField() {
        Scope ann = Scope.manager("ann");
        assertValidation(() -> calculator.conversions(ann, MARCH_31, MARCH_1, ConversionMethod.COHORT), "to",
                "to: must not be before from (2026-03-31), was 2026-03-01");
        assertValidation(() -> calculator.conversions(ann, LocalDate.of(2023, 3, 31), MARCH_31,
                ConversionMethod.COHORT), "from",
                "from: the window 2023-03-31 to 2026-03-31 spans 1097 days; at most 1096 (3 years)");
        assertValidation(() -> calculator.conversions(ann, null, MARCH_31, ConversionMethod.COHORT), "from",
                "from: is required");
        assertValidation(() -> calculator.conversions(ann, MARCH_1, null, ConversionMethod.COHORT), "to",
                "to: is required");
        assertValidation(() -> calculator.conversions(ann, MARCH_1, MARCH_31, null), "method",
                "method: is required: cohort or snapshot");
        assertValidation(() -> calculator.conversions(null, MARCH_1, MARCH_31, ConversionMethod.COHORT), "scope",
                "scope: is required");
        // Three years to the day is fine.
        assertThat(calculator.conversions(ann, LocalDate.of(2023, 4, 1), MARCH_31, ConversionMethod.COHORT).from())
                .isEqualTo(LocalDate.of(2023, 4, 1));
    }

    private static void assertValidation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
                                         String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessage(message);
    }

    private void deal(String dealId, String manager, String at, String hostStage) {
        write(dealId, manager, "DEAL_STAGE_CHANGED", hostStage, at, null, null);
    }

    private void won(String dealId, String manager, String at, String amount, String currency) {
        write(dealId, manager, "DEAL_WON", null, at, amount == null ? null : new BigDecimal(amount), currency);
    }

    private void lost(String dealId, String manager, String at) {
        write(dealId, manager, "DEAL_LOST", null, at, null, null);
    }

    private void write(String dealId, String manager, String kind, String stage, String at, BigDecimal amount,
                       String currency) {
        String id = "e" + (++sequence);
        LoggedActivity activity = new LoggedActivity(id, sequence, false, Instant.parse(at), manager, kind, null,
                null, null, null, List.of(), dealId, stage, amount, currency, false);
        store.write(List.of(new CountedActivity(activity, CountingState.none(LocalDate.parse(at.substring(0, 10))))),
                0);
    }

    /** An activity that adds {@code value} to the manager's metric on the day. */
    private void counted(String manager, String metric, LocalDate day, long value) {
        String id = "m" + (++sequence);
        LoggedActivity activity = new LoggedActivity(id, sequence, false, day.atTime(12, 0).toInstant(ZoneOffset.UTC),
                manager, "MEETING", null, null, null, null, List.of(), null, null, null, null, false);
        store.write(List.of(new CountedActivity(activity, new CountingState(day, null, null, null,
                List.of(new Contribution(manager, metric, day, value))))), 0);
    }
}
