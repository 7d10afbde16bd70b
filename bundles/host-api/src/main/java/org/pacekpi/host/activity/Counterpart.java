package org.pacekpi.host.activity;

/**
 * Who the manager interacted with: the callee, the recipient, an attendee. Any field may be null when the host does
 * not know it, but an interaction should name at least one of them. In Activity Streams 2.0 terms, the
 * counterpart is the activity's {@code object} (for a call or an e-mail) or one of its {@code to}/attendees.
 *
 * @param contactId the host's contact id, or null
 * @param accountId the host's account (client company) id, or null
 * @param email the e-mail address used, or null
 * @param phone the phone number used, or null
 * @param name a display name, or null
 */
public record Counterpart(String contactId, String accountId, String email, String phone, String name) {

    /** A counterpart known by contact id only. */
    public static Counterpart contact(String contactId) {
        return new Counterpart(contactId, null, null, null, null);
    }

    /** True when not a single identifying field is set. */
    public boolean isAnonymous() {
        return blank(contactId) && blank(email) && blank(phone);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
