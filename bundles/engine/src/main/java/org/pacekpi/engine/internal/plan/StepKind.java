package org.pacekpi.engine.internal.plan;

/** Where a step of the funnel sits: the activities come first, then the deal stages, the last of which is paid. */
public enum StepKind {
    /** An activity KPI in front of the funnel: touches, first contacts, meetings held. */
    ACTIVITY,
    /** A deal stage: deals that entered it. */
    STAGE
}
