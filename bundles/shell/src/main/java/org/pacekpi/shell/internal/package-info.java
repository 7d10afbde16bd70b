/**
 * Pace's Karaf shell commands in scope {@code pace}: {@code pace:kpis}, {@code pace:why} and {@code pace:rebuild}.
 * They only read options, call Pace's services and print tables; Karaf's shell extender finds them through the
 * bundle's {@code Karaf-Commands} header. Not exported.
 */
package org.pacekpi.shell.internal;
