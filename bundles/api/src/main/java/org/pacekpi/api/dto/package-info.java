/**
 * Data transfer objects of Pace's public services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pacekpi.api.dto;
