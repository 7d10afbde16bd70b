/**
 * The activity stream a host CRM publishes on EventAdmin, and the history service Pace pages through to backfill and catch up.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pacekpi.host.activity;
