package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;
import org.pacekpi.api.store.ActivityEntry;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.host.activity.ChangeType;

class KpiCalculatorTest {

    private final InMemoryDirectory directory = new InMemoryDirectory().manager("ann", "Europe/Berlin");
    private final InMemoryPaceStore store = new InMemoryPaceStore();
    private final KpiCalculator calculator = new KpiCalculator(directory, store);
    private final ActivityMapper mapper = new ActivityMapper(directory);

    /** Stores an activity of ann contributing {@code value} of {@code metric} on {@code day}. */
    private void contribute(String id, String metric, LocalDate day, long value) {
        var logged = mapper.map(ChangeType.CREATED, Activities.connectedCall(id, "ann").build());
        store.apply(List.of(new ActivityEntry(logged, List.of(new Contribution("ann", metric, day, value)))), 0);
    }

    @Test
    void weekReportSumsTheDaysOfTheIsoWeekOnly() {
        contribute("sun-before", "touches", LocalDate.of(2026, 12, 27), 1);
        contribute("mon", "touches", LocalDate.of(2026, 12, 28), 1);
        contribute("fri", "touches", LocalDate.of(2027, 1, 1), 2);
        contribute("sun", "touches", LocalDate.of(2027, 1, 3), 1);
        contribute("mon-after", "touches", LocalDate.of(2027, 1, 4), 1);

        KpiReport report = calculator.managerKpis("ann", PeriodType.WEEK, LocalDate.of(2026, 12, 31));

        assertThat(report).isEqualTo(new KpiReport("ann", "week", LocalDate.of(2026, 12, 28),
                LocalDate.of(2027, 1, 3), "Europe/Berlin", List.of(new MetricValue("touches", 4))));
    }

    @Test
    void monthReportCoversTheCalendarMonth() {
        contribute("a", "touches", LocalDate.of(2026, 11, 1), 1);
        contribute("b", "touches", LocalDate.of(2026, 11, 30), 1);
        contribute("c", "touches", LocalDate.of(2026, 12, 1), 1);

        KpiReport report = calculator.managerKpis("ann", PeriodType.MONTH, LocalDate.of(2026, 11, 15));

        assertThat(report.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(report.to()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(report.value("touches")).isEqualTo(2);
    }

    @Test
    void touchesAreReportedAsZeroWhenNothingCountedAndMetricsAreSortedById() {
        contribute("x", "zeta", LocalDate.of(2026, 11, 2), 5);
        contribute("y", "alpha", LocalDate.of(2026, 11, 3), 7);

        KpiReport report = calculator.managerKpis("ann", PeriodType.MONTH, LocalDate.of(2026, 11, 15));

        assertThat(report.metrics()).containsExactly(new MetricValue("alpha", 7), new MetricValue("touches", 0),
                new MetricValue("zeta", 5));
    }

    @Test
    void unknownManagerIsNotFound() {
        assertThatThrownBy(() -> calculator.managerKpis("bob", PeriodType.WEEK, LocalDate.of(2026, 11, 25)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("no manager with id 'bob'");
    }
}
