package org.pacekpi.engine.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.WorkingDays;
import org.pacekpi.engine.internal.CountingSettings;
import org.pacekpi.engine.internal.InMemoryDirectory;
import org.pacekpi.engine.internal.InMemoryPaceStore;

/** The published service delegates every query to the calculator with the calendars it was given. */
class KpiServiceComponentTest {

    private final KpiServiceComponent service = new KpiServiceComponent(
            new InMemoryDirectory().manager("ann", "Asia/Tokyo", "east").team("east", "East"),
            new InMemoryPaceStore(), CountingSettings.DEFAULTS,
            (manager, period, asOf) -> new WorkingDays(7, 3, 4, asOf),
            Clock.fixed(Instant.parse("2026-02-10T16:00:00Z"), ZoneOffset.UTC));

    @Test
    void reportsTheManagersPeriodInTheirTimeZoneWithTheirWorkingDays() {
        KpiReport report = service.managerKpis("ann", PeriodType.MONTH, LocalDate.of(2026, 2, 10));

        assertThat(report.period()).isEqualTo("month");
        assertThat(report.timeZone()).isEqualTo("Asia/Tokyo");
        assertThat(report.from()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(report.to()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(report.value("touches")).isZero();
        // 16:00 UTC is 01:00 on the 11th in Tokyo.
        assertThat(report.workingDays()).isEqualTo(new WorkingDays(7, 3, 4, LocalDate.of(2026, 2, 11)));
    }

    @Test
    void everyQueryIsAnswered() {
        LocalDate day = LocalDate.of(2026, 2, 10);
        assertThat(service.managerKpis("ann", day, day).period()).isEqualTo("custom");
        assertThat(service.managerSeries("ann", PeriodType.DAY, day, day.plusDays(2))).hasSize(3);
        assertThat(service.teamKpis("east", PeriodType.WEEK, day).members()).hasSize(1);
        assertThat(service.exclusions("ann", day, day, 10).total()).isZero();
    }

    @Test
    void unknownManagerIsNotFound() {
        assertThatThrownBy(() -> service.managerKpis("nobody", PeriodType.DAY, LocalDate.of(2026, 2, 10)))
                .isInstanceOf(NotFoundException.class).hasMessage("no manager with id 'nobody'");
    }
}
