package org.pacekpi.engine.internal.plan;

import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.pacekpi.api.PeriodType;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.calendar.Periods;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;

/**
 * Derives targets backwards from a goal: the paid deals the goal needs, then at every earlier step the next step's
 * need divided by the conversion between them, down to the activities in front of the funnel. Worked example: 3
 * paid deals a month with 1 paid deal per 3 proposals and 2 meetings per proposal, over 4 weeks, needs 9 proposals
 * (2.25 a week, so 3 a week) and 18 meetings (4.5 a week, so 5 a week).
 *
 * <p>Rules:
 * <ul>
 * <li>The chain is exact: each need is a {@link Fraction} divided from the next step's exact need (not from its
 * rounded target), so no rounding compounds; only the reported targets are rounded, always up.</li>
 * <li>Per week is the need over the period's weeks ({@link WeeksRule}); per working day is the need over the
 * period's working days in the manager's calendar. Both are shown exact and rounded up.</li>
 * <li>The cumulative schedules by week and by working day round the cumulative share up and end at the period's
 * target ({@link CumulativeSchedule}), so the increments add up to the period's target, not more.</li>
 * <li>A step is needed by the period's last day minus its median time to paid, in whole days rounded up; the paid
 * stage is needed by the last day. The counts are those of the period itself: this period's proposals stand for the
 * proposals next period's deals need, as the funnel is taken to be steady from period to period.</li>
 * </ul>
 * Pure: the same request and calendar give the same plan.
 */
public final class ReverseFunnel {

    private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private ReverseFunnel() {
    }

    /**
     * The plan for the request in the manager's calendar.
     *
     * @throws PlanValidationException naming {@code period} if the period has no working days in the calendar, or
     *                                 {@code goal} if a target does not fit a 64-bit count
     */
    public static Plan derive(PlanRequest request, WorkingCalendar calendar) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(calendar, "calendar");
        PlanPeriod period = request.period();
        int workingDays = calendar.workingDays(period.range());
        if (workingDays == 0) {
            throw new PlanValidationException("period", period + " has no working days in the manager's calendar");
        }
        Explanation weeks = weeks(request.weeksRule(), period, workingDays, calendar.workingWeek().size());
        List<DateRange> weekRanges = Periods.within(PeriodType.WEEK, period.range());
        List<DateRange> dayRanges = period.range().dates().filter(calendar::isWorkingDay).map(DateRange::day).toList();

