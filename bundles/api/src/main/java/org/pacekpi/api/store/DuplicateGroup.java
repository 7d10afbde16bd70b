package org.pacekpi.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A duplicate group as a lookup names it: its key, the contact every member touched, and a span of time that holds
 * every member. The span lets a store find the members through its contact index instead of keeping an index of its
 * own on duplicate keys; it may be wider than the group's window, never narrower.
 *
 * @param duplicateKey the {@link CountingState#duplicateKey()} of the members
 * @param contactKey   the {@link CountingState#contactKey()} of the members
 * @param from         no member occurred before this instant
 * @param until        every member occurred before this instant
 */
public record DuplicateGroup(String duplicateKey, String contactKey, Instant from, Instant until) {

    /** All fields required, and a span that is not empty. */
    public DuplicateGroup {
        Objects.requireNonNull(duplicateKey, "duplicateKey");
        Objects.requireNonNull(contactKey, "contactKey");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("duplicate group " + duplicateKey + ": from " + from
                    + " must be before until " + until);
        }
    }
}
