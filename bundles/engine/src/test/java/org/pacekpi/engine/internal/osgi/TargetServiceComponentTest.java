package org.pacekpi.engine.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.GoalRecord;
import org.pacekpi.api.targets.PinnedRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetInput;
import org.pacekpi.api.targets.TargetRecord;
import org.pacekpi.api.targets.TargetService;
import org.pacekpi.engine.internal.InMemoryDirectory;
import org.pacekpi.engine.internal.calendar.CalendarSettings;
import org.pacekpi.engine.internal.calendar.WorkingCalendars;
import org.pacekpi.engine.internal.plan.WeeksRule;
import org.pacekpi.engine.internal.targets.DailyTotals;
import org.pacekpi.engine.internal.targets.FakeFunnelService;
import org.pacekpi.engine.internal.targets.InMemoryTargetStore;
import org.pacekpi.engine.internal.targets.TargetSettings;

/** The published target service: its configuration as ConfigAdmin delivers it, and every call answered. */
class TargetServiceComponentTest {

    private static TargetsConfig config(String weeksRule, String method, int windowDays) {
        return new TargetsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TargetsConfig.class;
            }

            @Override
            public String weeksRule() {
                return weeksRule;
            }

            @Override
            public String method() {
                return method;
            }

            @Override
            public int windowDays() {
                return windowDays;
            }

            @Override
            public boolean headsOfSalesWrite() {
                return false;
            }
        };
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(TargetServiceComponent.settings(config("working-calendar", "cohort", 180))).isEqualTo(TargetSettings.DEFAULTS);
        assertThat(TargetServiceComponent.settings(config("four-weeks-a-month", "SNAPSHOT", 30)))
                .isEqualTo(new TargetSettings(WeeksRule.FOUR_WEEKS_A_MONTH, ConversionMethod.SNAPSHOT, 30));
        assertThat(TargetsConfig.class.getMethods()).extracting(java.lang.reflect.Method::getName)
                .contains("headsOfSalesWrite");
    }

    @Test
    void wrongValuesNameTheKey() {
        assertThatThrownBy(() -> TargetServiceComponent.settings(config("weekly", "cohort", 180)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("org.pacekpi.targets: weeksRule: must be one of working-calendar, four-weeks-a-month; was 'weekly'");
        assertThatThrownBy(() -> TargetServiceComponent.settings(config("working-calendar", "median", 180)))
                .hasMessage("org.pacekpi.targets: method: must be cohort or snapshot, was 'median'");
        assertThatThrownBy(() -> TargetServiceComponent.settings(config("working-calendar", "cohort", 5)))
                .hasMessage("org.pacekpi.targets: windowDays must be 7 to 1095 days, was 5");
    }

    @Test
    void everyCallIsAnswered() {
        InMemoryDirectory directory = new InMemoryDirectory().schedule(InMemoryDirectory.WEEKDAYS).addTeam("north")
                .manager("anna", "Europe/Moscow", "north");
        FakeFunnelService funnel = new FakeFunnelService();
        TargetService service = new TargetServiceComponent(new InMemoryTargetStore(), new DailyTotals(), funnel, directory,
                WorkingCalendars.of(CalendarSettings.none())::forUser, TargetSettings.DEFAULTS,
                Clock.fixed(Instant.parse("2026-03-11T12:00:00Z"), ZoneOffset.UTC));
        Scope anna = Scope.manager("anna");
        List<PinnedRate> pins = List.of(new PinnedRate("meeting", "intro", "1"),
                new PinnedRate("intro", "presentation", "1"), new PinnedRate("presentation", "proposal", "0.5"),
                new PinnedRate("proposal", "paid", "1/3"));

        assertThat(service.derive(new DeriveRequest(anna, "2026-03", GoalAmount.paidDeals(3), "four-weeks-a-month", null,
                null, pins, null)).managers().get(0).steps().get(3).target()).isEqualTo(9);
        GoalRecord goal = service.createGoal(new GoalInput(anna, "2026-03", GoalAmount.paidDeals(3), null, null, null, pins,
                null), "admin");
        assertThat(service.goal(goal.id())).isEqualTo(goal);
        assertThat(service.goals(anna, "2026-03")).containsExactly(goal);
        GoalRecord rederived = service.rederive(goal.id(), 1, "admin");
        GoalRecord updated = service.updateGoal(goal.id(), rederived.version(), new GoalInput(anna, "2026-03",
                GoalAmount.paidDeals(6), null, null, null, pins, null), "admin");
        assertThat(updated.version()).isEqualTo(3);
        TargetRecord manual = service.createTarget(new TargetInput(anna, "touches", "2026-03", 100, null), "admin");
        assertThat(service.target(manual.id())).isEqualTo(manual);
        assertThat(service.targets(anna, "2026-03", "touches")).containsExactly(manual);
        TargetRecord changed = service.updateTarget(manual.id(), 1, new TargetInput(anna, "touches", "2026-03", 90, null), "admin");
        assertThat(service.managerPacing("anna", LocalDate.of(2026, 3, 11))).hasSize(6);
        assertThat(service.teamPacing("north", LocalDate.of(2026, 3, 11))).isEmpty();
        service.deleteTarget(manual.id(), changed.version(), "admin");
        service.deleteGoal(goal.id(), 3, "admin");
        assertThat(service.history(manual.id())).hasSize(3);
        assertThat(service.targets(null, null, null)).isEmpty();
    }
}
