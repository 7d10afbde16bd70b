package org.pacekpi.engine.internal.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.engine.internal.plan.FunnelStep;

/** The funnel configuration: defaults, lists as a .cfg file gives them, and errors naming the property. */
class FunnelSettingsTest {

    private static final String[] DEFAULT_STAGES = {"meeting", "intro", "presentation", "proposal", "paid"};
    private static final String[] DEFAULT_ACTIVITIES = {"touches", "firstContacts", "meetingsHeld"};

    @Test
    void theConfigurationDefaultsAreTheDocumentedDefaults() {
        FunnelSettings settings = FunnelSettings.of(DEFAULT_STAGES, new String[0], new String[0], DEFAULT_ACTIVITIES,
                180, 10, 30);

        assertThat(settings).isEqualTo(FunnelSettings.DEFAULTS);
        assertThat(settings.steps()).extracting(FunnelStep::id).containsExactly("touches", "firstContacts",
                "meetingsHeld", "meeting", "intro", "presentation", "proposal", "paid");
        assertThat(settings.paid()).isEqualTo(FunnelStep.stage("paid", "paid deal", "paid deals"));
        assertThat(settings.tooYoungFallback()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.toString()).isEqualTo("stages meeting > intro > presentation > proposal > paid (host "
                + "stages {}), activities touches > firstContacts > meetingsHeld, window 180 days, shrinkage weight "
                + "10, too young fallback 30 days");
    }

    @Test
    void commaListsFromACfgFileNamesAndMappingsAreRead() {
        FunnelSettings settings = FunnelSettings.of(new String[] {"lead, demo,offer , won"},
                new String[] {"demo=demo/demos, offer=offer", "touches:phone=call/calls"},
                new String[] {"qualified=lead, Demo Scheduled=demo", "invoice paid=won"},
                new String[] {"touches:phone, newContacts"}, 90, 0, 0);

        assertThat(settings.stages()).containsExactly(FunnelStep.stage("lead", "lead", "leads"),
                FunnelStep.stage("demo", "demo", "demos"), FunnelStep.stage("offer", "offer", "offers"),
                FunnelStep.stage("won", "won", "wons"));
        assertThat(settings.activities()).containsExactly(FunnelStep.activity("touches:phone", "call", "calls"),
                FunnelStep.activity("newContacts", "new contact", "new contacts"));
        assertThat(settings.hostStages()).isEqualTo(Map.of("qualified", "lead", "Demo Scheduled", "demo",
                "invoice paid", "won"));
        assertThat(settings.stageIndex("Demo Scheduled")).contains(1);
        assertThat(settings.stageIndex("offer")).contains(2);
        assertThat(settings.stageIndex("invoice paid")).contains(3);
        assertThat(settings.stageIndex("negotiation")).isEmpty();
        assertThat(settings.stageIndex(null)).isEmpty();
        assertThat(settings.windowDays()).isEqualTo(90);
    }

    @Test
    void theStepsDescribeTheirHostStages() {
        FunnelSettings settings = FunnelSettings.of(new String[] {"meeting", "intro", "paid"}, null,
                new String[] {"qualified=meeting", "meeting=intro", "closed won=paid"}, new String[] {"touches"},
                180, 10, 30);

        assertThat(settings.funnelStages()).containsExactly(
                new FunnelStage("touches", "activity", "touch", List.of()),
                // "meeting" itself is mapped onto intro, so only "qualified" reaches Pace's meeting.
                new FunnelStage("meeting", "stage", "meeting", List.of("qualified")),
                new FunnelStage("intro", "stage", "intro", List.of("meeting", "intro")),
                new FunnelStage("paid", "stage", "paid deal", List.of("closed won", "paid")));
    }

    @Test
    void noActivitiesIsAFunnelOfStagesAlone() {
        FunnelSettings settings = FunnelSettings.of(new String[] {"paid"}, null, null, new String[] {""}, 1, 0, 0);

        assertThat(settings.activities()).isEmpty();
        assertThat(settings.steps()).containsExactly(FunnelStep.stage("paid", "paid deal", "paid deals"));
    }

