/**
 * Pace's Karaf shell commands in scope {@code pace}: {@code pace:kpis}, {@code pace:why} and {@code pace:rebuild};
 * and for goals and targets {@code pace:derive} (a preview), {@code pace:goal} and {@code pace:targets}, whose
 * changes the audit history credits to {@code karaf:<user>}. They only read options, call Pace's services and print
 * tables; Karaf's shell extender finds them through the bundle's {@code Karaf-Commands} header. Not exported.
 */
package org.pacekpi.shell.internal;
