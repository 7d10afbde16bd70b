package org.pacekpi.engine.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The two counting rules that depend on other activities, both "the earliest wins" (by time, then by activity id, so
 * that the outcome never depends on the order activities arrive in):
 * <ul>
 * <li>duplicates: of the touch candidates with one duplicate key (same manager, contact, channel and window), only
 * the earliest counts as a touch; the others are {@code DUPLICATE};</li>
 * <li>first contacts: of all touch candidates with one contact, company-wide, the earliest is the contact's first
 * contact, credited to its manager.</li>
 * </ul>
 * The earliest candidate of a contact is also the earliest of its own duplicate group (the group is part of the
 * contact's candidates), so a first contact always counts as a touch too.
 */
public final class GroupRules {

    /** Earliest first: by time, ties by activity id. */
    public static final Comparator<Candidate> EARLIEST_FIRST =
            Comparator.comparing(Candidate::occurredAt).thenComparing(Candidate::id);

    /**
     * A touch candidate as the group rules see it.
     *
     * @param id           activity id
     * @param occurredAt   when it happened
     * @param duplicateKey its duplicate group, or null when duplicates do not collapse
     * @param contactKey   its contact
     */
    public record Candidate(String id, Instant occurredAt, String duplicateKey, String contactKey) {

        /** Id, time and contact required. */
        public Candidate {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(contactKey, "contactKey");
        }
    }

    /**
     * The group outcome of a set of candidates.
     *
     * @param countedTouches the ids of the candidates whose touch counts
     * @param firstContacts  the ids of the candidates that are their contact's first contact
     */
    public record Outcome(Set<String> countedTouches, Set<String> firstContacts) {
    }

    private GroupRules() {
    }

    /**
     * Decides the groups. The caller passes, for every group it asks about, at least the group's earliest member:
     * a group seen without it would elect the wrong one. Later members may be left out; they lose either way.
     */
    public static Outcome decide(Collection<Candidate> candidates) {
        Map<String, Candidate> earliestByDuplicateKey = new HashMap<>();
        Map<String, Candidate> earliestByContact = new HashMap<>();
        Set<String> counted = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (candidate.duplicateKey() == null) {
                counted.add(candidate.id());
            } else {
                earliestByDuplicateKey.merge(candidate.duplicateKey(), candidate, GroupRules::earlier);
            }
            earliestByContact.merge(candidate.contactKey(), candidate, GroupRules::earlier);
        }
        earliestByDuplicateKey.values().forEach(c -> counted.add(c.id()));
        Set<String> first = new HashSet<>();
        earliestByContact.values().forEach(c -> first.add(c.id()));
        return new Outcome(counted, first);
    }

    private static Candidate earlier(Candidate a, Candidate b) {
        return EARLIEST_FIRST.compare(a, b) <= 0 ? a : b;
    }
}
