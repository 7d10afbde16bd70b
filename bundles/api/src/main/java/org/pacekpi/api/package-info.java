/**
 * Pace's public services: KPIs per manager and period, and the ingest status.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pacekpi.api;
