package org.pacekpi.engine.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.pacekpi.engine.internal.funnel.FunnelSettings;

/**
 * The funnel, PID {@code org.pacekpi.funnel} ({@code etc/org.pacekpi.funnel.cfg}): Pace's deal stages, how the
 * host's stages map onto them, the activity KPIs in front, and how conversions are measured. Lists are
 * comma-separated.
 */
@ObjectClassDefinition(id = FunnelSettings.PID, name = "Pace funnel",
        description = "The deal stages Pace measures conversions between, how the host CRM's stages map onto them, "
                + "the activity KPIs in front of them, and how conversions are measured.")
public @interface FunnelConfig {

    /** Pace's stage ids in order; the last one is paid. */
    @AttributeDefinition(name = "Stages",
            description = "Pace's deal stages in funnel order, comma-separated; the last one is paid (a won deal "
                    + "enters it). Ids: a letter, then letters, digits, '_' or '-'.")
    String[] stages() default {"meeting", "intro", "presentation", "proposal", "paid"};

    /** The words sentences use for a stage or activity: {@code id=singular/plural}. */
    @AttributeDefinition(name = "Stage names", required = false,
            description = "Words for explanations, comma-separated id=singular/plural (e.g. demo=demo/demos; "
                    + "id=singular adds an s for the plural). The default stages and activities have their own; "
                    + "any other is called by its id.")
    String[] stageNames() default {};

    /** Host stage id to Pace stage id: {@code qualified=meeting}. */
    @AttributeDefinition(name = "Host stages", required = false,
            description = "How the host CRM's stage ids map onto Pace's stages, comma-separated "
                    + "hostStage=paceStage (e.g. qualified=meeting, demo=presentation). A host stage with the id "
                    + "of a Pace stage maps onto it unless mapped here; any other host stage is ignored.")
    String[] hostStages() default {};

    /** The activity KPIs in front of the stages, in order. */
    @AttributeDefinition(name = "Activities", required = false,
            description = "The activity KPIs in front of the stages, in order, comma-separated: touches, "
                    + "firstContacts, meetingsHeld, newContacts, callAttempts or touches:<channel>. Empty for none.")
    String[] activities() default {"touches", "firstContacts", "meetingsHeld"};

    /** The days measured by default. */
    @AttributeDefinition(name = "Window (days)", min = "1", max = "1096",
            description = "How many days back conversions and times are measured by default (1 to 1096).")
    int windowDays() default 180;

    /** The pseudo-count by which a manager's rates are shrunk toward the team's. */
    @AttributeDefinition(name = "Shrinkage weight", min = "0", max = "100000",
            description = "A manager's rate is (successes + k x team rate) / (sample + k): with few deals of "
                    + "their own, a manager's rate stays near the team's. 0 turns shrinkage off.")
    int shrinkageWeight() default 10;

    /** The age below which an open deal is too young to judge, when the team has no timing to go by. */
    @AttributeDefinition(name = "Too young fallback (days)", min = "0", max = "3650",
            description = "Cohort conversions leave out open deals younger than the team's 80th percentile of the "
                    + "time to the next stage; when the team has no such time yet, younger than this.")
    int tooYoungFallbackDays() default 30;
}
