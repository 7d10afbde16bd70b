package org.pacekpi.engine.internal.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A goal turned into targets: the count every step of the funnel needs over the period, per week and per working
 * day, with the arithmetic of each.
 *
 * @param goal             the goal
 * @param period           the month or quarter
 * @param asOf             the day the plan was derived on, in the manager's calendar (for the "late" flags)
 * @param weeksRule        how the weeks were counted
 * @param workingDays      the period's working days in the manager's calendar
 * @param weeks            the period's weeks, exact (4.2 for 21 working days of a five-day week)
 * @param weeksExplanation how {@code weeks} was counted
 * @param steps            one target per step, in funnel order (the first activity first, paid last)
 */
public record Plan(Goal goal, PlanPeriod period, LocalDate asOf, WeeksRule weeksRule, int workingDays, Fraction weeks,
                   Explanation weeksExplanation, List<StepTarget> steps) {

    /** Copies the steps. */
    public Plan {
        steps = List.copyOf(steps);
    }

    /**
     * The target of the step with the id.
     *
     * @throws NoSuchElementException naming the id if the funnel has no such step
     */
    public StepTarget step(String id) {
        return steps.stream().filter(target -> target.step().id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no step '" + id + "' in the plan"));
    }
}
