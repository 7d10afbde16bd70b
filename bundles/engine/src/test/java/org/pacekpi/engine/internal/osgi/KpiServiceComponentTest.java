package org.pacekpi.engine.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.engine.internal.InMemoryDirectory;
import org.pacekpi.engine.internal.InMemoryPaceStore;

class KpiServiceComponentTest {

    private final KpiServiceComponent service = new KpiServiceComponent(
            new InMemoryDirectory().manager("ann", "Asia/Tokyo"), new InMemoryPaceStore());

    @Test
    void reportsTheManagersPeriodInTheirTimeZone() {
        KpiReport report = service.managerKpis("ann", PeriodType.MONTH, LocalDate.of(2026, 2, 10));

        assertThat(report.period()).isEqualTo("month");
        assertThat(report.timeZone()).isEqualTo("Asia/Tokyo");
        assertThat(report.from()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(report.to()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(report.value("touches")).isZero();
    }

    @Test
    void unknownManagerIsNotFound() {
        assertThatThrownBy(() -> service.managerKpis("nobody", PeriodType.DAY, LocalDate.of(2026, 2, 10)))
                .isInstanceOf(NotFoundException.class).hasMessage("no manager with id 'nobody'");
    }
}
