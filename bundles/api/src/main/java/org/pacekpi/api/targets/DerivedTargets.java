package org.pacekpi.api.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A goal turned into targets for every manager of its scope, with the arithmetic of each number.
 *
 * @param scope      the goal's scope
 * @param period     the month or quarter, e.g. {@code 2026-03}
 * @param from       its first day
 * @param to         its last day
 * @param goal       the goal as asked
 * @param weeksRule  how weeks were counted
 * @param method     how the conversions were measured
 * @param windowFrom first day of the measuring window
 * @param windowTo   last day of the measuring window
 * @param split      for a team: how the goal was split among the managers; null for a manager
 * @param managers   one plan per manager, ordered by manager id
 */
public record DerivedTargets(Scope scope, String period, LocalDate from, LocalDate to, GoalAmount goal,
                             String weeksRule, ConversionMethod method, LocalDate windowFrom, LocalDate windowTo,
                             Explanation split, List<ManagerTargets> managers) {

    /** Copies the list. */
    public DerivedTargets {
        managers = List.copyOf(managers);
    }

    /**
     * One manager's share of the goal and the targets it takes.
     *
     * @param managerId        the manager
     * @param timeZone         the manager's time zone, in which days are counted
     * @param asOf             the derivation day in the manager's time zone
     * @param paidDeals        the paid deals the manager's share needs, exactly
     * @param paidDealsExplanation how: the goal, its split, and the average paid deal for a money goal
     * @param workingDays      the period's working days in the manager's calendar
     * @param weeks            the period's weeks under the weeks rule
     * @param weeksExplanation how the weeks were counted
     * @param rates            the conversion used between each pair of adjacent steps, in funnel order
     * @param steps            a target per step, in funnel order (the first activity first, paid last)
     */
    public record ManagerTargets(String managerId, String timeZone, LocalDate asOf, Exact paidDeals,
                                 Explanation paidDealsExplanation, int workingDays, Exact weeks,
                                 Explanation weeksExplanation, List<RateUsed> rates, List<StepTargets> steps) {

        /** Copies the lists. */
        public ManagerTargets {
            rates = List.copyOf(rates);
            steps = List.copyOf(steps);
        }
    }

    /**
     * A conversion as the derivation used it.
     *
     * @param from        the step it converts from
     * @param to          the next step
     * @param rate        the rate
     * @param source      {@code measured} or {@code pinned}
     * @param sampleSize  the sample a measured rate stands on; 0 for a pinned one
     * @param explanation how the rate was measured (shrinkage included) or that it was pinned
     */
    public record RateUsed(String from, String to, Exact rate, String source, long sampleSize, String explanation) {
    }

    /**
     * What one step needs.
     *
     * @param step          the step id ({@code touches} ... {@code paid})
     * @param kind          {@code activity} or {@code stage}
     * @param metric        the KPI metric its target is tracked on ({@code touches}, {@code stage:proposal},
     *                      {@code dealsWon} for paid)
     * @param needed        the exact count needed in the period
     * @param target        {@code needed} rounded up: the period's target
     * @param explanation   the division that produced {@code needed}
     * @param perWeek       per week: exact, and rounded up
     * @param perWorkingDay per working day: exact, and rounded up
     * @param byWeek        the cumulative schedule by ISO week (cut at the period's ends), ending at {@code target}
     * @param byWorkingDay  the cumulative schedule by working day, ending at {@code target}
     * @param neededBy      when the count must exist for the paid deals to follow in time; null if the step's time
     *                      to paid is unknown
     */
    public record StepTargets(String step, String kind, String metric, Exact needed, long target,
                              Explanation explanation, RateTarget perWeek, RateTarget perWorkingDay,
                              List<ScheduleEntry> byWeek, List<ScheduleEntry> byWorkingDay, NeededBy neededBy) {

        /** Copies the schedules. */
        public StepTargets {
            byWeek = List.copyOf(byWeek);
            byWorkingDay = List.copyOf(byWorkingDay);
        }
    }

    /**
     * A count per week or working day, exact and rounded up.
     *
     * @param exact       e.g. 9/4
     * @param target      e.g. 3
     * @param explanation e.g. "2.25 proposals a week: 9 proposals / 4 weeks; target 3 a week"
     */
    public record RateTarget(Exact exact, long target, Explanation explanation) {
    }

    /**
     * What should be done by the end of a week or a working day; the increments of a schedule add up to the target.
     *
     * @param from           first day of the range
     * @param to             last day of the range
     * @param workingDays    working days in the range
     * @param exactToDate    the exact share of the need due by the end of the range
     * @param expectedToDate the count expected by the end of the range
     * @param increment      what the range adds to the previous entry
     */
    public record ScheduleEntry(LocalDate from, LocalDate to, int workingDays, Exact exactToDate, long expectedToDate,
                                long increment) {
    }

    /**
     * When a step's count must exist: the period's last day minus the step's median time to paid.
     *
     * @param date              the day
     * @param medianDaysToPaid  the median time from the step to paid, in days
     * @param beforePeriodStart the count is needed in an earlier period
     * @param late              the day is before the derivation day
     * @param text              the sentence
     */
    public record NeededBy(LocalDate date, BigDecimal medianDaysToPaid, boolean beforePeriodStart, boolean late,
                           String text) {
    }
}
