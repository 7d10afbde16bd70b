package org.pacekpi.engine.internal.plan;

import java.time.LocalDate;

/**
 * What a plan is derived from (the body of a derive request, less the manager's calendar).
 *
 * @param goal      the goal
 * @param period    the month or quarter
 * @param funnel    the steps, their conversions and times to paid
 * @param weeksRule how to count the period's weeks
 * @param asOf      today in the manager's time zone: "needed by" dates before it are flagged late
 */
public record PlanRequest(Goal goal, PlanPeriod period, Funnel funnel, WeeksRule weeksRule, LocalDate asOf) {

    /** Checks that every field is given; the message names the missing one. */
    public PlanRequest {
        if (goal == null) {
            throw new PlanValidationException("goal", "is required");
        }
        if (period == null) {
            throw new PlanValidationException("period", "is required");
        }
        if (funnel == null) {
            throw new PlanValidationException("funnel", "is required");
        }
        if (weeksRule == null) {
            throw new PlanValidationException("weeksRule", "is required");
        }
        if (asOf == null) {
            throw new PlanValidationException("asOf", "is required");
        }
    }
}
