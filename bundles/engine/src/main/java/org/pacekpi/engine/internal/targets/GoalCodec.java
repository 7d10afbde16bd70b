package org.pacekpi.engine.internal.targets;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.PinnedRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.engine.internal.plan.Fraction;
import org.pacekpi.engine.internal.plan.FunnelStep;
import org.pacekpi.engine.internal.plan.PlanPeriod;
import org.pacekpi.engine.internal.plan.RateSource;
import org.pacekpi.engine.internal.plan.StepKind;
import org.pacekpi.engine.internal.plan.WeeksRule;
import org.pacekpi.engine.internal.targets.Derivation.AverageDeal;
import org.pacekpi.engine.internal.targets.Derivation.ManagerBasis;
import org.pacekpi.engine.internal.targets.Derivation.RateBasis;

/**
 * The text a stored goal's {@code definition} holds: the goal as set ({@link GoalInput}) and the {@link Derivation}
 * its targets were derived with. Plain text, one {@code key=value} per line, so that it reads in a database console
 * and needs no JSON library in the engine.
 *
 * <p>Format {@value #HEADER}:
 * <ul>
 * <li>the first line is {@value #HEADER}; a later format gets a new header, and this reader refuses it;</li>
 * <li>then lines {@code key=value}, split at the first {@code =}; keys are fixed names with list indexes
 * ({@code used.manager.0.rate.2.from}), values are escaped: {@code \\} for a backslash, {@code \n} for a line feed,
 * {@code \r} for a carriage return, nothing else;</li>
 * <li>{@code input.*} is the goal as set: {@code scope.type}, {@code scope.id}, {@code period}, {@code goal.paidDeals}
 * or {@code goal.revenue.amount} and {@code goal.revenue.currency} (with {@code goal.averagePaidDeal.amount} and
 * {@code .currency} when given), and the optional {@code weeksRule}, {@code method}, {@code windowDays}, {@code note};
 * {@code pinned.count} and {@code pinned.<i>.from|to|rate}. An absent optional key is null; decimals keep their scale,
 * so the input reads back equal;</li>
 * <li>{@code used.*} is the derivation: {@code weeksRule}, {@code method}, {@code windowDays}, {@code period}; the
 * steps ({@code steps.count}, {@code step.<i>.id|kind|singular|plural}); for a money goal
 * {@code average.amount|currency|source|explanation}; the managers ({@code managers.count},
 * {@code manager.<m>.id|zone|asOf}, {@code manager.<m>.rates.count}, {@code manager.<m>.rate.<r>.from|to|rate|source|sample|explanation}
 * with the rate as an exact fraction such as {@code 1/3}, {@code manager.<m>.medians.count},
 * {@code manager.<m>.median.<k>.step|days}).</li>
 * </ul>
 * Every key must be known and appear once; anything else is damage, reported with the goal's id and the line.
 */
public final class GoalCodec {

    /** The first line of format 1. */
    public static final String HEADER = "pace-goal v1";

    private GoalCodec() {
    }

    /** A stored goal's definition, read back. */
    public record Definition(GoalInput input, Derivation derivation) {
    }

