package org.pacekpi.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.PinnedRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.ValidationException;

class DeriveCommandTest {

    private final FakeTargets targets = new FakeTargets();
    private final Output output = new Output();

    private DeriveCommand command(String scope, String period) {
        DeriveCommand command = new DeriveCommand();
        command.targets = targets;
        command.directory = new FakeDirectory();
        command.out = output.stream;
        command.shellUser = () -> "karaf";
        command.scope = scope;
        command.period = period;
        return command;
    }

    @Test
    void perManagerATableOfStepsWithWeekAndDayTargetsAndNeededBy() {
        DeriveCommand command = command("team:north", "2026-03");
        command.paidDeals = 3L;
        assertThat(command.execute()).isNull();

        assertThat(targets.calls).containsExactly("derive team:north 2026-03");
        assertThat(targets.derived.goal()).isEqualTo(GoalAmount.paidDeals(3));
        assertThat(targets.derived.method()).isNull();
        assertThat(targets.derived.pinnedRates()).isEmpty();
        List<String> lines = output.lines();
        assertThat(lines.get(0)).isEqualTo("North (team:north), 2026-03 (2026-03-01 .. 2026-03-31): 3 paid deals");
        assertThat(lines.get(1)).isEqualTo("Weeks: working-calendar; conversions: cohort, measured 2025-09-02 .."
                + " 2026-03-01");
        assertThat(lines.get(2)).isEqualTo("Split: 3 paid deals split evenly among 1 manager");
        assertThat(lines).contains("Zoe North (m1), as of 2026-03-02 (Europe/Moscow): 3 paid deals, 20 working days,"
                + " 4 weeks");
        assertThat(output.row("Step")).contains(List.of("Step", "Target", "Needed", "Per week", "Week target",
                "Per working day", "Day target", "Needed by", "How"));
        // the worked example: 9 proposals, 2.25 a week (target 3); 18 meetings, 4.5 a week (target 5)
        assertThat(output.row("proposal")).contains(List.of("proposal", "9", "9", "2.25 (9/4)", "3", "0.45 (9/20)",
                "1", "2026-03-10 (late)", "9 proposals: 3 paid deals / 1 paid deal per 3 proposals"));
        assertThat(output.row("meeting")).hasValueSatisfying(row -> assertThat(row.subList(0, 8))
                .containsExactly("meeting", "18", "18", "4.5 (9/2)", "5", "0.9 (9/10)", "1", "-"));
        assertThat(output.row("From")).contains(List.of("From", "To", "Rate", "Source", "Sample"));
        assertThat(output.row("proposal", 1)).contains(List.of("proposal", "paid", "0.3333 (1/3)", "measured",
                "42"));
        assertThat(output.row("meeting", 1)).contains(List.of("meeting", "proposal", "0.5 (1/2)", "pinned", "-"));
        assertThat(output.text()).contains("(--explain for the arithmetic of every number)")
                .doesNotContain("14 of 42 proposals were paid");
    }

    @Test
    void explainPrintsEverySentence() {
        DeriveCommand command = command("manager:m1", "2026-03");
        command.paidDeals = 3L;
        command.explain = true;
        command.execute();

        assertThat(output.text()).contains("Paid deals: 3 paid deals: the goal")
                .contains("Weeks: 4 weeks: 20 working days / 5 a week")
                .contains("  2.25 a week; target 3")
                .contains("  9 proposals by 10 March: 21 days to paid (median); late")
                .contains("proposal -> paid: 14 of 42 proposals were paid")
                .doesNotContain("--explain for");
        assertThat(output.lines().get(0)).startsWith("Zoe North (manager:m1), 2026-03");
    }

