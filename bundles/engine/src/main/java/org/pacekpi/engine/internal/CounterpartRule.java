package org.pacekpi.engine.internal;

import java.util.ArrayList;
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
    /** The company domains, and each with a dot before it (its subdomains' ending), made once. */
    private final String[] companyDomains;
    private final String[] companySubdomainEndings;

    /** @param settings the company domains and phones */
    public CounterpartRule(CountingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.companyDomains = settings.companyDomains().toArray(String[]::new);
        this.companySubdomainEndings = new String[companyDomains.length];
        for (int i = 0; i < companyDomains.length; i++) {
            companySubdomainEndings[i] = "." + companyDomains[i];
        }
    }

    /** A contact id, an e-mail or a phone number with digits identifies somebody; a name alone does not. */
    public static boolean identifiable(LoggedCounterpart counterpart) {
        return present(counterpart.contactId()) || present(counterpart.email()) || hasDigit(counterpart.phone());
    }

    /** The identifiable counterparts, in the host's order. */
    public static List<LoggedCounterpart> identifiable(LoggedActivity activity) {
        List<LoggedCounterpart> identifiable = new ArrayList<>(activity.counterparts().size());
        for (LoggedCounterpart counterpart : activity.counterparts()) {
            if (identifiable(counterpart)) {
                identifiable.add(counterpart);
            }
        }
        return identifiable;
    }

    /** The primary counterpart: the first identifiable one (the callee, the recipient). */
    public static Optional<LoggedCounterpart> primary(LoggedActivity activity) {
        return Optional.ofNullable(primaryOrNull(activity));
    }

    /**
     * The primary counterpart ({@link #primary}), or null if there is none. Loops rather than streams here and below:
     * the rules ask about every activity of the log on a rebuild.
     */
    static LoggedCounterpart primaryOrNull(LoggedActivity activity) {
        for (LoggedCounterpart counterpart : activity.counterparts()) {
            if (identifiable(counterpart)) {
                return counterpart;
            }
        }
        return null;
    }

    /** True if the counterpart is a colleague: by the directory, the company domains or the company phones. */
    public boolean internal(LoggedCounterpart counterpart) {
        if (counterpart.internal()) {
            return true;
        }
        String email = counterpart.email();
        if (companyDomains.length > 0 && present(email)) {
            int at = email.lastIndexOf('@');
            String domain = email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
            for (int i = 0; i < companyDomains.length; i++) {
                if (domain.equals(companyDomains[i]) || domain.endsWith(companySubdomainEndings[i])) {
                    return true;
                }
            }
        }
        if (settings.companyPhones().isEmpty()) {
            return false;
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
        return Optional.ofNullable(firstExternalOrNull(activity));
    }

    /** The first external counterpart ({@link #firstExternal}), or null if there is none. */
    LoggedCounterpart firstExternalOrNull(LoggedActivity activity) {
        for (LoggedCounterpart counterpart : activity.counterparts()) {
            if (external(counterpart)) {
                return counterpart;
            }
        }
        return null;
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

    /** True if the phone has a digit: {@link CountingSettings#digits} of it would not be empty. */
    private static boolean hasDigit(String phone) {
        if (phone != null) {
            for (int i = 0; i < phone.length(); i++) {
                char c = phone.charAt(i);
                if (c >= '0' && c <= '9') {
                    return true;
                }
            }
        }
        return false;
    }
}
