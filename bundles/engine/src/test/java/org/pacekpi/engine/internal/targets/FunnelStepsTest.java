package org.pacekpi.engine.internal.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.engine.internal.plan.FunnelStep;
import org.pacekpi.engine.internal.plan.StepKind;

/** The configured stages as plan steps: their words in sentences, their metrics, and a chain a goal can go through. */
class FunnelStepsTest {

    @Test
    void knownStepsKeepTheirWordsAndOthersTakeTheirLabel() {
        List<FunnelStep> steps = FunnelSteps.of(List.of(FakeFunnelService.activity("touches", "touches"),
                FakeFunnelService.activity("meetingsHeld", "Meeting held"), FakeFunnelService.stage("demo", "demo"),
                FakeFunnelService.stage("pitch", "pitch"), FakeFunnelService.stage("reply", "reply"),
                FakeFunnelService.stage("proposal", "quote"), new FunnelStage("paid", "STAGE", null, List.of())));

        assertThat(steps).extracting(FunnelStep::id, FunnelStep::kind, FunnelStep::singular, FunnelStep::plural).containsExactly(
                tuple("touches", StepKind.ACTIVITY, "touch", "touches"),
                tuple("meetingsHeld", StepKind.ACTIVITY, "meeting held", "meetings held"),
                tuple("demo", StepKind.STAGE, "demo", "demos"),
                tuple("pitch", StepKind.STAGE, "pitch", "pitches"),
                tuple("reply", StepKind.STAGE, "reply", "replies"),
                tuple("proposal", StepKind.STAGE, "quote", "quotes"),
                tuple("paid", StepKind.STAGE, "paid deal", "paid deals"));
        assertThat(FunnelSteps.metric(steps.get(0), false)).isEqualTo("touches");
        assertThat(FunnelSteps.metric(steps.get(2), false)).isEqualTo("stage:demo");
        assertThat(FunnelSteps.metric(steps.get(6), true)).isEqualTo("dealsWon");
        assertThat(FunnelSteps.plural("day")).isEqualTo("days");
        assertThat(FunnelSteps.plural("Box")).isEqualTo("Boxes");
    }

    @Test
    void aFunnelAGoalCannotGoThroughIsAConfigurationError() {
        TargetWorld world = new TargetWorld();
        world.funnel.steps(List.of(FakeFunnelService.stage("proposal", "proposal"), FakeFunnelService.activity("touches", "touch")));
        assertThatThrownBy(() -> world.service().derive(TargetWorld.request(TargetWorld.ANNA, GoalAmount.paidDeals(1), List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the configured funnel (org.pacekpi.funnel) is not a chain a goal can be derived through: ");
        world.funnel.steps(List.of(new FunnelStage("x", "milestone", "x", List.of())));
        assertThatThrownBy(() -> world.service().derive(new DeriveRequest(TargetWorld.ANNA, "2026-03", GoalAmount.paidDeals(1),
                null, null, null, List.of(), null))).isInstanceOf(IllegalStateException.class)
                .hasMessage("the funnel's step 'x' is of kind 'milestone', neither activity nor stage");
    }
}
