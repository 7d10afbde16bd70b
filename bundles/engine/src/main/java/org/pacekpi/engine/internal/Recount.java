package org.pacekpi.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.LoggedActivity;

/**
 * Every counting state computed from scratch, in memory, from the whole log: what the incremental path
 * ({@link Recounter}) must always equal. A pure function, for verification (the property test compares the two);
 * the rebuild of a real store is the store's own recount ({@link Rebuilder}), so that memory does not grow
 * with the log.
 *
 * <p>The group rules are applied here by their plain definition, a walk over all candidates in time order (first
 * seen wins), not through {@link GroupRules}, so that the comparison checks that code too.
 */
public final class Recount {

    /**
     * One aggregate: a manager's metric on a local day.
     *
     * @param managerId the manager
     * @param metric    the metric
     * @param day       the manager's local day
     */
    public record AggregateKey(String managerId, String metric, LocalDate day) {
    }

    private Recount() {
    }

    /**
     * The counting state of every activity of the log.
     *
     * @param log      the log; if an activity appears more than once its highest sequence is used
     * @param settings the counting rules
     * @param zones    the actors' time zones
     * @return activity id to state, ordered by id
     */
    public static Map<String, CountingState> fromLog(List<LoggedActivity> log, CountingSettings settings,
                                                     ActorZones zones) {
        CountingRules rules = new CountingRules(settings, zones);
        Map<String, LoggedActivity> latest = new LinkedHashMap<>();
        log.forEach(a -> latest.merge(a.id(), a, (x, y) -> x.sequence() >= y.sequence() ? x : y));

        Map<String, IndividualDecision> decisions = new TreeMap<>();
        latest.values().forEach(a -> decisions.put(a.id(), rules.evaluate(a)));

        List<IndividualDecision> candidates = new ArrayList<>(decisions.values().stream()
                .filter(IndividualDecision::candidate).toList());
        candidates.sort(Comparator.comparing((IndividualDecision d) -> d.activity().occurredAt())
                .thenComparing(d -> d.activity().id()));
        Set<String> seenDuplicateKeys = new HashSet<>();
        Set<String> seenContacts = new HashSet<>();
        Set<String> counted = new HashSet<>();
        Set<String> first = new HashSet<>();
        for (IndividualDecision candidate : candidates) {
            String id = candidate.activity().id();
            if (candidate.duplicateKey() == null || seenDuplicateKeys.add(candidate.duplicateKey())) {
                counted.add(id);
            }
            if (seenContacts.add(candidate.contactKey())) {
                first.add(id);
            }
        }

        Map<String, CountingState> states = new TreeMap<>();
        decisions.forEach((id, decision) -> states.put(id,
                rules.state(decision, counted.contains(id), first.contains(id))));
        return states;
    }

    /** The daily aggregates the states add up to; sums of zero are left out, as a store leaves them out. */
    public static Map<AggregateKey, Long> aggregates(Collection<CountingState> states) {
        Map<AggregateKey, Long> sums = new TreeMap<>(Comparator.comparing(AggregateKey::managerId)
                .thenComparing(AggregateKey::metric).thenComparing(AggregateKey::day));
        for (CountingState state : states) {
            for (Contribution c : state.contributions()) {
                sums.merge(new AggregateKey(c.managerId(), c.metric(), c.day()), c.value(), Long::sum);
            }
        }
        sums.values().removeIf(v -> v == 0);
        return sums;
    }
}