    @Test
    void wrongStagesNameTheProperty() {
        assertThatThrownBy(() -> of(new String[] {" , "}, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("org.pacekpi.funnel: stages: at least one stage is needed (the last one is paid)");
        assertThatThrownBy(() -> of(new String[] {"meeting, proposal, meeting, paid"}, null, null, null))
                .hasMessage("org.pacekpi.funnel: stages: 'meeting' appears twice");
        assertThatThrownBy(() -> of(new String[] {"touches, paid"}, null, null, new String[] {"touches"}))
                .hasMessage("org.pacekpi.funnel: stages: 'touches' appears twice (it is also an activity)");
        assertThatThrownBy(() -> of(new String[] {"first meeting, paid"}, null, null, null))
                .hasMessage("org.pacekpi.funnel: stages: 'first meeting' is not a stage id (a letter, then letters, "
                        + "digits, '_' or '-')");
    }

    @Test
    void wrongMappingsNameTheProperty() {
        assertThatThrownBy(() -> of(DEFAULT_STAGES, null, new String[] {"demo=demo"}, null))
                .hasMessage("org.pacekpi.funnel: hostStages: 'demo' is mapped onto 'demo', which is not one of the "
                        + "stages [meeting, intro, presentation, proposal, paid]");
        assertThatThrownBy(() -> of(DEFAULT_STAGES, null, new String[] {"demo=intro, demo=proposal"}, null))
                .hasMessage("org.pacekpi.funnel: hostStages: 'demo' is mapped onto both 'intro' and 'proposal'");
        assertThatThrownBy(() -> of(DEFAULT_STAGES, null, new String[] {"demo"}, null))
                .hasMessage("org.pacekpi.funnel: hostStages: 'demo' is not hostStageId=paceStageId, e.g. "
                        + "qualified=meeting");
        assertThatThrownBy(() -> of(DEFAULT_STAGES, null, new String[] {"=meeting"}, null))
                .hasMessage("org.pacekpi.funnel: hostStages: '=meeting' is not hostStageId=paceStageId, e.g. "
                        + "qualified=meeting");
        assertThatThrownBy(() -> of(DEFAULT_STAGES, null, new String[] {"touches=touches"}, DEFAULT_ACTIVITIES))
                .hasMessageStartingWith("org.pacekpi.funnel: hostStages: 'touches' is mapped onto 'touches', which "
                        + "is not one of the stages");
    }

    @Test
    void wrongNamesAndActivitiesNameTheProperty() {
        assertThatThrownBy(() -> of(DEFAULT_STAGES, new String[] {"demo=demo/demos"}, null, null))
                .hasMessage("org.pacekpi.funnel: stageNames: 'demo' is neither a stage nor an activity of the funnel "
                        + "[meeting, intro, presentation, proposal, paid]");
        assertThatThrownBy(() -> of(DEFAULT_STAGES, new String[] {"intro=a/b/c"}, null, null))
                .hasMessage("org.pacekpi.funnel: stageNames: 'intro=a/b/c' is not id=singular/plural, e.g. "
                        + "proposal=proposal/proposals");
        assertThatThrownBy(() -> of(DEFAULT_STAGES, new String[] {"intro=/intros"}, null, null))
                .hasMessageStartingWith("org.pacekpi.funnel: stageNames: 'intro=/intros' is not");
        assertThatThrownBy(() -> of(DEFAULT_STAGES, new String[] {"intro=intro, intro=pitch"}, null, null))
                .hasMessage("org.pacekpi.funnel: stageNames: 'intro' is named twice");
        assertThatThrownBy(() -> of(DEFAULT_STAGES, null, null, new String[] {"touches, calls"}))
                .hasMessage("org.pacekpi.funnel: activities: 'calls' is not an activity KPI; use callAttempts, "
                        + "firstContacts, meetingsHeld, newContacts, touches or touches:<channel>");
        assertThatThrownBy(() -> of(DEFAULT_STAGES, null, null, new String[] {"touches, touches"}))
                .hasMessage("org.pacekpi.funnel: activities: 'touches' appears twice");
    }

    @Test
    void wrongNumbersNameTheProperty() {
        assertThatThrownBy(() -> FunnelSettings.of(DEFAULT_STAGES, null, null, null, 0, 10, 30))
                .hasMessage("org.pacekpi.funnel: windowDays must be 1 to 1096, was 0");
        assertThatThrownBy(() -> FunnelSettings.of(DEFAULT_STAGES, null, null, null, 1097, 10, 30))
                .hasMessage("org.pacekpi.funnel: windowDays must be 1 to 1096, was 1097");
        assertThatThrownBy(() -> FunnelSettings.of(DEFAULT_STAGES, null, null, null, 180, -1, 30))
                .hasMessage("org.pacekpi.funnel: shrinkageWeight must be 0 (no shrinkage) to 100000, was -1");
        assertThatThrownBy(() -> FunnelSettings.of(DEFAULT_STAGES, null, null, null, 180, 10, -5))
                .hasMessage("org.pacekpi.funnel: tooYoungFallbackDays must be 0 to 3650, was -5");
        assertThatThrownBy(() -> FunnelSettings.of(DEFAULT_STAGES, null, null, null, 180, 10, 3651))
                .hasMessage("org.pacekpi.funnel: tooYoungFallbackDays must be 0 to 3650, was 3651");
    }

    private static FunnelSettings of(String[] stages, String[] names, String[] hostStages, String[] activities) {
        return FunnelSettings.of(stages, names, hostStages, activities, 180, 10, 30);
    }
}
