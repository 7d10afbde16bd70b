package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pacekpi.store.jdbc.internal.Activities.MONDAY;
import static org.pacekpi.store.jdbc.internal.Activities.dealEvent;
import static org.pacekpi.store.jdbc.internal.Activities.deleted;
import static org.pacekpi.store.jdbc.internal.Activities.stageChange;
import static org.pacekpi.store.jdbc.internal.Activities.touch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.DealEvent;
import org.pacekpi.api.store.LoggedActivity;

/**
 * {@link org.pacekpi.api.store.PaceStore#dealHistories} as every database under {@link JdbcPaceStore} must answer it,
 * and the projection behind it kept in step with the log. Subclasses give each test a fresh, empty database.
 */
abstract class DealHistoriesContract extends StoreContractBase {

    private static final Set<String> DEAL_KINDS = Set.of("DEAL_STAGE_CHANGED", "DEAL_WON", "DEAL_LOST");

    /** The window most tests ask about: the week of {@link Activities#MONDAY}, [Monday 00:00, next Monday 00:00). */
    private static final Instant FROM = MONDAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant TO = MONDAY.plusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC);

    @Test
    void theHistoriesAreEveryEventOfTheDealsTheManagersMovedInTheWindowInDealTimeAndIdOrder() {
        store.write(List.of(
                // d1: m1 moved it in the window; its earlier and later events, by anyone, belong to its history.
                stageChange("a1", "m1", "d1", "intro", at(MONDAY, 9)),
                stageChange("a2", "m2", "d1", "presentation", at(MONDAY.plusDays(10), 9)),
                stageChange("a3", "m1", "d1", "meeting", at(MONDAY.minusDays(12), 9)),
                dealEvent("a4", 1, "m2", "DEAL_WON", "d1", "paid", at(MONDAY.plusDays(30), 9),
                        new BigDecimal("1200.5"), "EUR"),
                // d2: only m2 moved it in the window.
                stageChange("b1", "m2", "d2", "intro", at(MONDAY.plusDays(1), 9)),
                // d3: m1 moved it only before the window.
                stageChange("c1", "m1", "d3", "intro", at(MONDAY.minusDays(1), 23)),
                // d4: m1 lost it in the window; stage not given.
                dealEvent("e1", 1, "m1", "DEAL_LOST", "d4", null, at(MONDAY.plusDays(4), 16), null, null),
                // Not deal events: a call about d1 by m3, and a stage change without a deal.
                touch("f1", 1, "m3", MONDAY),
                stageChange("f2", "m3", null, "intro", at(MONDAY, 10))), 0);
        CountedActivity call = touch("f3", 1, "m3", MONDAY);
        LoggedActivity c = call.activity();
        store.write(List.of(new CountedActivity(new LoggedActivity(c.id(), 1, false, at(MONDAY, 11), "m3", "CALL",
                "PHONE", "OUTBOUND", "CONNECTED", 60L, c.counterparts(), "d1", "intro", null, null, false),
                call.state())), 0);

        List<DealEvent> m1 = store.dealHistories(List.of("m1"), FROM, TO);

        assertThat(m1).extracting(DealEvent::activityId).containsExactly("a3", "a1", "a2", "a4", "e1");
        assertThat(m1.get(3)).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(new DealEvent("a4", "d1", "m2", "DEAL_WON", "paid", at(MONDAY.plusDays(30), 9),
                        new BigDecimal("1200.5"), "EUR"));
        assertThat(m1.get(3).amount()).as("amounts keep four decimals, as in the log")
                .isEqualTo(new BigDecimal("1200.5000"));
        assertThat(m1.get(1)).isEqualTo(new DealEvent("a1", "d1", "m1", "DEAL_STAGE_CHANGED", "intro", at(MONDAY, 9),
                null, null));
        assertThat(m1.get(4)).isEqualTo(new DealEvent("e1", "d4", "m1", "DEAL_LOST", null,
                at(MONDAY.plusDays(4), 16), null, null));

        assertThat(store.dealHistories(List.of("m2"), FROM, TO)).extracting(DealEvent::activityId)
                .containsExactly("b1");
        assertThat(store.dealHistories(List.of("m3"), FROM, TO)).as("m3 logged no deal event").isEmpty();
        assertThat(store.dealHistories(List.of("m1"), FROM.minus(java.time.Duration.ofDays(2)), TO))
                .extracting(DealEvent::activityId).containsExactly("a3", "a1", "a2", "a4", "c1", "e1");
        assertThat(store.dealHistories(List.of("m2"), at(MONDAY.plusDays(30), 0), at(MONDAY.plusDays(31), 0)))
                .extracting(DealEvent::activityId).containsExactly("a3", "a1", "a2", "a4");
    }

    @Test
    void aDealMovedByTwoManagersIsWholeForEitherAndOnceForBoth() {
        store.write(List.of(stageChange("a1", "m1", "d1", "intro", at(MONDAY, 9)),
                stageChange("a2", "m2", "d1", "proposal", at(MONDAY.plusDays(2), 9)),
                stageChange("a3", "m2", "d2", "intro", at(MONDAY.plusDays(3), 9))), 0);

        assertThat(store.dealHistories(List.of("m1"), FROM, TO)).extracting(DealEvent::activityId)
                .containsExactly("a1", "a2");
        assertThat(store.dealHistories(List.of("m2"), FROM, TO)).extracting(DealEvent::activityId)
                .containsExactly("a1", "a2", "a3");
        assertThat(store.dealHistories(List.of("m1", "m2", "m1"), FROM, TO)).extracting(DealEvent::activityId)
                .containsExactly("a1", "a2", "a3");
        assertThat(store.dealHistories(List.of("m1", "nobody"), FROM, TO)).extracting(DealEvent::activityId)
                .containsExactly("a1", "a2");
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEndToTheNanosecond() {
        Instant start = Instant.parse("2026-03-02T10:00:00.000000500Z");
        Instant end = Instant.parse("2026-03-02T10:00:07.000000500Z");
        store.write(List.of(stageChange("a1", "m1", "d-at-start", "intro", start),
                stageChange("a2", "m1", "d-before-start", "intro", start.minusNanos(1)),
                stageChange("a3", "m1", "d-before-end", "intro", end.minusNanos(1)),
                stageChange("a4", "m1", "d-at-end", "intro", end),
                stageChange("a5", "m1", "d-same-second-as-start", "intro", start.minusNanos(500)),
                stageChange("a6", "m1", "d-same-second-as-end", "intro", end.plusNanos(499_999_999))), 0);

        assertThat(store.dealHistories(List.of("m1"), start, end)).extracting(DealEvent::dealId)
                .containsExactly("d-at-start", "d-before-end");
        assertThat(store.dealHistories(List.of("m1"), start, start)).as("an empty window").isEmpty();
        assertThat(store.dealHistories(List.of("m1"), end, start)).as("a window that ends first").isEmpty();
        assertThat(store.dealHistories(List.of("m1"), start, start.plusNanos(1))).extracting(DealEvent::dealId)
                .containsExactly("d-at-start");
    }

    @Test
    void dealsAndEventsAtTheSameInstantAreOrderedByIdAsJavaOrdersStrings() {
        Instant nine = at(MONDAY, 9);
        // Java's order: "B" < "_" < "a" (and "e10" < "e9"); a locale's would put "_" or "a" first.
        store.write(List.of(stageChange("e9", "m1", "deal-a", "intro", nine),
                stageChange("e10", "m1", "deal-a", "proposal", nine),
                stageChange("x_", "m1", "deal-_", "intro", nine),
                stageChange("xB", "m1", "deal-B", "intro", nine),
                stageChange("xa", "m1", "deal-B", "proposal", nine),
                stageChange("x0", "m1", "deal-B", "meeting", nine.minusNanos(1))), 0);

        List<DealEvent> events = store.dealHistories(List.of("m1"), FROM, TO);

        assertThat(events).extracting(DealEvent::activityId).containsExactly("x0", "xB", "xa", "x_", "e10", "e9");
        List<DealEvent> javaOrder = new ArrayList<>(events);
        javaOrder.sort(Comparator.comparing(DealEvent::dealId).thenComparing(DealEvent::occurredAt)
                .thenComparing(DealEvent::activityId));
        assertThat(events).isEqualTo(javaOrder);
    }

    @Test
    void deletedEventsAreLeftOutAndADealWhoseOnlyEventInTheWindowWasDeletedIsToo() {
        CountedActivity inWindow = stageChange("a1", "m1", "d1", "intro", at(MONDAY, 9));
        CountedActivity before = stageChange("a2", "m1", "d2", "meeting", at(MONDAY.minusDays(3), 9));
        CountedActivity d2InWindow = stageChange("a3", "m1", "d2", "intro", at(MONDAY.plusDays(1), 9));
        store.write(List.of(inWindow, before, d2InWindow), 0);
        assertThat(store.dealHistories(List.of("m1"), FROM, TO)).extracting(DealEvent::activityId)
                .containsExactly("a1", "a2", "a3");

        store.write(List.of(deleted(inWindow, 2), deleted(before, 2)), 0);

        assertThat(store.dealHistories(List.of("m1"), FROM, TO)).extracting(DealEvent::activityId)
                .containsExactly("a3");
        assertThat(store.activity("a1")).get().extracting(LoggedActivity::deleted).isEqualTo(true);

        store.write(List.of(new CountedActivity(with(inWindow.activity(), 3, false), inWindow.state())), 0);
        assertThat(store.dealHistories(List.of("m1"), FROM, TO)).as("written again after its deletion")
                .extracting(DealEvent::activityId).containsExactly("a1", "a3");
    }

    @Test
    void anActivityThatChangesIntoSomethingElseLeavesTheHistoriesAndOneThatChangesItsDealMoves() {
        CountedActivity event = dealEvent("a1", 1, "m1", "DEAL_WON", "d1", "paid", at(MONDAY, 9),
                new BigDecimal("10"), "USD");
        store.write(List.of(event, stageChange("a2", "m2", "d1", "intro", at(MONDAY.minusDays(20), 9))), 0);
        assertThat(store.dealHistories(List.of("m1"), FROM, TO)).extracting(DealEvent::activityId)
                .containsExactly("a2", "a1");

        // The host corrects a1: it was a note on the deal, not a win.
        LoggedActivity a = event.activity();
        LoggedActivity note = new LoggedActivity("a1", 2, false, a.occurredAt(), "m1", "NOTE", null, null, null, null,
                List.of(), "d1", null, null, null, false);
        store.write(List.of(new CountedActivity(note, event.state())), 0);
        assertThat(store.dealHistories(List.of("m1"), FROM, TO)).isEmpty();
        assertThat(store.dealHistories(List.of("m2"), FROM.minus(java.time.Duration.ofDays(30)), TO))
                .extracting(DealEvent::activityId).containsExactly("a2");

        // Corrected again: a win after all, of another deal, by m3, a day later, for another amount.
        LoggedActivity win = new LoggedActivity("a1", 3, false, a.occurredAt().plusSeconds(86_400), "m3", "DEAL_WON",
                null, null, null, null, List.of(), "d7", "paid", new BigDecimal("99.125"), "EUR", false);
        store.write(List.of(new CountedActivity(win, event.state())), 0);
        assertThat(store.dealHistories(List.of("m1"), FROM, TO)).isEmpty();
        assertThat(store.dealHistories(List.of("m3"), FROM, TO)).containsExactly(new DealEvent("a1", "d7", "m3",
                "DEAL_WON", "paid", win.occurredAt(), new BigDecimal("99.1250"), "EUR"));

        // And finally one without a deal id: no deal event.
        store.write(List.of(new CountedActivity(new LoggedActivity("a1", 4, false, win.occurredAt(), "m3",
                "DEAL_WON", null, null, null, null, List.of(), null, "paid", null, null, false), event.state())), 0);
        assertThat(store.dealHistories(List.of("m3"), FROM, TO)).isEmpty();
    }

    @Test
    void aResetOrARecountLeavesTheDealHistoriesAsTheyAre() {
        List<CountedActivity> log = List.of(stageChange("a1", "m1", "d1", "intro", at(MONDAY, 9)),
                dealEvent("a2", 1, "m2", "DEAL_WON", "d1", "paid", at(MONDAY.plusDays(1), 9), new BigDecimal("5"),
                        "EUR"),
                touch("t1", 1, "m1", MONDAY), touch("t2", 1, "m2", MONDAY.plusDays(1)));
        store.write(log, 0);
        List<DealEvent> before = store.dealHistories(List.of("m1", "m2"), FROM, TO);
        assertThat(before).extracting(DealEvent::activityId).containsExactly("a1", "a2");

        store.resetCounting();
        assertThat(store.dealHistories(List.of("m1", "m2"), FROM, TO)).isEqualTo(before);

        store.recountAll(new CallJudge(true), 2);
        assertThat(store.dealHistories(List.of("m1", "m2"), FROM, TO)).isEqualTo(before);
        assertThat(store.totals("m1", MONDAY, MONDAY)).as("the recount did count").isNotEmpty();
    }

    @Test
    void aBatchWithoutDealEventsRunsNoStatementOnThem() {
        List<String> statements = new CopyOnWriteArrayList<>();
        JdbcPaceStore recorded = new JdbcPaceStore(RecordingDataSource.of(db, statements), dialect());
        assertThat(recorded.activityCount()).isZero(); // migrates the schema first
        statements.clear();
        recorded.write(List.of(stageChange("a1", "m1", "d1", "intro", at(MONDAY, 9)), touch("t1", 1, "m1", MONDAY)),
                0);
        assertThat(statements).as("a batch with a deal event writes it").anyMatch(DealHistoriesContract::onDealEvents);

        statements.clear();
        recorded.write(List.of(touch("t2", 2, "m1", MONDAY), touch("t1", 3, "m2", MONDAY)), 7);
        recorded.write(List.of(deleted(touch("t2", 2, "m1", MONDAY), 4)), 0);
        assertThat(statements).as("statements of two batches of touches").isNotEmpty()
                .noneMatch(DealHistoriesContract::onDealEvents);

        recorded.write(List.of(touch("a1", 5, "m1", MONDAY)), 0);
        assertThat(statements).as("a deal event that became a call is removed")
                .anyMatch(DealHistoriesContract::onDealEvents);
        assertThat(recorded.dealHistories(List.of("m1"), FROM, TO)).isEmpty();
    }

    /** The plain definition, against the store, over random histories of writes, corrections and deletions. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void randomLogsGiveTheHistoriesThePlainDefinitionGives(long seed) {
        Random random = new Random(seed);
        Map<String, LoggedActivity> log = new TreeMap<>();
        long sequence = 0;
        for (int batch = 0; batch < 25; batch++) {
            Map<String, CountedActivity> writes = new TreeMap<>();
            int size = 1 + random.nextInt(12);
            for (int i = 0; i < size; i++) {
                String id = "a" + random.nextInt(80);
                LoggedActivity activity = randomActivity(random, id, ++sequence);
                writes.put(id, new CountedActivity(activity,
                        CountingState.none(LocalDate.ofInstant(activity.occurredAt(), ZoneOffset.UTC))));
            }
            store.write(List.copyOf(writes.values()), random.nextBoolean() ? sequence : 0);
            writes.values().forEach(w -> log.put(w.activity().id(), w.activity()));
            if (batch % 5 == 4) {
                assertSameAsDefinition(random, log.values());
            }
        }
        store.recountAll(new CallJudge(false), 7);
        assertSameAsDefinition(random, log.values());
    }

    @Test
    void argumentsAreChecked() {
        assertThat(store.dealHistories(List.of(), FROM, TO)).isEmpty();
        assertThatThrownBy(() -> store.dealHistories(null, FROM, TO)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.dealHistories(java.util.Arrays.asList("m1", null), FROM, TO))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.dealHistories(List.of("m1"), null, TO)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.dealHistories(List.of("m1"), FROM, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aTeamOfManyManagersIsAnsweredWhole() {
        List<CountedActivity> events = new ArrayList<>();
        List<String> managers = new ArrayList<>();
        for (int m = 0; m < 1_500; m++) {
            managers.add("m" + m);
            events.add(stageChange("a" + m, "m" + m, "d" + m % 1_100, "intro", at(MONDAY, 9).plusSeconds(m)));
        }
        store.write(events, 0);
        List<String> team = managers.subList(0, 1_200);

        List<DealEvent> histories = store.dealHistories(team, FROM, TO);

        List<LoggedActivity> log = events.stream().map(CountedActivity::activity).toList();
        assertThat(histories).isEqualTo(byDefinition(log, team, FROM, TO));
        assertThat(histories).hasSize(1_500);
        assertThat(histories.stream().map(DealEvent::dealId).distinct().count()).isEqualTo(1_100);
    }

    // ---------------------------------------------------------------- helpers

    private void assertSameAsDefinition(Random random, Collection<LoggedActivity> log) {
        for (int q = 0; q < 12; q++) {
            Set<String> managers = new HashSet<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                managers.add("m" + random.nextInt(5));
            }
            Instant from = at(MONDAY.plusDays(random.nextInt(20) - 5), random.nextInt(24));
            Instant to = from.plusSeconds(random.nextInt(8 * 86_400) + random.nextInt(3));
            assertThat(store.dealHistories(managers, from, to)).as("%s from %s to %s", managers, from, to)
                    .isEqualTo(byDefinition(log, managers, from, to));
        }
        assertThat(store.dealHistories(List.of("m0", "m1", "m2", "m3", "m4"), Instant.EPOCH,
                at(MONDAY.plusYears(1), 0))).as("everything").isEqualTo(byDefinition(log, List.of("m0", "m1", "m2",
                "m3", "m4"), Instant.EPOCH, at(MONDAY.plusYears(1), 0)));
    }

    /** The contract's definition, literally, with the store's four decimals for amounts. */
    private static List<DealEvent> byDefinition(Collection<LoggedActivity> log, Collection<String> managers,
                                                Instant from, Instant to) {
        Set<String> deals = log.stream().filter(DealHistoriesContract::isDealEvent)
                .filter(a -> managers.contains(a.actorId()) && !a.occurredAt().isBefore(from)
                        && a.occurredAt().isBefore(to))
                .map(LoggedActivity::dealId).collect(Collectors.toSet());
        return log.stream().filter(a -> isDealEvent(a) && deals.contains(a.dealId()))
                .sorted(Comparator.comparing(LoggedActivity::dealId).thenComparing(LoggedActivity::occurredAt)
                        .thenComparing(LoggedActivity::id))
                .map(a -> new DealEvent(a.id(), a.dealId(), a.actorId(), a.kind(), a.stage(), a.occurredAt(),
                        a.amount() == null ? null : a.amount().setScale(4, RoundingMode.HALF_UP), a.currency()))
                .toList();
    }

    private static boolean isDealEvent(LoggedActivity a) {
        return !a.deleted() && a.dealId() != null && DEAL_KINDS.contains(a.kind());
    }

    /** Deal events of a few deals and managers, sometimes deleted, without a deal, or not deal events at all. */
    private static LoggedActivity randomActivity(Random random, String id, long sequence) {
        String kind = List.of("DEAL_STAGE_CHANGED", "DEAL_STAGE_CHANGED", "DEAL_WON", "DEAL_LOST", "CALL", "NOTE")
                .get(random.nextInt(6));
        String deal = random.nextInt(10) == 0 ? null : List.of("d1", "d2", "D3", "d_4", "d5", "d6", "d7")
                .get(random.nextInt(7));
        Instant at = at(MONDAY.plusDays(random.nextInt(21) - 7), random.nextInt(24))
                .plusSeconds(random.nextInt(3)).plusNanos(random.nextInt(3));
        BigDecimal amount = kind.equals("DEAL_WON") && random.nextBoolean()
                ? BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(6)) : null;
        return new LoggedActivity(id, sequence, random.nextInt(6) == 0, at, "m" + random.nextInt(5), kind, null, null,
                null, null, List.of(), deal, random.nextBoolean() ? "stage" + random.nextInt(4) : null, amount,
                amount == null ? null : "EUR", false);
    }

    private static LoggedActivity with(LoggedActivity a, long sequence, boolean deleted) {
        return new LoggedActivity(a.id(), sequence, deleted, a.occurredAt(), a.actorId(), a.kind(), a.channel(),
                a.direction(), a.outcome(), a.durationSeconds(), a.counterparts(), a.dealId(), a.stage(), a.amount(),
                a.currency(), a.automated());
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static boolean onDealEvents(String sql) {
        return sql.toLowerCase(java.util.Locale.ROOT).contains("pace_deal_event");
    }
}
