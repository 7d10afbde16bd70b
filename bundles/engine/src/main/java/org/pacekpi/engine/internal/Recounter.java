package org.pacekpi.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.DuplicateGroup;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.PaceStore;

/**
 * Keeps every activity's counting state equal to what a recomputation from the whole log would give, by recounting
 * only what a batch of changes can affect. Read, decide, write:
 * <ol>
 * <li>collapse the batch to the newest change per activity, read the stored versions, and skip every change that
 * is not newer than the stored one (a replay, or a change that arrived after a newer one);</li>
 * <li>judge each remaining activity on its own ({@link CountingRules#evaluate});</li>
 * <li>collect the groups it leaves and joins: the duplicate and contact keys of its stored state and of its new
 * one;</li>
 * <li>read the earliest other members of those groups, and decide the groups again ({@link GroupRules});</li>
 * <li>write, in one store transaction, every changed activity and every member whose state changed (a touch that
 * now counts or no longer does, a first contact that moved).</li>
 * </ol>
 * Why that is exact: an activity's state depends only on the activity and on the candidates with the same contact
 * (its duplicate group is part of its contact's candidates: the duplicate key contains the contact key). A batch
 * changes the candidates of exactly the contacts named in step 3, and those are decided again; every other
 * contact's candidates are unchanged, so their states are too. Both group rules elect the earliest member, so of a
 * group's stored members only the earliest one not being recounted can change (it may win or lose); the later ones
 * lost before and still lose, and they are not read at all, which keeps a batch's cost independent of how much
 * history a contact has. A member that is not in the batch keeps what it decided on its own as stored
 * ({@link CountingRules#regroup}); only its group outcome is new.
 *
 * <p>Not thread-safe: it is called by the single ingest writer.
 */
public final class Recounter {

    /**
     * What one batch did.
     *
     * @param applied changes newer than the stored version, now stored
     * @param skipped changes not newer than the stored version (or superseded in the same batch)
     * @param written activities written, the applied ones and the group members whose state changed
     */
    public record Result(int applied, int skipped, int written) {
    }

    private final PaceStore store;
    private final CountingRules rules;

