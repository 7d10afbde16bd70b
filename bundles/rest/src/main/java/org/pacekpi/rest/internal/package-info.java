/**
 * Pace's REST API under {@code /pace/api/v1}: an isolated Jakarta REST whiteboard application with its own JSON
 * provider and problem+json exception mapper, resources for the signed-in user, the managers they may see and their
 * KPIs, and the rules of who may see whom ({@link org.pacekpi.rest.internal.AccessPolicy}). Not exported.
 */
package org.pacekpi.rest.internal;
