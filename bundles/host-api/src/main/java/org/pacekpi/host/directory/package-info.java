/**
 * The host's directory: users, teams, roles, time zones and working calendars, and the check whether a contact is a colleague.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pacekpi.host.directory;
