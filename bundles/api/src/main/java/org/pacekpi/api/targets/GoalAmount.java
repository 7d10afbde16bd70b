package org.pacekpi.api.targets;

import org.pacekpi.api.dto.Money;

/**
 * What a goal asks for: a number of paid deals, or an amount of money. Exactly one of {@code paidDeals} and
 * {@code revenue} is given.
 *
 * @param paidDeals       paid deals in the period, positive; null for a money goal
 * @param revenue         money in the period, positive; null for a paid-deals goal
 * @param averagePaidDeal with {@code revenue}: the average paid deal that turns the money into paid deals; null to use
 *                        the measured one (in the revenue's currency)
 */
public record GoalAmount(Long paidDeals, Money revenue, Money averagePaidDeal) {

    /** A goal of paid deals. */
    public static GoalAmount paidDeals(long paidDeals) {
        return new GoalAmount(paidDeals, null, null);
    }

    /** A goal of money, with the measured average paid deal. */
    public static GoalAmount revenue(Money revenue) {
        return new GoalAmount(null, revenue, null);
    }
}
