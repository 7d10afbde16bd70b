package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Channel;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Direction;
import org.pacekpi.host.activity.HistoryPage;
import org.pacekpi.host.activity.Outcome;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The promise of the issue: on random streams of creates, corrections, deletions, duplicates and reassignments, over
 * a few contacts, managers in different time zones (one crossing the end of daylight saving time) and days, delivered
 * out of order, repeated and in random batches, then caught up from the history like the pipeline does, the
 * incrementally maintained states and aggregates always equal a recomputation from the log; and a rebuild gives the
 * same again, a rebuild under other rules the recomputation under those, and a rebuild after a reset the same again.
 *
 * <p>Subclasses say on which store (a new, empty one for every try) and how many tries ({@code @PropertyDefaults}).
 * The store is read back only through the {@link PaceStore} SPI, so the same check holds for every implementation.
 */
abstract class IncrementalRecountProperty {

    /** Four days around the end of daylight saving time in Los Angeles (1 November 2026). */
    private static final Instant START = Instant.parse("2026-10-30T00:00:00Z");
    /**
     * The local days the activities can fall on (every 45 minutes from START over four days, in zones from UTC-7 to
     * UTC+9): the aggregates are compared day by day over them, and over all time to catch any stored beyond.
     */
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 29);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 3);
    private static final LocalDate ALL_TIME_FROM = LocalDate.of(1970, 1, 1);
    private static final LocalDate ALL_TIME_TO = LocalDate.of(2999, 12, 31);
    private static final int LOG_PAGE = 100;
    private static final String[] MANAGERS = {"ann", "kim", "lou"};
    private static final ActivityKind[] KINDS = {ActivityKind.CALL, ActivityKind.CALL, ActivityKind.CALL,
            ActivityKind.EMAIL, ActivityKind.EMAIL, ActivityKind.MESSAGE, ActivityKind.MEETING, ActivityKind.MEETING,
            ActivityKind.DEAL_STAGE_CHANGED, ActivityKind.DEAL_WON, ActivityKind.DEAL_LOST,
            ActivityKind.CONTACT_CREATED, ActivityKind.OTHER};
    private static final Channel[] CHANNELS = Channel.values();
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final Duration[] DURATIONS = {null, Duration.ofSeconds(5), Duration.ofSeconds(29),
            Duration.ofSeconds(30), Duration.ofMinutes(5)};
    private static final List<List<Counterpart>> COUNTERPARTS = List.of(
            List.of(Counterpart.contact("con-1")),
            List.of(Counterpart.contact("con-2")),
            List.of(new Counterpart("con-3", null, "max@client.example", null, "Max")),
            List.of(new Counterpart(null, null, "Jo@Acme.example", null, "Jo")),
            List.of(new Counterpart(null, null, "jo@acme.example", "+1 555 0100", null)),
            List.of(new Counterpart(null, null, null, "+1 (555) 0100", null)),
            List.of(Counterpart.contact("colleague")),
            List.of(new Counterpart(null, null, "anna@pace-demo.example", null, "Anna")),
            List.of(new Counterpart(null, "acme", null, null, "a name only")),
            List.of(Counterpart.contact("colleague"), Counterpart.contact("con-2")),
            List.of(new Counterpart(null, null, "anna@pace-demo.example", null, null), Counterpart.contact("con-1"),
                    Counterpart.contact("con-2")),
            List.of(new Counterpart(null, null, null, "+49 30 999", "office")),
            List.of());

    /** One step of the host's history. */
    sealed interface Op permits Create, Update, Delete {
    }

    record Create(int manager, int kind, int counterparts, int time, int outcome, int duration, boolean automated,
                  int extra) implements Op {
    }

    /** Changes one field of an existing activity: which activity, which field, the new value's index. */
    record Update(int target, int field, int value) implements Op {
    }

    record Delete(int target) implements Op {
    }

    /**
     * A new, empty store for one try; closing it releases what it holds (a pool, a database, a schema).
     *
     * @param store   the store under test
     * @param cleanup what closing does
     */
    record EmptyStore(PaceStore store, AutoCloseable cleanup) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            cleanup.close();
        }
    }

    /** A new, empty store, for one try. */
    protected abstract EmptyStore emptyStore() throws Exception;

    @Property
    void incrementalStatesEqualTheRecomputationFromTheLogAndTheRebuild(
            @ForAll("histories") List<Op> ops,
            @ForAll @Size(max = 100) List<@IntRange(min = 0, max = 1000) Integer> deliveryOrder,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 1000) Integer> repeated,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 1000) Integer> dropped,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 8) Integer> batchSizes,
            @ForAll @IntRange(min = 1, max = 6) int historyPageSize,
            @ForAll @IntRange(min = 1, max = 7) int rebuildPageSize,
            @ForAll("settings") CountingSettings settings,
            @ForAll("settings") CountingSettings otherSettings) throws Exception {
        try (EmptyStore empty = emptyStore()) {
            Bench bench = new Bench(empty.store(), settings);
            List<ActivityChange> changes = play(ops, bench.host);
            List<ActivityChange> live = liveDelivery(changes, deliveryOrder, repeated, dropped);

            // Live, in batches of any size; after each batch the states must already equal the recomputation from
            // what is stored, whatever arrived out of order or twice.
            int next = 0;
            for (int b = 0; next < live.size(); b++) {
                int size = batchSizes.get(b % batchSizes.size());
                bench.apply(live.subList(next, Math.min(live.size(), next + size)), 0);
                next += size;
                bench.assertMatchesRecount();
            }
            List<LoggedActivity> newest = newestPerActivity(changes, bench.mapper);
            if (live.containsAll(changes)) {
                // Every change arrived at least once, in any order: the log has converged without the history.
                assertThat(bench.log()).isEqualTo(newest);
            }

            // Catch-up: the whole history after the cursor, in pages, the cursor moving with each page.
            long cursor = bench.store.appliedSequence();
            HistoryPage page;
            do {
                page = bench.host.changesAfter(cursor, historyPageSize);
                long last = page.lastSequence(cursor);
                if (!page.changes().isEmpty()) {
                    bench.apply(page.changes(), last);
                    bench.assertMatchesRecount();
                }
                cursor = last;
            } while (page.hasMore());

            assertThat(bench.store.appliedSequence()).isEqualTo(bench.host.latestSequence());
            assertThat(bench.log()).isEqualTo(newest);
            bench.assertMatchesRecount();

            Map<String, CountingState> incremental = bench.states();
            Map<Recount.AggregateKey, Long> aggregates = bench.aggregates();
            bench.rebuild(settings, rebuildPageSize);

            assertThat(bench.states()).isEqualTo(incremental);
            assertThat(bench.aggregates()).isEqualTo(aggregates);
            assertThat(bench.store.appliedSequence()).isEqualTo(bench.host.latestSequence());

            // Under other rules the rebuild rewrites what they change, and equals the recomputation under them; back
            // under the first rules, and after a reset that forgot every state, it gives the first states again.
            bench.rebuild(otherSettings, rebuildPageSize);
            bench.assertMatchesRecount(otherSettings);
            bench.rebuild(settings, rebuildPageSize);
            assertThat(bench.states()).isEqualTo(incremental);
            assertThat(bench.aggregates()).isEqualTo(aggregates);
            bench.store.resetCounting();
            bench.rebuild(settings, rebuildPageSize);
            assertThat(bench.states()).isEqualTo(incremental);
            assertThat(bench.aggregates()).isEqualTo(aggregates);
            assertThat(bench.store.appliedSequence()).isEqualTo(bench.host.latestSequence());
        }
    }

    /**
     * A host, a directory and the incremental recount on the store under test, which it reads back through the SPI
     * alone: the log by {@link PaceStore#logPage}, the states by {@link PaceStore#activities}, the aggregates by
     * {@link PaceStore#totals}.
     */
    private static final class Bench {

        final PaceStore store;
        final InMemoryHistory host = new InMemoryHistory();
        final ActivityMapper mapper;
        final Recounter recounter;
        private final CountingSettings settings;
        private final ActorZones zones;

        Bench(PaceStore store, CountingSettings settings) {
            InMemoryDirectory directory = new InMemoryDirectory().manager("ann", "UTC").manager("kim", "Asia/Tokyo")
                    .manager("lou", "America/Los_Angeles").internalContact("colleague");
            this.store = store;
            this.settings = settings;
            this.zones = new DirectoryZones(directory);
            this.mapper = new ActivityMapper(directory);
            this.recounter = new Recounter(store, new CountingRules(settings, zones));
        }

        /** Applies the changes as one batch with the given history cursor (0 for live). */
        void apply(List<ActivityChange> changes, long historyCursor) {
            recounter.apply(changes.stream().map(c -> mapper.map(c.type(), c.activity())).toList(), historyCursor);
        }

        /** Rebuilds the store under the given rules. */
        void rebuild(CountingSettings rules, int batchSize) {
            new Rebuilder(store, new CountingRules(rules, zones), batchSize, RebuildMarker.inMemory(), () -> false)
                    .rebuild();
        }

        /** The stored states equal a recomputation from the stored log, and the aggregates their sums. */
        void assertMatchesRecount() {
            assertMatchesRecount(settings);
        }

        /** The stored states equal a recomputation from the stored log under the given rules. */
        void assertMatchesRecount(CountingSettings rules) {
            List<LoggedActivity> log = log();
            Map<String, CountingState> recomputed = Recount.fromLog(log, rules, zones);
            assertThat(states(log)).isEqualTo(CountingBench.normalised(recomputed));
            Map<Recount.AggregateKey, Long> expected = Recount.aggregates(recomputed.values());
            assertThat(expected.keySet()).as("the days compared one by one must hold every aggregate")
                    .allSatisfy(key -> assertThat(key.day()).isBetween(FIRST_DAY, LAST_DAY));
            Set<String> managers = managers(log);
            assertThat(aggregates(managers)).isEqualTo(expected);
            assertThat(allTimeTotals(managers)).isEqualTo(allTimeTotals(expected));
        }

        /** The log: every stored activity, tombstones included, ordered by id, amounts compared by value. */
        List<LoggedActivity> log() {
            List<LoggedActivity> log = new ArrayList<>();
            String after = null;
            for (List<LoggedActivity> page = store.logPage(null, LOG_PAGE); !page.isEmpty();
                 page = store.logPage(after, LOG_PAGE)) {
                page.forEach(a -> log.add(byValue(a)));
                after = page.get(page.size() - 1).id();
            }
            // The SPI pages in the database's id order; the comparison is in Java's.
            log.sort(Comparator.comparing(LoggedActivity::id));
            return log;
        }

        /** Every stored state by activity id, contributions in one order. */
        Map<String, CountingState> states() {
            return states(log());
        }

        /** Every manager's aggregates. */
        Map<Recount.AggregateKey, Long> aggregates() {
            return aggregates(managers(log()));
        }

        private Map<String, CountingState> states(List<LoggedActivity> log) {
            List<String> ids = log.stream().map(LoggedActivity::id).toList();
            Map<String, CountedActivity> stored = store.activities(ids);
            assertThat(stored).containsOnlyKeys(ids);
            Map<String, CountingState> states = new HashMap<>();
            stored.forEach((id, activity) -> states.put(id, activity.state()));
            return CountingBench.normalised(states);
        }

        /** The managers' aggregates, day by day over the days the activities can fall on. */
        private Map<Recount.AggregateKey, Long> aggregates(Set<String> managers) {
            Map<Recount.AggregateKey, Long> aggregates = new TreeMap<>(Comparator
                    .comparing(Recount.AggregateKey::managerId).thenComparing(Recount.AggregateKey::metric)
                    .thenComparing(Recount.AggregateKey::day));
            for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
                LocalDate on = day;
                store.totals(managers, on, on).forEach((manager, totals) -> totals.forEach((metric, value) ->
                        aggregates.put(new Recount.AggregateKey(manager, metric, on), value)));
            }
            return aggregates;
        }

        /** Each manager's totals over all time, managers without any left out. */
        private Map<String, Map<String, Long>> allTimeTotals(Set<String> managers) {
            Map<String, Map<String, Long>> totals = new TreeMap<>(store.totals(managers, ALL_TIME_FROM, ALL_TIME_TO));
            totals.values().removeIf(Map::isEmpty);
            return totals;
        }

        private static Map<String, Map<String, Long>> allTimeTotals(Map<Recount.AggregateKey, Long> aggregates) {
            Map<String, Map<String, Long>> totals = new TreeMap<>();
            aggregates.forEach((key, value) -> totals.computeIfAbsent(key.managerId(), m -> new TreeMap<>())
                    .merge(key.metric(), value, Long::sum));
            return totals;
        }

        /** The managers of the directory and every actor of the log. */
        private static Set<String> managers(List<LoggedActivity> log) {
            Set<String> managers = new TreeSet<>(List.of(MANAGERS));
            log.forEach(a -> managers.add(a.actorId()));
            return managers;
        }
    }

    /**
     * The activity with its amount compared by value: a store may keep a scale of its own (the JDBC store keeps 4
     * decimals), and 1234.565 and 1234.5650 are the same amount.
     */
    private static LoggedActivity byValue(LoggedActivity a) {
        BigDecimal amount = a.amount() == null ? null : a.amount().stripTrailingZeros();
        return new LoggedActivity(a.id(), a.sequence(), a.deleted(), a.occurredAt(), a.actorId(), a.kind(),
                a.channel(), a.direction(), a.outcome(), a.durationSeconds(), a.counterparts(), a.dealId(), a.stage(),
                amount, a.currency(), a.automated());
    }

    /**
     * The live events: every change but the dropped ones, plus some repeated, in an order given by generated keys
     * (shrinking towards the host's order).
     */
    private static List<ActivityChange> liveDelivery(List<ActivityChange> changes, List<Integer> order,
                                                     List<Integer> repeated, List<Integer> dropped) {
        if (changes.isEmpty()) {
            return List.of();
        }
        record Delivery(ActivityChange change, int key, int position) {
        }
        List<Delivery> deliveries = new ArrayList<>();
        Set<Integer> drop = new java.util.HashSet<>();
        dropped.forEach(i -> drop.add(i % changes.size()));
        for (int i = 0; i < changes.size(); i++) {
            if (!drop.contains(i)) {
                deliveries.add(new Delivery(changes.get(i), order.isEmpty() ? 0 : order.get(i % order.size()), i));
            }
        }
        for (int r = 0; r < repeated.size(); r++) {
            int i = repeated.get(r) % changes.size();
            deliveries.add(new Delivery(changes.get(i), repeated.get(r), changes.size() + r));
        }
        deliveries.sort(Comparator.comparingInt(Delivery::key).thenComparingInt(Delivery::position));
        return deliveries.stream().map(Delivery::change).toList();
    }

    /** Logs the operations in the host, returning every change in sequence order. */
    private static List<ActivityChange> play(List<Op> ops, InMemoryHistory host) {
        List<ActivityChange> changes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Op op : ops) {
            if (op instanceof Create c) {
                // Ids whose order differs from creation order, so that ties in time are broken every which way.
                String id = "a" + Integer.toString((ids.size() * 7) % 64 + 64 * (ids.size() / 64), 36);
                ids.add(id);
                changes.add(host.create(created(id, c)));
            } else if (!ids.isEmpty() && op instanceof Update u) {
                changes.add(host.update(ids.get(u.target() % ids.size()), b -> changed(b, u)));
            } else if (!ids.isEmpty() && op instanceof Delete d) {
                changes.add(host.delete(ids.get(d.target() % ids.size())));
            }
        }
        return changes;
    }

    private static Activity.Builder created(String id, Create c) {
        ActivityKind kind = KINDS[c.kind() % KINDS.length];
        Channel channel = switch (kind) {
            case CALL -> Channel.PHONE;
            case EMAIL -> Channel.EMAIL;
            case MESSAGE -> Channel.MESSENGER;
            case MEETING -> c.extra() % 2 == 0 ? Channel.IN_PERSON : Channel.VIDEO;
            default -> Channel.NONE;
        };
        Activity.Builder builder = Activity.builder().id(id).sequence(1).occurredAt(time(c.time()))
                .actorId(MANAGERS[c.manager() % MANAGERS.length]).kind(kind).channel(channel)
                .direction(c.extra() % 3 == 0 ? Direction.INBOUND : Direction.OUTBOUND)
                .outcome(OUTCOMES[c.outcome() % OUTCOMES.length]).duration(DURATIONS[c.duration() % DURATIONS.length])
                .counterparts(COUNTERPARTS.get(c.counterparts() % COUNTERPARTS.size())).automated(c.automated());
        return switch (kind) {
            case DEAL_STAGE_CHANGED -> builder.dealId("d" + c.extra() % 3).stage(c.extra() % 2 == 0 ? "intro" : "proposal");
            case DEAL_WON -> builder.dealId("d" + c.extra() % 3).amount(new BigDecimal("1234.565"))
                    .currency(c.extra() % 2 == 0 ? "EUR" : "JPY");
            default -> builder;
        };
    }

    private static Activity.Builder changed(Activity.Builder b, Update u) {
        int v = u.value();
        return switch (u.field() % 8) {
            case 0 -> b.outcome(OUTCOMES[v % OUTCOMES.length]);
            case 1 -> b.actorId(MANAGERS[v % MANAGERS.length]); // reassignment
            case 2 -> b.occurredAt(time(v));
            case 3 -> b.counterparts(COUNTERPARTS.get(v % COUNTERPARTS.size()));
            case 4 -> b.duration(DURATIONS[v % DURATIONS.length]);
            case 5 -> b.automated(v % 2 == 0);
            case 6 -> b.kind(KINDS[v % KINDS.length]).stage(v % 2 == 0 ? "intro" : null);
            default -> b.channel(CHANNELS[v % CHANNELS.length]);
        };
    }

    /** Every 45 minutes over four days: ties in time happen, days and the DST change are crossed. */
    private static Instant time(int slot) {
        return START.plus(Duration.ofMinutes(45L * (slot % 128)));
    }

    private static List<LoggedActivity> newestPerActivity(List<ActivityChange> changes, ActivityMapper mapper) {
        Map<String, LoggedActivity> newest = new LinkedHashMap<>();
        changes.forEach(c -> newest.put(c.activity().id(), byValue(mapper.map(c.type(), c.activity()))));
        return newest.values().stream().sorted(Comparator.comparing(LoggedActivity::id)).toList();
    }

    @Provide
    Arbitrary<List<Op>> histories() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 200);
        Arbitrary<Op> create = Combinators.combine(small, small, small, small, small, small,
                        Arbitraries.integers().between(0, 9).map(i -> i == 0), small)
                .as(Create::new);
        Arbitrary<Op> update = Combinators.combine(small, small, small).as(Update::new);
        Arbitrary<Op> delete = small.map(Delete::new);
        return Arbitraries.frequencyOf(Tuple.of(5, create), Tuple.of(4, update), Tuple.of(1, delete))
                .list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<CountingSettings> settings() {
        return Combinators.combine(Arbitraries.of(0, 30), Arbitraries.of(0, 1, 1, 2), Arbitraries.of(false, false, true),
                        Arbitraries.of(true, false))
                .as((minCall, window, automated, companyLists) -> new CountingSettings(minCall, window, automated,
                        companyLists ? Set.of("pace-demo.example") : Set.of(),
                        companyLists ? Set.of("4930999") : Set.of()));
    }
}
