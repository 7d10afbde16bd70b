package org.pacekpi.engine.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;
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
import org.pacekpi.engine.internal.plan.WeeksRule;
import org.pacekpi.engine.internal.targets.Derivation.AverageDeal;
import org.pacekpi.engine.internal.targets.Derivation.ManagerBasis;
import org.pacekpi.engine.internal.targets.Derivation.RateBasis;

/** A goal's definition reads back equal to what was written, and damage is reported with the goal's id. */
class GoalCodecTest {

    private static final List<FunnelStep> STEPS = List.of(FunnelStep.DEFAULT_STAGES.get(3), FunnelStep.DEFAULT_STAGES.get(4));

    private static Derivation derivation(Scope scope, GoalAmount goal, AverageDeal average, String explanation) {
        return new Derivation(scope, PlanPeriod.month(YearMonth.of(2026, 3)), goal, WeeksRule.FOUR_WEEKS_A_MONTH,
                ConversionMethod.SNAPSHOT, 90, STEPS, average, List.of(new ManagerBasis("anna", ZoneId.of("Asia/Tokyo"),
                        LocalDate.of(2026, 3, 2), List.of(new RateBasis("proposal", "paid", Fraction.of(1, 3), RateSource.MEASURED,
                        42, explanation)), Map.of("proposal", new BigDecimal("12.50")))));
    }

    @Test
    void theFormatIsVersionedLineByLine() {
        GoalInput input = new GoalInput(Scope.manager("anna"), "2026-03", GoalAmount.paidDeals(3), null, null, null,
                List.of(), null);
        String text = GoalCodec.encode(input, derivation(input.scope(), input.goal(), null, "14 of 42"));

        assertThat(text).startsWith("pace-goal v1\ninput.scope.type=manager\ninput.scope.id=anna\ninput.period=2026-03\n"
                + "input.goal.paidDeals=3\ninput.pinned.count=0\nused.period=2026-03\nused.weeksRule=four-weeks-a-month\n");
        assertThat(text).contains("\nused.manager.0.rate.0.rate=1/3\n", "\nused.manager.0.median.0.days=12.50\n");
        assertThat(GoalCodec.decode("g1", text)).isEqualTo(new GoalCodec.Definition(input,
                derivation(input.scope(), input.goal(), null, "14 of 42")));
    }

    @Test
    void valuesWithLineBreaksBackslashesAndEqualSignsSurvive() {
        String note = "line one\nline two\r\nC:\\temp\\new = 50% \\n literal";
        GoalInput input = new GoalInput(Scope.team("north=east"), "2026-q1", new GoalAmount(null, new Money("EUR",
                new BigDecimal("10000.00")), new Money("EUR", new BigDecimal("2500.0"))), "working-calendar",
                ConversionMethod.COHORT, 30, List.of(new PinnedRate("proposal", "paid", "0.3330")), note);
        Derivation derivation = derivation(input.scope(), input.goal(),
                new AverageDeal(new Money("EUR", new BigDecimal("2500.0")), false, "given"), "a\\b\nc");

        String text = GoalCodec.encode(input, derivation);

        assertThat(text.lines().filter(line -> line.startsWith("input.note="))).containsExactly(
                "input.note=line one\\nline two\\r\\nC:\\\\temp\\\\new = 50% \\\\n literal");
        GoalCodec.Definition read = GoalCodec.decode("g1", text);
        assertThat(read.input()).isEqualTo(input);
        assertThat(read.input().goal().revenue().amount().scale()).isEqualTo(2);
        assertThat(read.derivation()).isEqualTo(derivation);
    }

    @Test
    void damageIsReportedWithTheGoalsIdAndWhatIsWrong() {
        GoalInput input = new GoalInput(Scope.manager("anna"), "2026-03", GoalAmount.paidDeals(3), null, null, null,
                List.of(), null);
        // 33 lines: the header, 6 of input, 4 of settings, the step count and 2 x 4 of steps, 14 of the manager.
        String good = GoalCodec.encode(input, derivation(input.scope(), input.goal(), null, "x"));
        assertThat(good.lines()).hasSize(33);

        assertDamaged(null, "there is no text");
        assertDamaged(good.replace("pace-goal v1", "pace-goal v2"), "the first line is 'pace-goal v2', not 'pace-goal v1'");
        assertDamaged(good + "used.colour=blue\n", "line 34 has an unknown key used.colour");
        assertDamaged(good + "input.period=2026-04\n", "line 34 repeats input.period (first on line 4)");
        assertDamaged(good.replace("input.goal.paidDeals=3", "input.goal.paidDeals=three"), "For input string: \"three\"");
        assertDamaged(good.replace("input.goal.paidDeals=3\n", "input.goal.paidDeals\n"), "line 5 is not key=value: 'input.goal.paidDeals'");
        assertDamaged(good.replace("rate.0.explanation=x", "rate.0.explanation=x\\t"), "line 30 has an unknown escape \\t");
        assertDamaged(good.replace("rate.0.explanation=x", "rate.0.explanation=x\\"), "line 30 ends in a lone backslash");
        assertDamaged(good.replace("used.manager.0.rate.0.rate=1/3", "used.manager.0.rate.0.rate=1/0"),
                "'1/0' is not a fraction such as 9, 9/4 or 2.25");
        assertDamaged(good.replace("used.steps.count=2", "used.steps.count=2000000000"),
                "used.steps.count is 2000000000, not a count of the 32 lines there are");
        assertDamaged(good.replace("used.manager.0.zone=Asia/Tokyo", "used.manager.0.zone=Mars/Olympus"),
                "Unknown time-zone ID: Mars/Olympus");
    }

