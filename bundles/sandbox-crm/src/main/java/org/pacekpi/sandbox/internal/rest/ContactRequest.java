package org.pacekpi.sandbox.internal.rest;

/**
 * The body of {@code POST /crm/api/contacts}.
 *
 * @param name        display name (required)
 * @param email       e-mail address
 * @param phone       phone number
 * @param accountId   an existing account
 * @param accountName the name of a new account to create for the contact (instead of accountId)
 * @param internal    true for a colleague (default: true if the e-mail is on a company domain)
 * @param ownerId     whose contact it is (default: the signed-in user; only an admin may name someone else)
 */
public record ContactRequest(String name, String email, String phone, String accountId, String accountName,
                             Boolean internal, String ownerId) {
}
