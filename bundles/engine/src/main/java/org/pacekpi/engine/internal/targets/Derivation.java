package org.pacekpi.engine.internal.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.engine.internal.plan.Fraction;
import org.pacekpi.engine.internal.plan.FunnelStep;
import org.pacekpi.engine.internal.plan.PlanPeriod;
import org.pacekpi.engine.internal.plan.RateSource;
import org.pacekpi.engine.internal.plan.WeeksRule;

/**
 * Everything the arithmetic of a goal's targets depends on, fixed at the moment of derivation: the goal, the steps,
 * the managers it was split among, and for each manager the rates and times to paid used. The targets follow from it
 * alone (and the managers' working calendars, for the spreading over weeks and days), so a stored goal shows the
 * same targets later, whatever the measurements do meanwhile.
 *
 * @param scope           the goal's scope
 * @param period          the month or quarter
 * @param goal            the goal as asked (its average paid deal null when measured)
 * @param weeksRule       the weeks rule used
 * @param method          the measuring method used
 * @param windowDays      the measuring window used, in days, ending the day before each manager's {@code asOf}
 * @param steps           the funnel's steps, in order, paid last
 * @param averagePaidDeal for a money goal, the average paid deal used; null for a goal of paid deals
 * @param managers        the managers the goal was derived for (a team's active managers), ordered by id
 */
public record Derivation(Scope scope, PlanPeriod period, GoalAmount goal, WeeksRule weeksRule, ConversionMethod method,
                         int windowDays, List<FunnelStep> steps, AverageDeal averagePaidDeal,
                         List<ManagerBasis> managers) {

    /** Checks the fields and copies the lists. */
    public Derivation {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(weeksRule, "weeksRule");
        Objects.requireNonNull(method, "method");
        steps = List.copyOf(steps);
        managers = List.copyOf(managers);
        if (managers.isEmpty()) {
            throw new IllegalArgumentException("a derivation needs at least one manager");
        }
        if ((goal.revenue() != null) != (averagePaidDeal != null)) {
            throw new IllegalArgumentException("a money goal, and only a money goal, has an average paid deal");
        }
    }

    /** The first day of a manager's measuring window. */
    public LocalDate windowFrom(ManagerBasis manager) {
        return manager.asOf().minusDays(windowDays);
    }

    /** The last day of a manager's measuring window: the day before the derivation day. */
    public LocalDate windowTo(ManagerBasis manager) {
        return manager.asOf().minusDays(1);
    }

    /**
     * The average paid deal a money goal is turned into paid deals with.
     *
     * @param amount      the amount, positive, in the goal's currency
     * @param measured    true if measured, false if given with the goal
     * @param explanation where it comes from, in words
     */
    public record AverageDeal(Money amount, boolean measured, String explanation) {

        /** Checks the fields. */
        public AverageDeal {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /**
     * What one manager's targets were derived with.
     *
     * @param managerId        the manager
     * @param zone             the manager's time zone then
     * @param asOf             the derivation day in that zone
     * @param rates            the conversion between each pair of adjacent steps, in funnel order
     * @param medianDaysToPaid the measured median days from a step to paid, by step id, in funnel order; steps
     *                         without one are absent
     */
    public record ManagerBasis(String managerId, ZoneId zone, LocalDate asOf, List<RateBasis> rates,
                               Map<String, BigDecimal> medianDaysToPaid) {

        /** Checks the fields and copies the collections, keeping their order. */
        public ManagerBasis {
            Objects.requireNonNull(managerId, "managerId");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(asOf, "asOf");
            rates = List.copyOf(rates);
            medianDaysToPaid = Collections.unmodifiableMap(new LinkedHashMap<>(medianDaysToPaid));
        }
    }

    /**
     * A conversion as used.
     *
     * @param from        the step it converts from
     * @param to          the next step
     * @param rate        the rate, in (0, 1]
     * @param source      measured or pinned
     * @param sampleSize  the manager's sample for a measured rate; 0 for a pinned one
     * @param explanation how it was measured, or that it was pinned
     */
    public record RateBasis(String from, String to, Fraction rate, RateSource source, long sampleSize,
                            String explanation) {

        /** Checks the fields. */
        public RateBasis {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(explanation, "explanation");
        }
    }
}