        Funnel funnel = request.funnel();
        List<FunnelStep> steps = funnel.steps();
        List<StepTarget> targets = new ArrayList<>(steps.size());
        Fraction need = request.goal().paidDealsNeeded();
        Explanation explanation = goalExplanation(request.goal(), period, funnel.paid(), need);
        for (int i = steps.size() - 1; i >= 0; i--) {
            FunnelStep step = steps.get(i);
            if (i < steps.size() - 1) {
                FunnelStep next = steps.get(i + 1);
                Conversion conversion = funnel.conversionFrom(step.id()).orElseThrow();
                Fraction nextNeed = need;
                need = nextNeed.dividedBy(conversion.rate());
                explanation = stepExplanation(step, next, conversion, nextNeed, need);
            }
            long target = target(need, step);
            Fraction perWeek = need.dividedBy(weeks.result());
            Fraction perDay = need.dividedBy(workingDays);
            targets.add(new StepTarget(step, need, target, explanation,
                    new RateTarget(perWeek, target(perWeek, step), divide(step, need, "week", weeks.result(), "weeks", perWeek)),
                    new RateTarget(perDay, target(perDay, step), divide(step, need, "working day", Fraction.of(workingDays), "working days", perDay)),
                    CumulativeSchedule.over(need, weekRanges, calendar, workingDays),
                    CumulativeSchedule.over(need, dayRanges, calendar, workingDays),
                    neededBy(step, i == steps.size() - 1, funnel, period, request.asOf())));
        }
        Collections.reverse(targets);
        return new Plan(request.goal(), period, request.asOf(), request.weeksRule(), workingDays, weeks.result(), weeks, targets);
    }

    private static long target(Fraction need, FunnelStep step) {
        try {
            return need.ceilingLong();
        } catch (ArithmeticException e) {
            throw new PlanValidationException("goal", "needs " + need.ceiling() + " " + step.plural()
                    + ", more than a count can hold");
        }
    }

    private static Explanation weeks(WeeksRule rule, PlanPeriod period, int workingDays, int workingDaysPerWeek) {
        return switch (rule) {
            case WORKING_CALENDAR -> {
                Fraction weeks = Fraction.of(workingDays, workingDaysPerWeek);
                yield new Explanation(Operation.DIVIDE,
                        List.of(new Operand("working days", Fraction.of(workingDays)),
                                new Operand("working days a week", Fraction.of(workingDaysPerWeek))),
                        weeks, weeks.toDisplay() + " weeks: " + workingDays + " working days in " + period + " / "
                                + workingDaysPerWeek + " working days a week");
            }
            case FOUR_WEEKS_A_MONTH -> {
                int months = period.type() == PeriodType.QUARTER ? 3 : 1;
                Fraction weeks = Fraction.of(4L * months);
                yield new Explanation(Operation.MULTIPLY,
                        List.of(new Operand("weeks a month", Fraction.of(4)), new Operand("months", Fraction.of(months))),
                        weeks, weeks.toDisplay() + " weeks: 4 weeks a month" + (months == 1 ? "" : " x " + months + " months")
                                + " (the plain rule)");
            }
        };
    }

    private static Explanation goalExplanation(Goal goal, PlanPeriod period, FunnelStep paid, Fraction need) {
        int managers = goal.splitAmong();
        String split = managers == 1 ? "" : " split evenly among " + managers + " managers";
        if (goal.kind() == Goal.Kind.PAID_DEALS) {
            if (managers == 1) {
                return new Explanation(Operation.GIVEN, List.of(new Operand("goal", need)), need,
                        paid.count(need.toDisplay()) + ": the goal for " + period);
            }
            return new Explanation(Operation.DIVIDE,
                    List.of(new Operand("goal", Fraction.of(goal.paidDeals())), new Operand("managers", Fraction.of(managers))),
                    need, paid.count(need.toDisplay()) + ": " + paid.count(Long.toString(goal.paidDeals())) + " for "
                            + period + split + roundedUp(need));
        }
        Fraction revenue = goal.revenueShare();
        String share = managers == 1 ? "" : " (" + revenue.toDisplay() + " " + goal.revenue().currency() + " each)";
        return new Explanation(Operation.DIVIDE,
                List.of(new Operand(managers == 1 ? "revenue" : "revenue share", revenue),
                        new Operand("average paid deal", Fraction.of(goal.averagePaidDeal().amount()))),
                need, paid.count(need.toDisplay()) + ": " + Goal.format(goal.revenue()) + " for " + period + split + share
                        + " / " + Goal.format(goal.averagePaidDeal()) + " average " + paid.singular() + roundedUp(need));
    }

    private static Explanation stepExplanation(FunnelStep step, FunnelStep next, Conversion conversion, Fraction nextNeed,
                                               Fraction need) {
        Fraction per = conversion.rate().reciprocal();
        String perText = per.equals(Fraction.ONE) ? step.singular() : step.count(per.toDisplay());
        String source = conversion.source() == RateSource.PINNED ? "pinned by an admin"
                : conversion.sampleSize() == 0 ? "the team's rate, no sample of the manager's own"
                : "measured on " + conversion.sampleSize() + " "
                + (step.kind() == StepKind.STAGE ? (conversion.sampleSize() == 1 ? "deal" : "deals")
                : (conversion.sampleSize() == 1 ? step.singular() : step.plural()));
        return new Explanation(Operation.DIVIDE,
                List.of(new Operand(next.plural(), nextNeed),
                        new Operand("rate " + conversion.from() + " -> " + conversion.to(), conversion.rate())),
                need, step.count(need.toDisplay()) + ": " + next.count(nextNeed.toDisplay()) + " / 1 " + next.singular()
                        + " per " + perText + " (rate " + conversion.rate().toDisplay() + ", " + source + ")" + roundedUp(need));
    }

    private static String roundedUp(Fraction value) {
        return value.isWhole() ? "" : ", so " + value.ceiling();
    }

    private static Explanation divide(FunnelStep step, Fraction need, String unit, Fraction units, String unitsName,
                                      Fraction rate) {
        String text = step.count(rate.toDisplay()) + " a " + unit + ": " + step.count(need.toDisplay()) + " over "
                + units.toDisplay() + " " + unitsName + (rate.isWhole() ? "" : ", so " + rate.ceiling() + " a " + unit);
        return new Explanation(Operation.DIVIDE, List.of(new Operand(step.plural(), need), new Operand(unitsName, units)),
                rate, text);
    }

    private static Optional<NeededBy> neededBy(FunnelStep step, boolean paid, Funnel funnel, PlanPeriod period,
                                               LocalDate asOf) {
        Duration time = funnel.medianTimeToPaid().get(step.id());
        if (time == null && paid) {
            time = Duration.ZERO;
        }
        if (time == null) {
            return Optional.empty();
        }
        long days = BigInteger.valueOf(time.toSeconds()).add(BigInteger.valueOf(time.toNanosPart() > 0 ? 1 : 0))
                .add(BigInteger.valueOf(SECONDS_PER_DAY - 1)).divide(BigInteger.valueOf(SECONDS_PER_DAY)).longValueExact();
        LocalDate end = period.range().to();
        LocalDate date = end.minusDays(days);
        boolean before = date.isBefore(period.range().from());
        boolean late = date.isBefore(asOf);
        StringBuilder text = new StringBuilder(step.plural()).append(" needed by ").append(date).append(": ");
        if (paid && days == 0) {
            text.append("the period ends on ").append(end);
        } else {
            text.append("the period ends on ").append(end).append(" and a ").append(step.singular())
                    .append(" takes a median ").append(days).append(days == 1 ? " day" : " days").append(" to be paid");
        }
        if (before) {
            text.append("; that is before the period starts on ").append(period.range().from());
        }
        if (late) {
            text.append("; already late on ").append(asOf);
        }
        return Optional.of(new NeededBy(date, time, before, late, text.toString()));
    }
}
