/**
 * Pace's REST API under {@code /pace/api/v1}: an isolated Jakarta REST whiteboard application with its own JSON
 * provider and problem+json exception mapper; resources for the signed-in user ({@code /me}), the managers they may
 * see with their KPIs (and pacing), series and excluded activities ({@code /managers}), the teams they may see with
 * their KPIs ({@code /teams}), the funnel and its conversions ({@code /funnel}), goals ({@code /goals}) and targets
 * ({@code /targets}) with ETag/If-Match versioning, the ingest status and the rebuild for admins ({@code /status},
 * {@code /admin/rebuild}), and the OpenAPI document ({@code /openapi.json}); and the rules of who may see and change
 * whose numbers ({@link org.pacekpi.rest.internal.AccessPolicy}). Not exported.
 */
package org.pacekpi.rest.internal;