    @Test
    void aMoneyGoalWithAverageDealPinsMethodAndDay() {
        DeriveCommand command = command("manager:m1", "2026-Q1");
        command.revenue = "30000.00";
        command.currency = "eur";
        command.averageDeal = "10000";
        command.method = "Snapshot";
        command.weeksRule = "four-weeks-a-month";
        command.windowDays = 90;
        command.pins = List.of("meeting:proposal=0.5", "proposal:paid=0.33");
        command.asOf = "2026-01-05";
        command.execute();

        assertThat(targets.derived.scope()).isEqualTo(Scope.manager("m1"));
        assertThat(targets.derived.goal()).isEqualTo(new GoalAmount(null, new Money("EUR", new BigDecimal("30000.00")),
                new Money("EUR", new BigDecimal("10000"))));
        assertThat(targets.derived.method()).isEqualTo(ConversionMethod.SNAPSHOT);
        assertThat(targets.derived.weeksRule()).isEqualTo("four-weeks-a-month");
        assertThat(targets.derived.windowDays()).isEqualTo(90);
        assertThat(targets.derived.pinnedRates()).containsExactly(
                new PinnedRate("meeting", "proposal", "0.5"), new PinnedRate("proposal", "paid", "0.33"));
        assertThat(targets.derived.asOf()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(output.lines().get(0)).endsWith(": 30000.00 EUR (average paid deal 10000 EUR)");
    }

    @Test
    void theServicesValidationErrorsNameTheOption() {
        DeriveCommand negative = command("team:north", "2026-03");
        negative.paidDeals = -3L;
        assertThatThrownBy(negative::execute).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--paid-deals: must be positive, was -3 (goal.paidDeals)")
                .hasCauseInstanceOf(ValidationException.class);

        DeriveCommand aboveOne = command("team:north", "2026-03");
        aboveOne.paidDeals = 3L;
        aboveOne.pins = List.of("meeting:proposal=0.5", "proposal:paid=1.5");
        assertThatThrownBy(aboveOne::execute)
                .hasMessage("--pin #2: must be above 0 and at most 1, was 1.5 (pinnedRates[1].rate)");

        DeriveCommand period = command("team:north", "March");
        period.paidDeals = 3L;
        assertThatThrownBy(period::execute)
                .hasMessage("<period>: must be a month (2026-03) or a quarter (2026-Q1), was 'March' (period)");

        DeriveCommand money = command("team:north", "2026-03");
        money.revenue = "-5";
        money.currency = "EUR";
        assertThatThrownBy(money::execute).hasMessage("--revenue: must be positive, was -5 (goal.revenue.amount)");
        assertThat(output.text()).isEmpty();
    }

    @Test
    void badOptionsAreRefusedBeforeTheServiceIsAsked() {
        assertRefused(command("north", "2026-03"), "<scope> must be team:<teamId> or manager:<managerId>, was"
                + " 'north'");
        assertRefused(command("club:north", "2026-03"), "<scope> must be team:<teamId> or manager:<managerId>, was"
                + " 'club:north'");
        assertRefused(command("team:north", "2026-03"), "a goal is required: --paid-deals N, or --revenue AMOUNT"
                + " --currency C [--average-deal AMOUNT]");
        DeriveCommand both = command("team:north", "2026-03");
        both.paidDeals = 3L;
        both.revenue = "100";
        assertRefused(both, "give --paid-deals or --revenue, not both");
        DeriveCommand noCurrency = command("team:north", "2026-03");
        noCurrency.revenue = "100";
        assertRefused(noCurrency, "--revenue needs --currency, e.g. --currency EUR");
        DeriveCommand notANumber = command("team:north", "2026-03");
        notANumber.revenue = "lots";
        notANumber.currency = "EUR";
        assertRefused(notANumber, "--revenue must be a number such as 30000 or 0.33, was 'lots'");
        DeriveCommand badPin = command("team:north", "2026-03");
        badPin.paidDeals = 3L;
        badPin.pins = List.of("proposal=0.3");
        assertRefused(badPin, "--pin must be from:to=rate, e.g. proposal:paid=1/3; was 'proposal=0.3'");
        DeriveCommand badMethod = command("team:north", "2026-03");
        badMethod.paidDeals = 3L;
        badMethod.method = "best";
        assertRefused(badMethod, "--method must be cohort or snapshot, was 'best'");
        DeriveCommand badDay = command("team:north", "2026-03");
        badDay.paidDeals = 3L;
        badDay.asOf = "5.1.2026";
        assertRefused(badDay, "--as-of must be YYYY-MM-DD, was '5.1.2026'");
    }

    private void assertRefused(DeriveCommand command, String message) {
        assertThatThrownBy(command::execute).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(targets.calls).isEmpty();
        assertThat(output.text()).isEmpty();
    }
}
