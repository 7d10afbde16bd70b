package org.pacekpi.engine.internal.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.pacekpi.api.dto.Money;
import org.pacekpi.api.store.DealEvent;

/**
 * One deal's way through the configured stages, traced from its deal events:
 * <ul>
 * <li>each stage's entry is the FIRST time the deal entered it; entering stage k passes every earlier stage not yet
 * passed, at the same moment (a skipped stage takes the entry of the later one), so a deal that moves back and
 * forward again is not counted twice;</li>
 * <li>{@code DEAL_WON}, and a stage change mapped onto the last stage, enter paid;</li>
 * <li>{@code DEAL_LOST} closes the deal as lost, unless it was paid (the money came in; a later loss is ignored); a
 * stage change or a win after a loss reopens it;</li>
 * <li>stage changes onto a host stage the funnel does not map are ignored (and reported in
 * {@link Trace#ignoredHostStages()}).</li>
 * </ul>
 * The events are taken in the order of {@code occurredAt}, then activity id, whatever order they arrive in.
 */
public final class DealJourney {

    /**
     * How a deal entered a stage: when, by whose event, which event.
     *
     * @param at         when
     * @param managerId  the actor of the event that entered it
     * @param activityId the event's activity id; skipped stages share the event of the stage that was entered
     */
    public record Entry(Instant at, String managerId, String activityId) {
    }

    /**
     * The journeys of several deals, and what was ignored on the way.
     *
     * @param journeys          one per deal, by deal id
     * @param ignoredHostStages the host stage ids of stage changes that map onto no Pace stage, sorted
     */
    public record Trace(List<DealJourney> journeys, Set<String> ignoredHostStages) {

        /** Copies the collections. */
        public Trace {
            journeys = List.copyOf(journeys);
            ignoredHostStages = Set.copyOf(ignoredHostStages);
        }
    }

    private static final String STAGE_CHANGED = "DEAL_STAGE_CHANGED";
    private static final String WON = "DEAL_WON";
    private static final String LOST = "DEAL_LOST";

    private static final Comparator<DealEvent> CHRONOLOGICAL = Comparator.comparing(DealEvent::occurredAt)
            .thenComparing(DealEvent::activityId);

    private final String dealId;
    private final Entry[] entries;
    private final Entry lost;
    private final Money paidAmount;

    private DealJourney(String dealId, Entry[] entries, Entry lost, Money paidAmount) {
        this.dealId = dealId;
        this.entries = entries;
        this.lost = lost;
        this.paidAmount = paidAmount;
    }

    /**
     * Traces every deal of the events (any order, deals mixed).
     *
     * @param events   deal events, e.g. from {@link org.pacekpi.api.store.PaceStore#dealHistories}
     * @param settings the stages and the host mapping
     */
    public static Trace trace(List<DealEvent> events, FunnelSettings settings) {
        TreeMap<String, List<DealEvent>> byDeal = new TreeMap<>();
        for (DealEvent event : events) {
            if (event.dealId() != null) {
                byDeal.computeIfAbsent(event.dealId(), id -> new ArrayList<>()).add(event);
            }
        }
        Set<String> ignored = new TreeSet<>();
        List<DealJourney> journeys = new ArrayList<>(byDeal.size());
        byDeal.forEach((dealId, history) -> journeys.add(of(dealId, history, settings, ignored)));
        return new Trace(journeys, ignored);
    }

    /** Traces one deal from its events (any order). */
    public static DealJourney of(String dealId, List<DealEvent> history, FunnelSettings settings) {
        return of(dealId, history, settings, new TreeSet<>());
    }

    private static DealJourney of(String dealId, List<DealEvent> history, FunnelSettings settings,
                                  Set<String> ignored) {
        List<DealEvent> sorted = new ArrayList<>(history);
        sorted.sort(CHRONOLOGICAL);
        int paid = settings.stages().size() - 1;
        Entry[] entries = new Entry[paid + 1];
        int reached = -1;
        Entry lost = null;
        DealEvent winning = null;
        Money latestAmount = null;
        for (DealEvent event : sorted) {
            Objects.requireNonNull(event.occurredAt(), () -> "deal event " + event.activityId() + " has no time");
            Optional<Money> amount = amount(event);
            if (amount.isPresent()) {
                latestAmount = amount.get();
            }
            int stage;
            if (WON.equals(event.kind())) {
                stage = paid;
            } else if (STAGE_CHANGED.equals(event.kind())) {
                Optional<Integer> mapped = settings.stageIndex(event.stage());
                if (mapped.isEmpty()) {
                    if (event.stage() != null) {
                        ignored.add(event.stage());
                    }
                    continue;
                }
                stage = mapped.get();
            } else {
                if (LOST.equals(event.kind()) && reached < paid) {
                    lost = new Entry(event.occurredAt(), event.managerId(), event.activityId());
                }
                continue;
            }
            // Any move after a loss means the host reopened the deal.
            lost = null;
            for (int i = reached + 1; i <= stage; i++) {
                entries[i] = new Entry(event.occurredAt(), event.managerId(), event.activityId());
            }
            if (stage > reached) {
                reached = stage;
                if (stage == paid) {
                    winning = event;
                }
            }
        }
        Money paidAmount = null;
        if (winning != null) {
            paidAmount = amount(winning).orElse(latestAmount);
        }
        return new DealJourney(dealId, entries, lost, paidAmount);
    }

    private static Optional<Money> amount(DealEvent event) {
        BigDecimal amount = event.amount();
        String currency = event.currency();
        if (amount == null || currency == null || currency.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Money(currency, amount));
    }

    /** The deal's id. */
    public String dealId() {
        return dealId;
    }

    /** How the deal first entered the stage (index into the configured stages); empty if it never did. */
    public Optional<Entry> entry(int stage) {
        return Optional.ofNullable(entries[stage]);
    }

    /** True if the deal entered the stage at some time. */
    public boolean reached(int stage) {
        return entries[stage] != null;
    }

    /** True if the deal was paid: it entered the last stage. */
    public boolean paid() {
        return entries[entries.length - 1] != null;
    }

    /** The loss that closed the deal; empty for a deal that is open or paid. */
    public Optional<Entry> lost() {
        return Optional.ofNullable(lost);
    }

    /** True for a deal neither paid nor lost. */
    public boolean open() {
        return !paid() && lost == null;
    }

    /** How the deal was closed: the entry into paid, or the loss; empty while open. */
    public Optional<Entry> closed() {
        return paid() ? Optional.of(entries[entries.length - 1]) : lost();
    }

    /** The amount of a paid deal: the win's, or the latest the deal carried; empty if unknown or not paid. */
    public Optional<Money> paidAmount() {
        return Optional.ofNullable(paidAmount);
    }

    @Override
    public String toString() {
        return "DealJourney[" + dealId + ", entries=" + java.util.Arrays.toString(entries) + ", lost=" + lost
                + ", paidAmount=" + paidAmount + "]";
    }
}
