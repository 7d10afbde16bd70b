package org.pacekpi.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pacekpi.api.ExclusionReason;

class LabelsTest {

    @ParameterizedTest(name = "{0} ms: {1}")
    @CsvSource({ "0, 0 ms", "850, 850 ms", "999, 999 ms", "1000, 1.0 s", "2500, 2.5 s", "59949, 59.9 s",
            "59950, 1 min 0 s", "200000, 3 min 20 s", "3600000, 60 min 0 s" })
    void durations(long millis, String text) {
        assertThat(Labels.duration(millis)).isEqualTo(text);
    }

    @Test
    void everyReasonOfTheApiHasWords() {
        for (ExclusionReason reason : ExclusionReason.values()) {
            assertThat(Labels.reason(reason.name())).as(reason.name()).isNotBlank()
                    .isNotEqualTo(reason.name().toLowerCase().replace('_', ' '));
        }
    }

    @Test
    void metricsByPrefix() {
        assertThat(Labels.metric("stage:proposal")).isEqualTo("deals entering stage proposal");
        assertThat(Labels.metric("touches:messenger")).isEqualTo("client touches by messenger");
        assertThat(Labels.metric("meetingsHeld")).isEqualTo("meetings held with a client");
        assertThat(Labels.metric("somethingNew")).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource(delimiter = '|', value = { "9 | 9 | 9", "9/4 | 2.2500 | 2.25 (9/4)", "1/3 | 0.3333 | 0.3333 (1/3)",
            "18 | 18.0000 | 18", "0 | 0 | 0" })
    void exactNumbersShowTheirFraction(String fraction, String decimal, String text) {
        assertThat(Labels.exact(new org.pacekpi.api.targets.Exact(fraction, new java.math.BigDecimal(decimal))))
                .isEqualTo(text);
        assertThat(Labels.exact(null)).isEqualTo("-");
    }
}
