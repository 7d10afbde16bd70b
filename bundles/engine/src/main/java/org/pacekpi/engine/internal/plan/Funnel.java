package org.pacekpi.engine.internal.plan;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The chain a goal is derived backwards through: the ordered steps (activities first, then the deal stages, the
 * last stage being paid), the conversion from each step to the next, and the measured median time from a step to
 * paid where known.
 *
 * @param steps            the steps in funnel order, at least one; ids unique; activities before stages; the last
 *                         one a stage (paid)
 * @param conversions      exactly one conversion for each pair of adjacent steps, in any order
 * @param medianTimeToPaid by step id, the median time from entering the step to paid, zero to
 *                         {@link #MAX_TIME_TO_PAID}; steps without one get no "needed by" date, except paid (zero);
 *                         null for none
 */
public record Funnel(List<FunnelStep> steps, List<Conversion> conversions, Map<String, Duration> medianTimeToPaid) {

    /** The longest median time to paid a funnel accepts: ten years is a typo, not a sales cycle. */
    public static final Duration MAX_TIME_TO_PAID = Duration.ofDays(3650);

    /** Checks the chain; the message names the field by its path, e.g. {@code conversions[2].from}. */
    public Funnel {
        if (steps == null || steps.isEmpty()) {
            throw new PlanValidationException("steps", "the funnel is empty; it needs at least the paid stage");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            FunnelStep step = steps.get(i);
            if (step == null) {
                throw new PlanValidationException("steps[" + i + "]", "is missing");
            }
            Integer earlier = index.putIfAbsent(step.id(), i);
            if (earlier != null) {
                throw new PlanValidationException("steps[" + i + "].id", "'" + step.id() + "' is already steps[" + earlier + "]");
            }
            if (i > 0 && step.kind() == StepKind.ACTIVITY && steps.get(i - 1).kind() == StepKind.STAGE) {
                throw new PlanValidationException("steps[" + i + "].kind", "activity '" + step.id() + "' comes after stage '"
                        + steps.get(i - 1).id() + "'; activities sit in front of the deal stages");
            }
        }
        FunnelStep last = steps.get(steps.size() - 1);
        if (last.kind() != StepKind.STAGE) {
            throw new PlanValidationException("steps[" + (steps.size() - 1) + "].kind",
                    "the last step must be the paid stage, was activity '" + last.id() + "'");
        }
        steps = List.copyOf(steps);

        if (conversions == null) {
            throw new PlanValidationException("conversions", "is required (empty for a funnel of the paid stage alone)");
        }
        String known = steps.stream().map(FunnelStep::id).collect(Collectors.joining(", "));
        Map<String, Integer> conversionFrom = new HashMap<>();
        for (int i = 0; i < conversions.size(); i++) {
            Conversion conversion = conversions.get(i);
            String field = "conversions[" + i + "]";
            if (conversion == null) {
                throw new PlanValidationException(field, "is missing");
            }
            Integer from = index.get(conversion.from());
            if (from == null) {
                throw new PlanValidationException(field + ".from", "unknown step '" + conversion.from() + "'; the funnel's steps are " + known);
            }
            Integer to = index.get(conversion.to());
            if (to == null) {
                throw new PlanValidationException(field + ".to", "unknown step '" + conversion.to() + "'; the funnel's steps are " + known);
            }
            if (to != from + 1) {
                throw new PlanValidationException(field, conversion.from() + " -> " + conversion.to()
                        + " does not join a step to the next one; the next step after " + conversion.from() + " is "
                        + (from + 1 < steps.size() ? steps.get(from + 1).id() : "none (it is the last)"));
            }
            Integer earlier = conversionFrom.putIfAbsent(conversion.from(), i);
            if (earlier != null) {
                throw new PlanValidationException(field, "a second conversion from " + conversion.from()
                        + "; conversions[" + earlier + "] already gives it");
            }
        }
        for (int i = 0; i + 1 < steps.size(); i++) {
            if (!conversionFrom.containsKey(steps.get(i).id())) {
                throw new PlanValidationException("conversions", "no conversion from " + steps.get(i).id() + " to "
                        + steps.get(i + 1).id());
            }
        }
        conversions = List.copyOf(conversions);

        if (medianTimeToPaid == null) {
            medianTimeToPaid = Map.of();
        }
        Map<String, Duration> times = new LinkedHashMap<>();
        for (FunnelStep step : steps) {
            // In funnel order, so that the map reads like the funnel.
            if (medianTimeToPaid.containsKey(step.id())) {
                times.put(step.id(), medianTimeToPaid.get(step.id()));
            }
        }
        for (Map.Entry<String, Duration> entry : medianTimeToPaid.entrySet()) {
            String field = "medianTimeToPaid[" + entry.getKey() + "]";
            if (!index.containsKey(entry.getKey())) {
                throw new PlanValidationException(field, "unknown step '" + entry.getKey() + "'; the funnel's steps are " + known);
            }
            if (entry.getValue() == null || entry.getValue().isNegative()) {
                throw new PlanValidationException(field, "must be a duration of zero or more, was " + entry.getValue());
            }
            if (entry.getValue().compareTo(MAX_TIME_TO_PAID) > 0) {
                throw new PlanValidationException(field, "must be at most " + MAX_TIME_TO_PAID.toDays() + " days, was "
                        + entry.getValue());
            }
        }
        medianTimeToPaid = Collections.unmodifiableMap(times);
    }

    /** The default stages with the given conversions and times, and no activities in front. */
    public static Funnel defaultStages(List<Conversion> conversions, Map<String, Duration> medianTimeToPaid) {
        return new Funnel(FunnelStep.DEFAULT_STAGES, conversions, medianTimeToPaid);
    }

    /** The conversion from the step to the next one; empty for the last step. */
    public Optional<Conversion> conversionFrom(String stepId) {
        return conversions.stream().filter(conversion -> conversion.from().equals(stepId)).findFirst();
    }

    /** The step with the id. */
    public Optional<FunnelStep> step(String id) {
        return steps.stream().filter(step -> step.id().equals(id)).findFirst();
    }

    /** The last step: paid. */
    public FunnelStep paid() {
        return steps.get(steps.size() - 1);
    }
}
