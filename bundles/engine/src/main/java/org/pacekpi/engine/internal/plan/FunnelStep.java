package org.pacekpi.engine.internal.plan;

import java.util.List;

import org.pacekpi.api.Metrics;

/**
 * One step of the funnel a plan is derived through: an activity KPI or a deal stage, with the words a sentence
 * uses for it.
 *
 * @param id       the step's id: the metric id of an activity ({@code touches}), the stage id of a stage
 *                 ({@code proposal}, {@code paid})
 * @param kind     activity or stage
 * @param singular the name of one, e.g. {@code proposal}, {@code paid deal}
 * @param plural   the name of several, e.g. {@code proposals}, {@code paid deals}
 */
public record FunnelStep(String id, StepKind kind, String singular, String plural) {

    /** Touches with clients, in front of the funnel. */
    public static final FunnelStep TOUCHES = activity(Metrics.TOUCHES, "touch", "touches");
    /** First contacts, in front of the funnel. */
    public static final FunnelStep FIRST_CONTACTS = activity(Metrics.FIRST_CONTACTS, "first contact", "first contacts");
    /** Meetings held, in front of the funnel. */
    public static final FunnelStep MEETINGS_HELD = activity(Metrics.MEETINGS_HELD, "meeting held", "meetings held");

    /** The default stages: meeting, intro, presentation, proposal, paid. */
    public static final List<FunnelStep> DEFAULT_STAGES = List.of(
            stage("meeting", "meeting", "meetings"),
            stage("intro", "intro", "intros"),
            stage("presentation", "presentation", "presentations"),
            stage("proposal", "proposal", "proposals"),
            stage("paid", "paid deal", "paid deals"));

    /** Checks that every field is given. */
    public FunnelStep {
        requireText("id", id);
        if (kind == null) {
            throw new PlanValidationException("kind", "is required (activity or stage) for step '" + id + "'");
        }
        requireText("singular", singular);
        requireText("plural", plural);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new PlanValidationException(field, "is required");
        }
    }

    /** An activity KPI. */
    public static FunnelStep activity(String id, String singular, String plural) {
        return new FunnelStep(id, StepKind.ACTIVITY, singular, plural);
    }

    /** A deal stage. */
    public static FunnelStep stage(String id, String singular, String plural) {
        return new FunnelStep(id, StepKind.STAGE, singular, plural);
    }

    /** {@code 1 proposal}, {@code 9 proposals}, {@code 2.25 proposals}. */
    String count(String number) {
        return number + " " + ("1".equals(number) ? singular : plural);
    }
}
