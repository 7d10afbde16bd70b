package org.pacekpi.engine.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;

/**
 * Who an activity was with: which counterparts identify somebody, which are colleagues, and the key that names the
 * contact across the company (for duplicates and first contacts).
 *
 * <p>A counterpart is a colleague when the host's directory said so at ingest (frozen into
 * {@link LoggedCounterpart#internal()}, so that a colleague who later leaves does not make old calls count), or when
 * its e-mail domain or phone number is on the company lists of the counting configuration.
 */
public final class CounterpartRule {

    private final CountingSettings settings;

    /** @param settings the company domains and phones */
    public CounterpartRule(CountingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A contact id, an e-mail or a phone number with digits identifies somebody; a name alone does not. */
    public static boolean identifiable(LoggedCounterpart counterpart) {
        return present(counterpart.contactId()) || present(counterpart.email())
                || !CountingSettings.digits(counterpart.phone()).isEmpty();
    }

    /** The identifiable counterparts, in the host's order. */
    public static List<LoggedCounterpart> identifiable(LoggedActivity activity) {
        return activity.counterparts().stream().filter(CounterpartRule::identifiable).toList();
    }

    /** The primary counterpart: the first identifiable one (the callee, the recipient). */
    public static Optional<LoggedCounterpart> primary(LoggedActivity activity) {
        return activity.counterparts().stream().filter(CounterpartRule::identifiable).findFirst();
    }

    /** True if the counterpart is a colleague: by the directory, the company domains or the company phones. */
    public boolean internal(LoggedCounterpart counterpart) {
        if (counterpart.internal()) {
            return true;
        }
        String email = counterpart.email();
        if (present(email) && !settings.companyDomains().isEmpty()) {
            int at = email.lastIndexOf('@');
            String domain = email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
            for (String company : settings.companyDomains()) {
                if (domain.equals(company) || domain.endsWith("." + company)) {
                    return true;
                }
            }
        }
        String phone = CountingSettings.digits(counterpart.phone());
        return !phone.isEmpty() && settings.companyPhones().contains(phone);
    }

    /** True if the counterpart identifies somebody outside the company. */
    public boolean external(LoggedCounterpart counterpart) {
        return identifiable(counterpart) && !internal(counterpart);
    }

    /** The first external counterpart, e.g. the client among a meeting's attendees. */
    public Optional<LoggedCounterpart> firstExternal(LoggedActivity activity) {
        return activity.counterparts().stream().filter(this::external).findFirst();
    }

    /**
     * The key naming the contact: its contact id, else its e-mail in lower case, else the digits of its phone; prefixed
     * with the kind of identifier so that the three can never collide.
     */
    public static String contactKey(LoggedCounterpart counterpart) {
        if (present(counterpart.contactId())) {
            return "c:" + counterpart.contactId().trim();
        }
        if (present(counterpart.email())) {
            return "e:" + counterpart.email().trim().toLowerCase(Locale.ROOT);
        }
        return "p:" + CountingSettings.digits(counterpart.phone());
    }

    /** How to name the counterpart to a person: contact id, else e-mail, else phone as the host gave them. */
    public static String describe(LoggedCounterpart counterpart) {
        if (present(counterpart.contactId())) {
            return counterpart.contactId().trim();
        }
        if (present(counterpart.email())) {
            return counterpart.email().trim();
        }
        return counterpart.phone() == null ? "" : counterpart.phone().trim();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
