package org.pacekpi.sandbox.internal.rest;

/**
 * The body of {@code PUT /crm/api/deals/{id}/stage}.
 *
 * @param stage meeting, intro, presentation, proposal, paid (or won), or lost
 */
public record StageRequest(String stage) {
}
