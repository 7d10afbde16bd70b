/**
 * The persistence SPI: the activity log, the aggregates and the history cursor. The engine writes through it; a
 * store bundle (store-jdbc) implements it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.2.0")
package org.pacekpi.api.store;
