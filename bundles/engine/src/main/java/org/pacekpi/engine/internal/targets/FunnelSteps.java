package org.pacekpi.engine.internal.targets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacekpi.api.Metrics;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.engine.internal.plan.FunnelStep;
import org.pacekpi.engine.internal.plan.StepKind;

/**
 * The configured funnel (the funnel service's {@link FunnelStage}s) as the plan's {@link FunnelStep}s, and the KPI
 * metric each step's target is tracked on: an activity's own id ({@code touches}), {@code stage:<id>} for a stage,
 * {@code dealsWon} for paid, the last stage (deals won, not deals that entered a "paid" stage, are what the goal
 * counts).
 */
public final class FunnelSteps {

    private static final Map<String, FunnelStep> KNOWN_WORDS = new LinkedHashMap<>();

    static {
        for (FunnelStep step : List.of(FunnelStep.TOUCHES, FunnelStep.FIRST_CONTACTS, FunnelStep.MEETINGS_HELD)) {
            KNOWN_WORDS.put(step.id(), step);
        }
        FunnelStep.DEFAULT_STAGES.forEach(step -> KNOWN_WORDS.put(step.id(), step));
    }

    private FunnelSteps() {
    }

    /**
     * The plan's steps for the configured stages, in their order.
     *
     * @throws IllegalStateException naming the step if a stage's kind is neither {@code activity} nor {@code stage}
     */
    public static List<FunnelStep> of(List<FunnelStage> stages) {
        List<FunnelStep> steps = new ArrayList<>(stages.size());
        for (FunnelStage stage : stages) {
            steps.add(step(stage));
        }
        return steps;
    }

    /**
     * One step, with the words sentences use for it: the built-in words of a known id whose label is the id or the
     * built-in word ("paid" reads "paid deal"), else the label and its plural.
     */
    static FunnelStep step(FunnelStage stage) {
        StepKind kind;
        if ("activity".equalsIgnoreCase(stage.kind())) {
            kind = StepKind.ACTIVITY;
        } else if ("stage".equalsIgnoreCase(stage.kind())) {
            kind = StepKind.STAGE;
        } else {
            throw new IllegalStateException("the funnel's step '" + stage.id() + "' is of kind '" + stage.kind()
                    + "', neither activity nor stage");
        }
        FunnelStep known = KNOWN_WORDS.get(stage.id());
        String label = stage.label() == null || stage.label().isBlank() ? stage.id() : stage.label().trim();
        if (known != null && known.kind() == kind
                && (label.equalsIgnoreCase(stage.id()) || label.equalsIgnoreCase(known.singular()))) {
            return known;
        }
        return new FunnelStep(stage.id(), kind, label, plural(label));
    }

    /** English plurals of the usual stage names: proposal, proposals; demo, demos; pitch, pitches; reply, replies. */
    static String plural(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch")
                || lower.endsWith("sh")) {
            return word + "es";
        }
        if (lower.length() > 1 && lower.endsWith("y") && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }

    /** The metric a step's target is tracked on; {@code last} for the funnel's last step (paid). */
    public static String metric(FunnelStep step, boolean last) {
        if (step.kind() == StepKind.ACTIVITY) {
            return step.id();
        }
        return last ? Metrics.DEALS_WON : Metrics.stage(step.id());
    }
}