    /** The text of a goal and its derivation. */
    public static String encode(GoalInput input, Derivation derivation) {
        Lines out = new Lines();
        out.put("input.scope.type", input.scope().type().id());
        out.put("input.scope.id", input.scope().id());
        out.put("input.period", input.period());
        GoalAmount goal = input.goal();
        out.putIfPresent("input.goal.paidDeals", goal.paidDeals() == null ? null : goal.paidDeals().toString());
        money(out, "input.goal.revenue", goal.revenue());
        money(out, "input.goal.averagePaidDeal", goal.averagePaidDeal());
        out.putIfPresent("input.weeksRule", input.weeksRule());
        out.putIfPresent("input.method", input.method() == null ? null : input.method().id());
        out.putIfPresent("input.windowDays", input.windowDays() == null ? null : input.windowDays().toString());
        out.put("input.pinned.count", Integer.toString(input.pinnedRates().size()));
        for (int i = 0; i < input.pinnedRates().size(); i++) {
            PinnedRate pin = input.pinnedRates().get(i);
            out.put("input.pinned." + i + ".from", pin.from());
            out.put("input.pinned." + i + ".to", pin.to());
            out.put("input.pinned." + i + ".rate", pin.rate());
        }
        out.putIfPresent("input.note", input.note());

        out.put("used.period", derivation.period().toString());
        out.put("used.weeksRule", derivation.weeksRule().id());
        out.put("used.method", derivation.method().id());
        out.put("used.windowDays", Integer.toString(derivation.windowDays()));
        out.put("used.steps.count", Integer.toString(derivation.steps().size()));
        for (int i = 0; i < derivation.steps().size(); i++) {
            FunnelStep step = derivation.steps().get(i);
            String key = "used.step." + i + ".";
            out.put(key + "id", step.id());
            out.put(key + "kind", step.kind().name().toLowerCase(Locale.ROOT));
            out.put(key + "singular", step.singular());
            out.put(key + "plural", step.plural());
        }
        AverageDeal average = derivation.averagePaidDeal();
        if (average != null) {
            money(out, "used.average", average.amount());
            out.put("used.average.source", average.measured() ? "measured" : "given");
            out.put("used.average.explanation", average.explanation());
        }
        out.put("used.managers.count", Integer.toString(derivation.managers().size()));
        for (int m = 0; m < derivation.managers().size(); m++) {
            ManagerBasis manager = derivation.managers().get(m);
            String key = "used.manager." + m + ".";
            out.put(key + "id", manager.managerId());
            out.put(key + "zone", manager.zone().getId());
            out.put(key + "asOf", manager.asOf().toString());
            out.put(key + "rates.count", Integer.toString(manager.rates().size()));
            for (int r = 0; r < manager.rates().size(); r++) {
                RateBasis rate = manager.rates().get(r);
                String rateKey = key + "rate." + r + ".";
                out.put(rateKey + "from", rate.from());
                out.put(rateKey + "to", rate.to());
                out.put(rateKey + "rate", rate.rate().toString());
                out.put(rateKey + "source", rate.source().name().toLowerCase(Locale.ROOT));
                out.put(rateKey + "sample", Long.toString(rate.sampleSize()));
                out.put(rateKey + "explanation", rate.explanation());
            }
            out.put(key + "medians.count", Integer.toString(manager.medianDaysToPaid().size()));
            int k = 0;
            for (Map.Entry<String, BigDecimal> median : manager.medianDaysToPaid().entrySet()) {
                out.put(key + "median." + k + ".step", median.getKey());
                out.put(key + "median." + k + ".days", median.getValue().toPlainString());
                k++;
            }
        }
        return out.text();
    }

    private static void money(Lines out, String key, Money money) {
        if (money != null) {
            out.put(key + ".amount", money.amount().toPlainString());
            out.put(key + ".currency", money.currency());
        }
    }

    /**
     * Reads a definition back.
     *
     * @throws IllegalStateException naming the goal and what is damaged, if the text is not one this codec wrote
     */
    public static Definition decode(String goalId, String text) {
        try {
            Fields in = Fields.parse(text);
            Scope scope = new Scope(Scope.Type.parse(in.required("input.scope.type"), "input.scope.type"),
                    in.required("input.scope.id"));
            String period = in.required("input.period");
            String paidDeals = in.optional("input.goal.paidDeals");
            GoalAmount goal = new GoalAmount(paidDeals == null ? null : Long.valueOf(paidDeals),
                    money(in, "input.goal.revenue"), money(in, "input.goal.averagePaidDeal"));
            String weeksRule = in.optional("input.weeksRule");
            String method = in.optional("input.method");
            String windowDays = in.optional("input.windowDays");
            int pinnedCount = in.count("input.pinned.count");
            List<PinnedRate> pinned = new ArrayList<>(pinnedCount);
            for (int i = 0; i < pinnedCount; i++) {
                pinned.add(new PinnedRate(in.required("input.pinned." + i + ".from"), in.required("input.pinned." + i + ".to"),
                        in.required("input.pinned." + i + ".rate")));
            }
            GoalInput input = new GoalInput(scope, period, goal, weeksRule,
                    method == null ? null : ConversionMethod.parse(method, "input.method"),
                    windowDays == null ? null : Integer.valueOf(windowDays), pinned, in.optional("input.note"));

            PlanPeriod usedPeriod = PlanPeriod.parse(in.required("used.period"));
            WeeksRule usedRule = WeeksRule.parse(in.required("used.weeksRule"), "used.weeksRule");
            ConversionMethod usedMethod = ConversionMethod.parse(in.required("used.method"), "used.method");
            int usedWindow = Integer.parseInt(in.required("used.windowDays"));
            int stepCount = in.count("used.steps.count");
            List<FunnelStep> steps = new ArrayList<>(stepCount);
            for (int i = 0; i < stepCount; i++) {
                String key = "used.step." + i + ".";
                steps.add(new FunnelStep(in.required(key + "id"), StepKind.valueOf(in.required(key + "kind").toUpperCase(Locale.ROOT)),
                        in.required(key + "singular"), in.required(key + "plural")));
            }
            AverageDeal average = null;
            Money averageAmount = money(in, "used.average");
            if (averageAmount != null) {
                String source = in.required("used.average.source");
                if (!source.equals("measured") && !source.equals("given")) {
                    throw new IllegalArgumentException("used.average.source is '" + source + "', neither measured nor given");
                }
                average = new AverageDeal(averageAmount, source.equals("measured"), in.required("used.average.explanation"));
            }
            int managerCount = in.count("used.managers.count");
            List<ManagerBasis> managers = new ArrayList<>(managerCount);
            for (int m = 0; m < managerCount; m++) {
                String key = "used.manager." + m + ".";
                int rateCount = in.count(key + "rates.count");
                List<RateBasis> rates = new ArrayList<>(rateCount);
                for (int r = 0; r < rateCount; r++) {
                    String rateKey = key + "rate." + r + ".";
                    rates.add(new RateBasis(in.required(rateKey + "from"), in.required(rateKey + "to"),
                            Fraction.parse(in.required(rateKey + "rate")),
                            RateSource.valueOf(in.required(rateKey + "source").toUpperCase(Locale.ROOT)),
                            Long.parseLong(in.required(rateKey + "sample")), in.required(rateKey + "explanation")));
                }
                int medianCount = in.count(key + "medians.count");
                Map<String, BigDecimal> medians = new LinkedHashMap<>();
                for (int k = 0; k < medianCount; k++) {
                    medians.put(in.required(key + "median." + k + ".step"), new BigDecimal(in.required(key + "median." + k + ".days")));
                }
                managers.add(new ManagerBasis(in.required(key + "id"), ZoneId.of(in.required(key + "zone")),
                        LocalDate.parse(in.required(key + "asOf")), rates, medians));
            }
            in.checkAllRead();
            return new Definition(input, new Derivation(scope, usedPeriod, goal, usedRule, usedMethod, usedWindow, steps,
                    average, managers));
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            // Every parse failure (NumberFormatException, ValidationException, PlanValidationException are among them)
            // means the same to a reader: the stored text is not what this codec writes.
            throw new IllegalStateException("goal " + goalId + ": its stored definition is damaged and cannot be read ("
                    + e.getMessage() + "); delete the goal and set it again", e);
        }
    }

