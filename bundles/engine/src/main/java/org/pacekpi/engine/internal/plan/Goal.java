package org.pacekpi.engine.internal.plan;

import java.math.BigDecimal;

import org.pacekpi.api.dto.Money;

/**
 * What a manager or a team must bring in over a period: a number of paid deals, or an amount of money together with
 * the average paid deal size that turns it into paid deals. Build one with {@link #paidDeals(long)} or
 * {@link #revenue(Money, Money)}; a manager's share of a team's goal with {@link #splitAmong(int)}.
 *
 * @param kind            which of the two the goal is
 * @param paidDeals       for {@link Kind#PAID_DEALS}: the paid deals, positive; 0 for a revenue goal
 * @param revenue         for {@link Kind#REVENUE}: the money, positive; null for a paid-deals goal
 * @param averagePaidDeal for {@link Kind#REVENUE}: the average paid deal in the same currency, positive; null for a
 *                        paid-deals goal
 * @param splitAmong      how many managers share the goal evenly: 1 for a manager's own goal, n for one manager's
 *                        share of a team goal split among n managers
 */
public record Goal(Kind kind, long paidDeals, Money revenue, Money averagePaidDeal, int splitAmong) {

    /** The two kinds of goal. */
    public enum Kind {
        /** A number of paid deals. */
        PAID_DEALS,
        /** An amount of money, turned into paid deals by the average paid deal size. */
        REVENUE
    }

    /** Checks the fields of the kind; the message names the field. */
    public Goal {
        if (kind == null) {
            throw new PlanValidationException("goal.kind", "is required (paid deals or revenue)");
        }
        if (splitAmong < 1) {
            throw new PlanValidationException("goal.splitAmong", "must be at least 1 manager, was " + splitAmong);
        }
        if (kind == Kind.PAID_DEALS) {
            if (paidDeals <= 0) {
                throw new PlanValidationException("goal.paidDeals", "must be positive, was " + paidDeals);
            }
            if (revenue != null || averagePaidDeal != null) {
                throw new PlanValidationException("goal", "a paid-deals goal has no revenue or average paid deal");
            }
        } else {
            if (paidDeals != 0) {
                throw new PlanValidationException("goal.paidDeals", "a revenue goal has no paid deals of its own; was " + paidDeals);
            }
            checkMoney("goal.revenue", revenue);
            checkMoney("goal.averagePaidDeal", averagePaidDeal);
            if (!revenue.currency().equals(averagePaidDeal.currency())) {
                throw new PlanValidationException("goal.averagePaidDeal", "currency " + averagePaidDeal.currency()
                        + " differs from the revenue's " + revenue.currency());
            }
        }
    }

    /** A goal for one manager, not split. */
    public Goal(Kind kind, long paidDeals, Money revenue, Money averagePaidDeal) {
        this(kind, paidDeals, revenue, averagePaidDeal, 1);
    }

    private static void checkMoney(String field, Money money) {
        if (money == null || money.amount() == null) {
            throw new PlanValidationException(field, "is required for a revenue goal");
        }
        if (money.currency() == null || money.currency().isBlank()) {
            throw new PlanValidationException(field + ".currency", "is required");
        }
        if (money.amount().signum() <= 0) {
            throw new PlanValidationException(field + ".amount", "must be positive, was " + money.amount().toPlainString());
        }
    }

    /** A goal of paid deals. */
    public static Goal paidDeals(long paidDeals) {
        return new Goal(Kind.PAID_DEALS, paidDeals, null, null);
    }

    /** A goal of money, with the average paid deal that turns it into paid deals. */
    public static Goal revenue(Money revenue, Money averagePaidDeal) {
        return new Goal(Kind.REVENUE, 0, revenue, averagePaidDeal);
    }

    /**
     * One manager's even share of this goal when it is split among {@code managers}: 3 paid deals among 2 managers
     * is 3/2 paid deals each, exactly.
     */
    public Goal splitAmong(int managers) {
        return new Goal(kind, paidDeals, revenue, averagePaidDeal, managers);
    }

    /**
     * The paid deals the goal needs, exactly: the count, or the revenue over the average paid deal; divided by
     * {@link #splitAmong()} for a share.
     */
    public Fraction paidDealsNeeded() {
        Fraction whole = kind == Kind.PAID_DEALS ? Fraction.of(paidDeals)
                : Fraction.of(revenue.amount()).dividedBy(Fraction.of(averagePaidDeal.amount()));
        return whole.dividedBy(splitAmong);
    }

    /** The revenue of this share, exactly: the revenue over {@link #splitAmong()}; only for a revenue goal. */
    public Fraction revenueShare() {
        if (kind != Kind.REVENUE) {
            throw new IllegalStateException("a paid-deals goal has no revenue");
        }
        return Fraction.of(revenue.amount()).dividedBy(splitAmong);
    }

    /** The amount as it reads, e.g. {@code 1000000 RUB}. */
    static String format(Money money) {
        BigDecimal amount = money.amount().stripTrailingZeros();
        return (amount.scale() < 0 ? amount.setScale(0) : amount).toPlainString() + " " + money.currency();
    }
}
