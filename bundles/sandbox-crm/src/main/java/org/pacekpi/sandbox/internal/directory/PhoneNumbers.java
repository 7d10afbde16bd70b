package org.pacekpi.sandbox.internal.directory;

/**
 * Compares phone numbers as people type them: "+49 30 5550-1001", "0049 30 55501001" and "030 5550 1001" are the
 * same line. Without a numbering-plan library this is a heuristic: compare digits without the international
 * ({@code +}/{@code 00}) and national trunk ({@code 0}) prefixes, and accept a national number that is the tail of
 * an international one when it has at least {@value #MIN_SUFFIX_DIGITS} digits.
 */
public final class PhoneNumbers {

    /** Shortest national number matched as the tail of an international one (shorter ones are extensions). */
    static final int MIN_SUFFIX_DIGITS = 7;

    private PhoneNumbers() {
    }

    /** The significant digits of a number, or null if it has none. */
    public static String normalize(String phone) {
        if (phone == null) {
            return null;
        }
        String raw = phone.strip();
        StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (digits.length() == 0) {
            return null;
        }
        String result = digits.toString();
        if (raw.startsWith("+")) {
            return result;
        }
        if (result.startsWith("00")) {
            return result.substring(2);
        }
        if (result.startsWith("0") && result.length() > 1) {
            return result.substring(1);
        }
        return result;
    }

    /** True if both numbers are the same line (see the class comment). */
    public static boolean same(String a, String b) {
        return sameNormalized(normalize(a), normalize(b));
    }

    /** {@link #same} for numbers already {@link #normalize normalized}. */
    static boolean sameNormalized(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() < b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= MIN_SUFFIX_DIGITS && longer.endsWith(shorter);
    }
}
