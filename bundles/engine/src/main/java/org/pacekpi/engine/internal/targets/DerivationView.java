package org.pacekpi.engine.internal.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.pacekpi.api.targets.DerivedTargets;
import org.pacekpi.api.targets.Explanation;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.ValidationException;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;
import org.pacekpi.engine.internal.plan.Conversion;
import org.pacekpi.engine.internal.plan.Fraction;
import org.pacekpi.engine.internal.plan.Funnel;
import org.pacekpi.engine.internal.plan.FunnelStep;
import org.pacekpi.engine.internal.plan.Goal;
import org.pacekpi.engine.internal.plan.Plan;
import org.pacekpi.engine.internal.plan.PlanRequest;
import org.pacekpi.engine.internal.plan.PlanValidationException;
import org.pacekpi.engine.internal.plan.ReverseFunnel;
import org.pacekpi.engine.internal.plan.StepTarget;
import org.pacekpi.engine.internal.targets.Derivation.ManagerBasis;
import org.pacekpi.engine.internal.targets.Derivation.RateBasis;

/**
 * Turns a {@link Derivation} into the API's {@link DerivedTargets}: one {@link ReverseFunnel} plan per manager, in
 * the manager's working calendar, with the manager's share of the goal (a team's goal split evenly, exactly). A
 * pure function of the derivation and the calendars: a stored goal shows the targets it was stored with.
 */
public final class DerivationView {

    private static final BigDecimal NANOS_PER_DAY = BigDecimal.valueOf(Duration.ofDays(1).toNanos());

    private DerivationView() {
    }

    /**
     * The targets of a derivation.
     *
     * @param calendars each manager's working calendar
     * @throws ValidationException naming {@code period} if the period has no working days in a manager's calendar,
     *                             or {@code goal} if a target does not fit a count
     */
    public static DerivedTargets targets(Derivation derivation, Function<ManagerBasis, WorkingCalendar> calendars) {
        Objects.requireNonNull(derivation, "derivation");
        Objects.requireNonNull(calendars, "calendars");
        int managers = derivation.managers().size();
        Goal goal = planGoal(derivation).splitAmong(managers);
        List<DerivedTargets.ManagerTargets> plans = new ArrayList<>(managers);
        for (ManagerBasis basis : derivation.managers()) {
            plans.add(managerTargets(derivation, basis, goal, calendars.apply(basis)));
        }
        LocalDate windowFrom = derivation.managers().stream().map(derivation::windowFrom).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate windowTo = derivation.managers().stream().map(derivation::windowTo).max(Comparator.naturalOrder()).orElseThrow();
        return new DerivedTargets(derivation.scope(), derivation.period().toString(), derivation.period().range().from(),
                derivation.period().range().to(), derivation.goal(), derivation.weeksRule().id(), derivation.method(),
                windowFrom, windowTo, split(derivation), plans);
    }

    /** The goal in the plan's terms, not yet split. */
    static Goal planGoal(Derivation derivation) {
        GoalAmount goal = derivation.goal();
        return goal.paidDeals() != null ? Goal.paidDeals(goal.paidDeals())
                : Goal.revenue(goal.revenue(), derivation.averagePaidDeal().amount());
    }

