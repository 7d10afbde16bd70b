/**
 * The dashboard-widget whiteboard: bundles register widgets, the host's dashboard renders them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pacekpi.host.dashboard;
