/**
 * Who makes an HTTP request: the host authenticates, Pace authorises.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pacekpi.host.identity;
