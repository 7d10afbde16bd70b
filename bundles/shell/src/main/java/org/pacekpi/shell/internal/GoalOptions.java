package org.pacekpi.shell.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.PinnedRate;

/**
 * The options of a goal, shared by {@code pace:derive} and {@code pace:goal set}: paid deals or money, and how to
 * derive. What is left out takes the configured default (PID {@code org.pacekpi.targets}); whether the values make
 * sense is the target service's to say, and it says so naming the option.
 */
abstract class GoalOptions extends TargetCommands {

    @Option(name = "--paid-deals", description = "The goal in paid deals in the period (or --revenue).")
    Long paidDeals;

    @Option(name = "--revenue", description = "The goal in money, e.g. 30000 (with --currency; or --paid-deals).")
    String revenue;

    @Option(name = "--currency", description = "ISO 4217 code of --revenue and --average-deal, e.g. EUR.")
    String currency;

    @Option(name = "--average-deal",
            description = "With --revenue: the average paid deal that turns money into deals (default: measured).")
    String averageDeal;

    @Option(name = "--weeks-rule",
            description = "working-calendar (weeks from the working days) or four-weeks-a-month (default: configured).")
    @Completion(value = StringsCompleter.class, values = { "working-calendar", "four-weeks-a-month" })
    String weeksRule;

    @Option(name = "--method", description = "How conversions are measured: cohort or snapshot (default: configured).")
    @Completion(value = StringsCompleter.class, values = { "cohort", "snapshot" })
    String method;

    @Option(name = "--window-days", description = "The window conversions are measured over, in days "
            + "(default: configured).")
    Integer windowDays;

    @Option(name = "--pin", multiValued = true,
            description = "A rate fixed instead of measured, from:to=rate, e.g. proposal:paid=1/3 or meeting:intro=0.8; repeatable.")
    List<String> pins;

    /** The goal: paid deals, or money in a currency. */
    GoalAmount goal() {
        if (paidDeals != null && revenue != null) {
            throw new IllegalArgumentException("give --paid-deals or --revenue, not both");
        }
        if (paidDeals != null) {
            if (averageDeal != null) {
                throw new IllegalArgumentException("--average-deal goes with --revenue, not --paid-deals");
            }
            return GoalAmount.paidDeals(paidDeals);
        }
        if (revenue == null) {
            throw new IllegalArgumentException("a goal is required: --paid-deals N, or --revenue AMOUNT --currency C"
                    + " [--average-deal AMOUNT]");
        }
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("--revenue needs --currency, e.g. --currency EUR");
        }
        String code = currency.trim().toUpperCase(Locale.ROOT);
        Money average = averageDeal == null ? null : new Money(code, amount("--average-deal", averageDeal));
        return new GoalAmount(null, new Money(code, amount("--revenue", revenue)), average);
    }

    /** The conversion method, or null for the default. */
    ConversionMethod method() {
        if (method == null) {
            return null;
        }
        try {
            return ConversionMethod.parse(method, "method");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--method must be cohort or snapshot, was '" + method + "'", e);
        }
    }

    /** The pinned rates, in the order given. */
    List<PinnedRate> pinnedRates() {
        List<PinnedRate> rates = new ArrayList<>();
        if (pins != null) {
            for (String pin : pins) {
                rates.add(pin(pin));
            }
        }
        return rates;
    }

    private static PinnedRate pin(String text) {
        int colon = text.indexOf(':');
        int equals = text.indexOf('=');
        if (colon <= 0 || equals <= colon + 1 || equals == text.length() - 1) {
            throw new IllegalArgumentException("--pin must be from:to=rate, e.g. proposal:paid=1/3; was '" + text
                    + "'");
        }
        // the rate as written (1/3 or 0.25): the service reads it and names it if it is no rate
        return new PinnedRate(text.substring(0, colon).trim(), text.substring(colon + 1, equals).trim(),
                text.substring(equals + 1).trim());
    }

    private static BigDecimal amount(String option, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number such as 30000 or 0.33, was '" + text
                    + "'", e);
        }
    }
}
