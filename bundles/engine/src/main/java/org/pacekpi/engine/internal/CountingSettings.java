package org.pacekpi.engine.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The counting rules an admin can change (PID {@code org.pacekpi.counting}), checked once so that a wrong value fails
 * at activation with a message naming the property.
 *
 * @param minCallSeconds      a connected call shorter than this is an attempt, not a touch (0: no minimum)
 * @param duplicateWindowDays touches with one contact on one channel by one manager count once per window of this
 *                            many of the manager's local days (fixed buckets of the local epoch day); 0 turns
 *                            collapsing off
 * @param countAutomated      true to count activities created by automation like a person's
 * @param companyDomains      e-mail domains of the company beside what the host's directory knows, lower case;
 *                            an address in one of them or in a subdomain is a colleague's
 * @param companyPhones       phone numbers of the company beside the directory's, as digits only
 */
public record CountingSettings(int minCallSeconds, int duplicateWindowDays, boolean countAutomated,
                               Set<String> companyDomains, Set<String> companyPhones) {

    /** The configuration PID; named in error messages. */
    public static final String PID = "org.pacekpi.counting";

    /** The documented defaults: 30 s calls, one touch per contact, channel and day, automation not counted. */
    public static final CountingSettings DEFAULTS = new CountingSettings(30, 1, false, Set.of(), Set.of());

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    /** Checks the values and copies the sets. */
    public CountingSettings {
        if (minCallSeconds < 0) {
            throw new IllegalArgumentException(PID + ": minCallSeconds must be 0 or more, was " + minCallSeconds);
        }
        if (duplicateWindowDays < 0) {
            throw new IllegalArgumentException(
                    PID + ": duplicateWindowDays must be 0 (no collapsing) or more, was " + duplicateWindowDays);
        }
        companyDomains = Set.copyOf(Objects.requireNonNull(companyDomains, PID + ": companyDomains"));
        companyPhones = Set.copyOf(Objects.requireNonNull(companyPhones, PID + ": companyPhones"));
    }

    /**
     * Settings from configured values. Domains and phones are comma-separated lists; each array element may itself be
     * such a list, so that both {@code companyDomains = a.example, b.example} in a {@code .cfg} file and a real
     * multi-value property work.
     *
     * @throws IllegalArgumentException naming the property that is wrong
     */
    public static CountingSettings of(int minCallSeconds, int duplicateWindowDays, boolean countAutomated,
                                      String[] companyDomains, String[] companyPhones) {
        Set<String> domains = new LinkedHashSet<>();
        for (String token : tokens(companyDomains)) {
            String domain = token.toLowerCase(Locale.ROOT);
            domain = domain.startsWith("@") ? domain.substring(1) : domain;
            if (!DOMAIN.matcher(domain).matches()) {
                throw new IllegalArgumentException(PID + ": companyDomains: '" + token
                        + "' is not an e-mail domain such as ourcompany.example");
            }
            domains.add(domain);
        }
        Set<String> phones = new LinkedHashSet<>();
        for (String token : tokens(companyPhones)) {
            String digits = digits(token);
            if (digits.isEmpty()) {
                throw new IllegalArgumentException(PID + ": companyPhones: '" + token + "' has no digits");
            }
            phones.add(digits);
        }
        return new CountingSettings(minCallSeconds, duplicateWindowDays, countAutomated, domains, phones);
    }

    /** True if touches are collapsed at all. */
    public boolean collapsesDuplicates() {
        return duplicateWindowDays > 0;
    }

    /** The digits of a phone number, the form phones are compared in ("+7 (495) 123-45-67" is "74951234567"). */
    public static String digits(String phone) {
        if (phone == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    private static String[] tokens(String[] values) {
        if (values == null) {
            return new String[0];
        }
        return Arrays.stream(values).filter(Objects::nonNull).flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(t -> !t.isEmpty()).toArray(String[]::new);
    }
}
