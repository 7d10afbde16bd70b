package org.pacekpi.engine.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pacekpi.engine.internal.funnel.FunnelSettings;

/** The funnel configuration as ConfigAdmin delivers it from etc/org.pacekpi.funnel.cfg. */
class FunnelSettingsComponentTest {

    private static final FunnelConfig DEFAULTS = config(new String[] {"meeting", "intro", "presentation",
            "proposal", "paid"}, new String[0], new String[0], new String[] {"touches", "firstContacts",
            "meetingsHeld"}, 180, 10, 30);

    @Test
    void theAnnotationsDefaultsAreTheDocumentedOnes() throws NoSuchMethodException {
        // The defaults the metatype declares, read from the annotation itself.
        assertThat(FunnelConfig.class.getMethod("stages").getDefaultValue()).isEqualTo(DEFAULTS.stages());
        assertThat(FunnelConfig.class.getMethod("activities").getDefaultValue()).isEqualTo(DEFAULTS.activities());
        assertThat(FunnelConfig.class.getMethod("windowDays").getDefaultValue()).isEqualTo(180);
        assertThat(FunnelConfig.class.getMethod("shrinkageWeight").getDefaultValue()).isEqualTo(10);
        assertThat(FunnelConfig.class.getMethod("tooYoungFallbackDays").getDefaultValue()).isEqualTo(30);
        assertThat(new FunnelSettingsComponent(DEFAULTS).settings()).isEqualTo(FunnelSettings.DEFAULTS);
    }

    @Test
    void aCfgFilesListsAreRead() {
        FunnelSettingsComponent component = new FunnelSettingsComponent(config(
                new String[] {"meeting, demo, paid"}, new String[] {"demo=demo/demos"},
                new String[] {"qualified=meeting, Demo=demo"}, new String[] {"touches"}, 90, 5, 14));

        FunnelSettings settings = component.settings();
        assertThat(settings.stages()).extracting(s -> s.id()).containsExactly("meeting", "demo", "paid");
        assertThat(settings.hostStages()).isEqualTo(Map.of("qualified", "meeting", "Demo", "demo"));
        assertThat(settings.windowDays()).isEqualTo(90);
    }

    @Test
    void aWrongValueFailsActivationNamingTheProperty() {
        assertThatThrownBy(() -> new FunnelSettingsComponent(config(DEFAULTS.stages(), new String[0],
                new String[] {"demo=pitch"}, DEFAULTS.activities(), 180, 10, 30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("org.pacekpi.funnel: hostStages: 'demo' is mapped onto 'pitch', which is not one of the "
                        + "stages [meeting, intro, presentation, proposal, paid]");
        assertThatThrownBy(() -> new FunnelSettingsComponent(config(DEFAULTS.stages(), new String[0], new String[0],
                DEFAULTS.activities(), 180, -1, 30)))
                .hasMessage("org.pacekpi.funnel: shrinkageWeight must be 0 (no shrinkage) to 100000, was -1");
    }

    private static FunnelConfig config(String[] stages, String[] stageNames, String[] hostStages,
                                       String[] activities, int windowDays, int shrinkageWeight,
                                       int tooYoungFallbackDays) {
        return new FunnelConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FunnelConfig.class;
            }

            @Override
            public String[] stages() {
                return stages;
            }

            @Override
            public String[] stageNames() {
                return stageNames;
            }

            @Override
            public String[] hostStages() {
                return hostStages;
            }

            @Override
            public String[] activities() {
                return activities;
            }

            @Override
            public int windowDays() {
                return windowDays;
            }

            @Override
            public int shrinkageWeight() {
                return shrinkageWeight;
            }

            @Override
            public int tooYoungFallbackDays() {
                return tooYoungFallbackDays;
            }
        };
    }
}
