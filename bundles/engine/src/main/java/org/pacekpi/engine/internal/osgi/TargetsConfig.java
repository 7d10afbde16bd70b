package org.pacekpi.engine.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.pacekpi.engine.internal.targets.TargetSettings;

/**
 * Goals and targets, PID {@code org.pacekpi.targets} ({@code etc/org.pacekpi.targets.cfg}): the defaults a goal takes
 * for what it leaves out, and who besides admins may write goals and targets. A bad value fails the target service's
 * activation with a message naming the key.
 */
@ObjectClassDefinition(id = TargetSettings.PID, name = "Pace goals and targets",
        description = "Defaults for deriving targets from goals, and who may set goals and targets.")
public @interface TargetsConfig {

    /** How a period's weeks are counted for the per-week targets. */
    @AttributeDefinition(name = "Weeks rule",
            description = "working-calendar: a period has its working days over the working days of a normal week "
                    + "(21 working days of a Monday-to-Friday week are 4.2 weeks); four-weeks-a-month: 4 weeks a "
                    + "month, 12 a quarter.")
    String weeksRule() default "working-calendar";

    /** How conversions are measured when a goal does not say. */
    @AttributeDefinition(name = "Conversion method",
            description = "cohort: of the deals that entered a stage in the window, the share that reached the next; "
                    + "snapshot: entries into the next stage over entries into the stage, in the window.")
    String method() default "cohort";

    /** The measuring window, ending the day before the derivation. */
    @AttributeDefinition(name = "Measuring window (days)", min = "7", max = "1095",
            description = "How many days of history the conversions are measured over, 7 to 1095.")
    int windowDays() default 180;

    /**
     * Whether heads of sales may write the goals and targets of the teams they head (and of those teams' managers).
     * The engine does not read it: the REST layer authorises writes by it (admins always may).
     */
    @AttributeDefinition(name = "Heads of sales write",
            description = "Let heads of sales set goals and targets for the teams they head and their managers; "
                    + "admins always may.")
    boolean headsOfSalesWrite() default false;
}