    private static DerivedTargets.ManagerTargets managerTargets(Derivation derivation, ManagerBasis basis, Goal goal,
                                                               WorkingCalendar calendar) {
        List<FunnelStep> steps = derivation.steps();
        List<Conversion> conversions = new ArrayList<>(basis.rates().size());
        for (RateBasis rate : basis.rates()) {
            conversions.add(new Conversion(rate.from(), rate.to(), rate.rate(), rate.source(), rate.sampleSize()));
        }
        Map<String, Duration> times = new LinkedHashMap<>();
        basis.medianDaysToPaid().forEach((step, days) -> times.put(step, duration(days)));
        Plan plan;
        try {
            plan = ReverseFunnel.derive(new PlanRequest(goal, derivation.period(), new Funnel(steps, conversions, times),
                    derivation.weeksRule(), basis.asOf()), calendar);
        } catch (PlanValidationException e) {
            String problem = e.getMessage().substring(e.field().length() + 2);
            if (e.field().equals("period") || e.field().equals("goal")) {
                throw new ValidationException(e.field(), problem + " (manager " + basis.managerId() + ")");
            }
            throw new IllegalStateException("the derivation for manager " + basis.managerId() + " is inconsistent: "
                    + e.getMessage(), e);
        }
        String paid = steps.get(steps.size() - 1).id();
        List<DerivedTargets.StepTargets> stepTargets = new ArrayList<>(plan.steps().size());
        for (StepTarget target : plan.steps()) {
            FunnelStep step = target.step();
            BigDecimal medianDays = step.id().equals(paid) ? basis.medianDaysToPaid().getOrDefault(paid, BigDecimal.ZERO)
                    : basis.medianDaysToPaid().get(step.id());
            DerivedTargets.NeededBy neededBy = target.neededBy().map(by -> new DerivedTargets.NeededBy(by.date(),
                    medianDays, by.beforePeriodStart(), by.late(), by.text())).orElse(null);
            stepTargets.add(new DerivedTargets.StepTargets(step.id(), step.kind().name().toLowerCase(Locale.ROOT),
                    FunnelSteps.metric(step, step.id().equals(paid)), ApiValues.exact(target.needed()), target.target(),
                    ApiValues.explanation(target.explanation()), ApiValues.rateTarget(target.perWeek()),
                    ApiValues.rateTarget(target.perWorkingDay()), ApiValues.schedule(target.byWeek()),
                    ApiValues.schedule(target.byWorkingDay()), neededBy));
        }
        StepTarget paidTarget = plan.step(paid);
        List<DerivedTargets.RateUsed> rates = basis.rates().stream().map(rate -> new DerivedTargets.RateUsed(rate.from(),
                rate.to(), ApiValues.exact(rate.rate()), rate.source().name().toLowerCase(Locale.ROOT), rate.sampleSize(),
                rate.explanation())).toList();
        return new DerivedTargets.ManagerTargets(basis.managerId(), basis.zone().getId(), basis.asOf(),
                ApiValues.exact(paidTarget.needed()), ApiValues.explanation(paidTarget.explanation()), plan.workingDays(),
                ApiValues.exact(plan.weeks()), ApiValues.explanation(plan.weeksExplanation()), rates, stepTargets);
    }

    /** Median days as a duration, rounded up to the nanosecond. */
    static Duration duration(BigDecimal days) {
        return Duration.ofNanos(days.multiply(NANOS_PER_DAY).setScale(0, RoundingMode.CEILING).longValueExact());
    }

    /** How a team's goal was split among its managers; null for a manager's own goal. */
    private static Explanation split(Derivation derivation) {
        if (derivation.scope().type() != Scope.Type.TEAM) {
            return null;
        }
        int managers = derivation.managers().size();
        String who = managers + (managers == 1 ? " manager (" : " managers (")
                + String.join(", ", derivation.managers().stream().map(ManagerBasis::managerId).toList()) + ")";
        GoalAmount goal = derivation.goal();
        FunnelStep paid = derivation.steps().get(derivation.steps().size() - 1);
        Fraction whole;
        String text;
        String name;
        if (goal.paidDeals() != null) {
            whole = Fraction.of(goal.paidDeals());
            Fraction each = whole.dividedBy(managers);
            name = "goal";
            text = goal.paidDeals() + " " + (goal.paidDeals() == 1 ? paid.singular() : paid.plural()) + " for "
                    + derivation.period() + " split evenly among " + who + ": " + each.toDisplay() + " each";
        } else {
            whole = Fraction.of(goal.revenue().amount());
            Fraction each = whole.dividedBy(managers);
            name = "revenue";
            text = whole.toDisplay() + " " + goal.revenue().currency() + " for " + derivation.period()
                    + " split evenly among " + who + ": " + each.toDisplay() + " " + goal.revenue().currency() + " each";
        }
        return new Explanation(text, "divide", List.of(new Explanation.Operand(name, ApiValues.exact(whole)),
                new Explanation.Operand("managers", ApiValues.exact(Fraction.of(managers)))),
                ApiValues.exact(whole.dividedBy(managers)));
    }
}
