package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.LoggedActivity;
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
 * same again.
 */
class IncrementalRecountPropertyTest {

    /** Four days around the end of daylight saving time in Los Angeles (1 November 2026). */
    private static final Instant START = Instant.parse("2026-10-30T00:00:00Z");
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

    @Property(tries = 400)
    void incrementalStatesEqualTheRecomputationFromTheLogAndTheRebuild(
            @ForAll("histories") List<Op> ops,
            @ForAll @Size(max = 100) List<@IntRange(min = 0, max = 1000) Integer> deliveryOrder,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 1000) Integer> repeated,
            @ForAll @Size(max = 10) List<@IntRange(min = 0, max = 1000) Integer> dropped,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 1, max = 8) Integer> batchSizes,
            @ForAll @IntRange(min = 1, max = 6) int historyPageSize,
            @ForAll @IntRange(min = 1, max = 7) int rebuildPageSize,
            @ForAll("settings") CountingSettings settings) {
        InMemoryDirectory directory = new InMemoryDirectory().manager("ann", "UTC").manager("kim", "Asia/Tokyo")
                .manager("lou", "America/Los_Angeles").internalContact("colleague");
        CountingBench bench = new CountingBench(directory, settings);
        List<ActivityChange> changes = play(ops, bench);
        List<ActivityChange> live = liveDelivery(changes, deliveryOrder, repeated, dropped);

        // Live, in batches of any size; after each batch the states must already equal the recomputation from what
        // is stored, whatever arrived out of order or twice.
        int next = 0;
        for (int b = 0; next < live.size(); b++) {
            int size = batchSizes.get(b % batchSizes.size());
            bench.apply(live.subList(next, Math.min(live.size(), next + size)), 0);
            next += size;
            bench.assertMatchesRecount();
        }
        List<LoggedActivity> newest = newestPerActivity(changes, directory);
        if (live.containsAll(changes)) {
            // Every change arrived at least once, in any order: the log has converged without the history.
            assertThat(bench.store.log()).isEqualTo(newest);
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
        assertThat(bench.store.log()).isEqualTo(newest);
        bench.assertMatchesRecount();

        Map<String, CountingState> incremental = CountingBench.normalised(bench.store.states());
        Map<Recount.AggregateKey, Long> aggregates = bench.store.aggregates();
        new Rebuilder(bench.store, bench.recounter, rebuildPageSize, RebuildMarker.inMemory(), () -> false).rebuild();

        assertThat(CountingBench.normalised(bench.store.states())).isEqualTo(incremental);
        assertThat(bench.store.aggregates()).isEqualTo(aggregates);
        assertThat(bench.store.appliedSequence()).isEqualTo(bench.host.latestSequence());
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
        deliveries.sort(java.util.Comparator.comparingInt(Delivery::key).thenComparingInt(Delivery::position));
        return deliveries.stream().map(Delivery::change).toList();
    }

    /** Logs the operations in the host, returning every change in sequence order. */
    private static List<ActivityChange> play(List<Op> ops, CountingBench bench) {
        List<ActivityChange> changes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Op op : ops) {
            if (op instanceof Create c) {
                // Ids whose order differs from creation order, so that ties in time are broken every which way.
                String id = "a" + Integer.toString((ids.size() * 7) % 64 + 64 * (ids.size() / 64), 36);
                ids.add(id);
                changes.add(bench.create(created(id, c)));
            } else if (!ids.isEmpty() && op instanceof Update u) {
                changes.add(bench.update(ids.get(u.target() % ids.size()), b -> changed(b, u)));
            } else if (!ids.isEmpty() && op instanceof Delete d) {
                changes.add(bench.delete(ids.get(d.target() % ids.size())));
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

    private static List<LoggedActivity> newestPerActivity(List<ActivityChange> changes, InMemoryDirectory directory) {
        ActivityMapper mapper = new ActivityMapper(directory);
        Map<String, LoggedActivity> newest = new LinkedHashMap<>();
        changes.forEach(c -> newest.put(c.activity().id(), mapper.map(c.type(), c.activity())));
        return newest.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
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
