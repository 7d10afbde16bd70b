package org.pacekpi.engine.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.ValidationException;
import org.pacekpi.engine.internal.InMemoryDirectory;
import org.pacekpi.engine.internal.InMemoryPaceStore;
import org.pacekpi.engine.internal.funnel.FunnelSettings;

/** The published service answers from the calculator with the funnel it was given. */
class FunnelServiceComponentTest {

    private final FunnelServiceComponent service = new FunnelServiceComponent(
            new InMemoryDirectory().manager("ann", "Europe/Berlin", "east").team("east", "East"),
            new InMemoryPaceStore(), FunnelSettings.DEFAULTS,
            Clock.fixed(Instant.parse("2026-04-12T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void stepsAndConversionsAreAnswered() {
        ConversionReport report = service.conversions(Scope.manager("ann"), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), ConversionMethod.COHORT);

        assertThat(service.steps()).isEqualTo(FunnelSettings.DEFAULTS.funnelStages());
        assertThat(report.steps()).isEqualTo(service.steps());
        // 2 activity ratios, the last activity into meeting, 4 stage conversions; 4 stages to paid.
        assertThat(report.toNext()).hasSize(7);
        assertThat(report.toPaid()).hasSize(4);
        assertThat(report.winRate().rate()).isNull();
    }

    @Test
    void unknownScopesAndBadWindowsAreRefused() {
        assertThatThrownBy(() -> service.conversions(Scope.team("west"), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), ConversionMethod.COHORT)).isInstanceOf(NotFoundException.class)
                .hasMessage("no team with id 'west'");
        assertThatThrownBy(() -> service.conversions(Scope.manager("ann"), LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 1), ConversionMethod.SNAPSHOT)).isInstanceOf(ValidationException.class)
                .hasMessage("to: must not be before from (2026-03-02), was 2026-03-01");
    }
}
