package org.pacekpi.sandbox.internal.crm;

import java.time.Instant;

/**
 * A person the CRM knows: a client, or a colleague recorded as a contact ({@code internal}).
 *
 * @param id        stable id
 * @param ownerId   the user whose contact it is
 * @param accountId the client company, or null
 * @param name      display name
 * @param email     e-mail address (lower case), or null
 * @param phone     phone number as entered, or null
 * @param internal  true for a colleague
 * @param createdAt when it was created
 */
public record Contact(String id, String ownerId, String accountId, String name, String email, String phone,
                      boolean internal, Instant createdAt) {
}