    private static Money money(Fields in, String key) {
        String amount = in.optional(key + ".amount");
        String currency = in.optional(key + ".currency");
        if (amount == null && currency == null) {
            return null;
        }
        if (amount == null || currency == null) {
            throw new IllegalArgumentException(key + " needs both amount and currency");
        }
        return new Money(currency, new BigDecimal(amount));
    }

    /** Escapes a value onto one line. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Undoes {@link #escape}. */
    static String unescape(String value, int line) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                plain.append(c);
                continue;
            }
            if (++i == value.length()) {
                throw new IllegalArgumentException("line " + line + " ends in a lone backslash");
            }
            switch (value.charAt(i)) {
                case '\\' -> plain.append('\\');
                case 'n' -> plain.append('\n');
                case 'r' -> plain.append('\r');
                default -> throw new IllegalArgumentException("line " + line + " has an unknown escape \\" + value.charAt(i));
            }
        }
        return plain.toString();
    }

    private static final class Lines {
        private final StringBuilder text = new StringBuilder(HEADER).append('\n');

        void put(String key, String value) {
            text.append(key).append('=').append(escape(value)).append('\n');
        }

        void putIfPresent(String key, String value) {
            if (value != null) {
                put(key, value);
            }
        }

        String text() {
            return text.toString();
        }
    }

    private static final class Fields {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Map<String, Integer> lines = new LinkedHashMap<>();

        static Fields parse(String text) {
            if (text == null) {
                throw new IllegalArgumentException("there is no text");
            }
            String[] lines = text.split("\n", -1);
            if (!lines[0].equals(HEADER)) {
                throw new IllegalArgumentException("the first line is '" + lines[0] + "', not '" + HEADER + "'");
            }
            Fields fields = new Fields();
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty() && i == lines.length - 1) {
                    break;
                }
                int equals = line.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("line " + (i + 1) + " is not key=value: '" + line + "'");
                }
                String key = line.substring(0, equals);
                if (fields.values.put(key, unescape(line.substring(equals + 1), i + 1)) != null) {
                    throw new IllegalArgumentException("line " + (i + 1) + " repeats " + key + " (first on line "
                            + fields.lines.get(key) + ")");
                }
                fields.lines.put(key, i + 1);
            }
            return fields;
        }

        String optional(String key) {
            lines.remove(key);
            return values.get(key);
        }

        String required(String key) {
            String value = optional(key);
            if (value == null) {
                throw new IllegalArgumentException(key + " is missing");
            }
            return value;
        }

        int count(String key) {
            int count = Integer.parseInt(required(key));
            // Each counted item takes at least one line: a larger count is damage, not a reason to allocate.
            if (count < 0 || count > values.size()) {
                throw new IllegalArgumentException(key + " is " + count + ", not a count of the " + values.size()
                        + " lines there are");
            }
            return count;
        }

        void checkAllRead() {
            if (!lines.isEmpty()) {
                Map.Entry<String, Integer> first = lines.entrySet().iterator().next();
                throw new IllegalArgumentException("line " + first.getValue() + " has an unknown key " + first.getKey());
            }
        }
    }
}
