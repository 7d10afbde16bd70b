package org.pacekpi.sandbox.internal.crm;

import java.time.Instant;

/**
 * A client company.
 *
 * @param id        stable id
 * @param name      company name
 * @param webDomain the company's web and e-mail domain, or null
 * @param ownerId   the user responsible for it
 * @param createdAt when it was created
 */
public record Account(String id, String name, String webDomain, String ownerId, Instant createdAt) {
}