    /**
     * @param store where the log and the states are
     * @param rules the counting rules
     */
    public Recounter(PaceStore store, CountingRules rules) {
        this.store = Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The counting rules used. */
    public CountingRules rules() {
        return rules;
    }

    /**
     * Applies a batch of host changes in one store transaction.
     *
     * @param changes       the changes, in any order, possibly several of one activity
     * @param historyCursor the history sequence up to which the caller has now applied the host's history, or 0 for
     *                      live changes; the cursor moves even when every change is skipped
     */
    public Result apply(List<LoggedActivity> changes, long historyCursor) {
        Map<String, LoggedActivity> newest = new LinkedHashMap<>();
        for (LoggedActivity change : changes) {
            newest.merge(change.id(), change, (a, b) -> a.sequence() >= b.sequence() ? a : b);
        }
        Map<String, CountedActivity> stored = newest.isEmpty() ? Map.of() : store.activities(newest.keySet());
        List<LoggedActivity> accepted = new ArrayList<>(newest.size());
        for (LoggedActivity change : newest.values()) {
            CountedActivity current = stored.get(change.id());
            if (current == null || current.activity().sequence() < change.sequence()) {
                accepted.add(change);
            }
        }
        int skipped = changes.size() - accepted.size();
        if (accepted.isEmpty()) {
            if (historyCursor > 0) {
                store.write(List.of(), historyCursor);
            }
            return new Result(0, skipped, 0);
        }
        List<CountedActivity> writes = recount(accepted, stored);
        store.write(writes, historyCursor);
        return new Result(accepted.size(), skipped, writes.size());
    }

    private List<CountedActivity> recount(Collection<LoggedActivity> changed, Map<String, CountedActivity> previous) {
        Map<String, IndividualDecision> decisions = new LinkedHashMap<>();
        Set<String> contactKeys = new HashSet<>();
        Map<String, DuplicateGroup> duplicateGroups = new HashMap<>();
        // How many of each group's stored members are being recounted: their stored versions do not count.
        Map<String, Integer> recountedPerGroup = new HashMap<>();
        for (LoggedActivity activity : changed) {
            IndividualDecision decision = rules.evaluate(activity);
            decisions.put(activity.id(), decision);
            addGroups(decision.contactKey(), decision.duplicateKey(), decision.localDay(), contactKeys,
                    duplicateGroups);
            CountedActivity before = previous.get(activity.id());
            if (before != null) {
                CountingState state = before.state();
                addGroups(state.contactKey(), state.duplicateKey(), state.localDay(), contactKeys, duplicateGroups);
                if (state.contactKey() != null) {
                    recountedPerGroup.merge("c" + state.contactKey(), 1, Integer::sum);
                }
                if (state.duplicateKey() != null) {
                    recountedPerGroup.merge("d" + state.duplicateKey(), 1, Integer::sum);
                }
            }
        }
        int perGroup = 1 + recountedPerGroup.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<String, CountedActivity> members = readMembers(decisions.keySet(), contactKeys, duplicateGroups.values(),
                perGroup);

        List<GroupRules.Candidate> candidates = new ArrayList<>(decisions.size() + members.size());
        decisions.values().stream().filter(IndividualDecision::candidate).forEach(d -> candidates.add(
                new GroupRules.Candidate(d.activity().id(), d.activity().occurredAt(), d.duplicateKey(),
                        d.contactKey())));
        members.values().forEach(m -> candidates.add(new GroupRules.Candidate(m.activity().id(),
                m.activity().occurredAt(), m.state().duplicateKey(), m.state().contactKey())));
        GroupRules.Outcome outcome = GroupRules.decide(candidates);

        List<CountedActivity> writes = new ArrayList<>(decisions.size());
        for (IndividualDecision decision : decisions.values()) {
            String id = decision.activity().id();
            writes.add(new CountedActivity(decision.activity(), rules.state(decision,
                    outcome.countedTouches().contains(id), outcome.firstContacts().contains(id))));
        }
        for (CountedActivity member : members.values()) {
            String id = member.activity().id();
            CountingState state = rules.regroup(member, outcome.countedTouches().contains(id),
                    outcome.firstContacts().contains(id));
            if (!state.sameAs(member.state())) {
                writes.add(new CountedActivity(member.activity(), state));
            }
        }
        return writes;
    }

    /**
     * The earliest stored candidates of the given groups, except the activities being recounted (their stored
     * versions are superseded). Both group rules elect a group's earliest member, so a member that is not the earliest
     * of its groups once the recounted ones are set aside cannot change: it is neither read nor rewritten. If a member
     * names a contact whose group was not asked for (possible only if a duplicate key was made by other means than
     * {@link CountingRules}), that contact's earliest are read too, so that no contact is decided without them.
     *
     * @param perGroup how many to read per group: one more than the most members of one group being recounted
     */
    private Map<String, CountedActivity> readMembers(Set<String> recounted, Set<String> contactKeys,
                                                     Collection<DuplicateGroup> duplicateGroups, int perGroup) {
        Map<String, CountedActivity> members = new LinkedHashMap<>();
        Set<String> asked = new HashSet<>(contactKeys);
        Collection<String> contacts = contactKeys;
        Collection<DuplicateGroup> groups = duplicateGroups;
        while (!contacts.isEmpty() || !groups.isEmpty()) {
            Set<String> missing = new HashSet<>();
            for (CountedActivity member : store.earliestCandidates(contacts, groups, perGroup)) {
                String contactKey = member.state().contactKey();
                if (member.activity().deleted() || contactKey == null || recounted.contains(member.activity().id())) {
                    continue;
                }
                members.put(member.activity().id(), member);
                if (asked.add(contactKey)) {
                    missing.add(contactKey);
                }
            }
            contacts = missing;
            groups = List.of();
        }
        return members;
    }

    private void addGroups(String contactKey, String duplicateKey, LocalDate localDay, Set<String> contactKeys,
                           Map<String, DuplicateGroup> duplicateGroups) {
        if (contactKey != null) {
            contactKeys.add(contactKey);
        }
        if (duplicateKey != null) {
            duplicateGroups.computeIfAbsent(duplicateKey,
                    key -> rules.duplicateGroup(key, contactKey, localDay));
        }
    }
}
