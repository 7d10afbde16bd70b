package org.pacekpi.store.jdbc.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.pacekpi.api.store.ActivityJudge;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.Judgement;
import org.pacekpi.api.store.LoggedActivity;

/**
 * Counting rules of the tests' own for {@link org.pacekpi.api.store.PaceStore#recountAll}, simple enough to check by
 * hand: every activity adds {@code callAttempts} on its UTC day; one whose first counterpart is a contact that is not
 * internal is a touch candidate of contact key {@code c:<contact>}, adding {@code touches} when its touch counts and
 * {@code firstContacts} when it is a first contact; with collapsing, its duplicate key is actor, contact and day. A
 * counterpart named internal makes it a {@code COLLEAGUE} exclusion instead. Deleted activities count for nothing.
 */
final class CallJudge implements ActivityJudge {

    static final String CALL_ATTEMPTS = "callAttempts";
    static final String TOUCHES = "touches";
    static final String FIRST_CONTACTS = "firstContacts";

    private final Set<String> internalContacts;
    private final boolean collapse;

    /**
     * @param collapse         true to give candidates a duplicate key (one touch per actor, contact and day)
     * @param internalContacts contacts that are colleagues
     */
    CallJudge(boolean collapse, String... internalContacts) {
        this.collapse = collapse;
        this.internalContacts = Set.of(internalContacts);
    }

    @Override
    public Judgement judge(LoggedActivity activity) {
        LocalDate day = LocalDate.ofInstant(activity.occurredAt(), ZoneOffset.UTC);
        if (activity.deleted()) {
            return Judgement.alone(CountingState.none(day));
        }
        String actor = activity.actorId();
        List<Contribution> base = List.of(new Contribution(actor, CALL_ATTEMPTS, day, 1));
        String contact = activity.counterparts().isEmpty() ? null : activity.counterparts().get(0).contactId();
        if (contact == null || internalContacts.contains(contact)) {
            return Judgement.alone(new CountingState(day, "COLLEAGUE", null, null, base));
        }
        String contactKey = "c:" + contact;
        return new Judgement(new CountingState(day, null, collapse ? actor + "|" + contactKey + "|" + day : null,
                contactKey, base), List.of(new Contribution(actor, TOUCHES, day, 1)),
                List.of(new Contribution(actor, FIRST_CONTACTS, day, 1)), "DUPLICATE");
    }

    /**
     * What a recount must give, by the plain definition: the candidates in time order, ties by id in Java's order, the
     * first of each contact key and of each duplicate key wins.
     *
     * @return activity id to state, ordered by id
     */
    Map<String, CountingState> expected(List<LoggedActivity> log) {
        List<LoggedActivity> candidates = new ArrayList<>(log.stream().filter(a -> judge(a).candidate()).toList());
        candidates.sort(Comparator.comparing(LoggedActivity::occurredAt).thenComparing(LoggedActivity::id));
        Set<String> counted = new HashSet<>();
        Set<String> first = new HashSet<>();
        Set<String> duplicateKeys = new HashSet<>();
        Set<String> contactKeys = new HashSet<>();
        for (LoggedActivity candidate : candidates) {
            CountingState own = judge(candidate).own();
            if (own.duplicateKey() == null || duplicateKeys.add(own.duplicateKey())) {
                counted.add(candidate.id());
            }
            if (contactKeys.add(own.contactKey())) {
                first.add(candidate.id());
            }
        }
        Map<String, CountingState> states = new TreeMap<>();
        for (LoggedActivity activity : log) {
            String id = activity.id();
            states.put(id, judge(activity).state(counted.contains(id), first.contains(id)));
        }
        return states;
    }
}