    private static void assertDamaged(String text, String reason) {
        assertThatThrownBy(() -> GoalCodec.decode("goal-7", text)).isInstanceOf(IllegalStateException.class)
                .hasMessage("goal goal-7: its stored definition is damaged and cannot be read (" + reason
                        + "); delete the goal and set it again");
    }

    @Provide
    Arbitrary<String> texts() {
        // Any characters, line breaks and backslashes included.
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("\\\n\r=ab ").ofMaxLength(12));
    }

    @Provide
    Arbitrary<GoalCodec.Definition> definitions() {
        Arbitrary<Scope> scopes = Combinators.combine(Arbitraries.of(Scope.Type.class),
                texts().filter(text -> !text.isBlank())).as(Scope::new);
        Arbitrary<BigDecimal> amounts = Combinators.combine(Arbitraries.longs().between(1, 1_000_000_000L),
                Arbitraries.integers().between(0, 4)).as(BigDecimal::valueOf);
        Arbitrary<GoalAmount> goals = Arbitraries.oneOf(Arbitraries.longs().between(1, 10_000).map(GoalAmount::paidDeals),
                amounts.map(amount -> new GoalAmount(null, new Money("EUR", amount), null)),
                Combinators.combine(amounts, amounts).as((revenue, average) -> new GoalAmount(null, new Money("EUR", revenue),
                        new Money("EUR", average))));
        Arbitrary<List<PinnedRate>> pins = Combinators.combine(texts(), texts(), amounts)
                .as((from, to, rate) -> new PinnedRate(from, to, rate.toPlainString())).list().ofMaxSize(3);
        Arbitrary<Integer> windows = Arbitraries.integers().between(7, 1095).injectNull(0.3);
        Arbitrary<GoalInput> inputs = Combinators.combine(scopes, goals, texts().injectNull(0.5), pins, windows,
                texts().injectNull(0.5), Arbitraries.of(ConversionMethod.class).injectNull(0.5))
                .as((scope, goal, rule, pinned, window, note, method) -> new GoalInput(scope, "2026-03", goal, rule,
                        method, window, pinned, note));
        Arbitrary<RateBasis> rates = Combinators.combine(texts(), texts(), Arbitraries.integers().between(1, 50),
                Arbitraries.integers().between(1, 50), Arbitraries.of(RateSource.class), texts())
                .as((from, to, a, b, source, explanation) -> new RateBasis(from, to, Fraction.of(Math.min(a, b), Math.max(a, b)),
                        source, source == RateSource.PINNED ? 0 : a, explanation));
        Arbitrary<ManagerBasis> managers = Combinators.combine(texts(), Arbitraries.of("UTC", "Europe/Moscow", "Asia/Tokyo"),
                Arbitraries.integers().between(0, 3000), rates.list().ofMaxSize(4),
                Arbitraries.maps(texts(), amounts).ofMaxSize(3))
                .as((id, zone, day, rateList, medians) -> new ManagerBasis(id, ZoneId.of(zone),
                        LocalDate.of(2020, 1, 1).plusDays(day), rateList, new LinkedHashMap<>(medians)));
        Arbitrary<FunnelStep> steps = Combinators.combine(texts().filter(text -> !text.isBlank()),
                texts().filter(text -> !text.isBlank()), texts().filter(text -> !text.isBlank()), Arbitraries.of(true, false))
                .as((id, singular, plural, stage) -> stage ? FunnelStep.stage(id, singular, plural)
                        : FunnelStep.activity(id, singular, plural));
        return Combinators.combine(inputs, managers.list().ofMinSize(1).ofMaxSize(3), steps.list().ofMaxSize(5),
                Arbitraries.of(WeeksRule.class), Arbitraries.of(ConversionMethod.class), texts(), amounts)
                .as((input, managerList, stepList, rule, method, explanation, average) -> new GoalCodec.Definition(input,
                        new Derivation(input.scope(), PlanPeriod.quarter(2026, 2), input.goal(), rule, method, 180,
                                new ArrayList<>(stepList), input.goal().revenue() == null ? null
                                : new AverageDeal(new Money("EUR", average), average.scale() % 2 == 0, explanation),
                                managerList)));
    }

    @Property(tries = 300)
    void everyDefinitionReadsBackEqual(@ForAll("definitions") GoalCodec.Definition definition) {
        String text = GoalCodec.encode(definition.input(), definition.derivation());

        assertThat(GoalCodec.decode("g", text)).isEqualTo(definition);
    }
}
