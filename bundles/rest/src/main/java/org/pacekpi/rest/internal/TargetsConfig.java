package org.pacekpi.rest.internal;

/**
 * What the REST API reads of PID {@code org.pacekpi.targets} ({@code etc/org.pacekpi.targets.cfg}), the targets'
 * configuration, whose other attributes (and metatype) belong to the engine. Read by the goal and target resources;
 * a change restarts them.
 */
public @interface TargetsConfig {

    /** The configuration PID, shared with the engine. */
    String PID = "org.pacekpi.targets";

    /**
     * May heads of sales set, change and delete the goals and targets of the teams they head and of those teams'
     * managers? By default only CRM admins may.
     */
    boolean headsOfSalesWrite() default false;
}
