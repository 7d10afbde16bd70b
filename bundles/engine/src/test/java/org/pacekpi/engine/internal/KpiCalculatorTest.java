package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.dto.TeamKpiReport;
import org.pacekpi.api.dto.WorkingDays;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.host.activity.ChangeType;

class KpiCalculatorTest {

    /** Wednesday 30 December 2026, 23:30 UTC: already Thursday the 31st in Berlin. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-30T23:30:00Z"), ZoneOffset.UTC);

    private final InMemoryDirectory directory = new InMemoryDirectory().manager("ann", "Europe/Berlin", "north")
            .manager("bob", "America/New_York", "north").manager("cid", "UTC", "south").team("north", "North")
            .team("south", "South");
    private final InMemoryPaceStore store = new InMemoryPaceStore();
    private final KpiCalculator calculator = new KpiCalculator(directory, store, new SimpleWorkingDays(),
            new ExclusionQuery(directory, store, new ExclusionExplainer(CountingSettings.DEFAULTS)), CLOCK);
    private final ActivityMapper mapper = new ActivityMapper(directory);
    private int ids;

    /** Stores an activity of the manager contributing {@code value} of {@code metric} on {@code day}. */
    private void contribute(String manager, String metric, LocalDate day, long value) {
        var logged = mapper.map(ChangeType.CREATED, Activities.connectedCall("a" + ids++, manager).build());
        store.write(List.of(new CountedActivity(logged, new CountingState(day, null, null, null,
                List.of(new Contribution(manager, metric, day, value))))), 0);
    }

    private void contribute(String metric, LocalDate day, long value) {
        contribute("ann", metric, day, value);
    }

    @Test
    void weekReportSumsTheDaysOfTheIsoWeekOnlyAndSplitsItsWorkingDaysAtTheManagersToday() {
        contribute("touches", LocalDate.of(2026, 12, 27), 1);
        contribute("touches", LocalDate.of(2026, 12, 28), 1);
        contribute("touches", LocalDate.of(2027, 1, 1), 2);
        contribute("touches", LocalDate.of(2027, 1, 3), 1);
        contribute("touches", LocalDate.of(2027, 1, 4), 1);

        KpiReport report = calculator.managerKpis("ann", PeriodType.WEEK, LocalDate.of(2026, 12, 31));

        assertThat(report.period()).isEqualTo("week");
        assertThat(report.from()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(report.to()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(report.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(report.value("touches")).isEqualTo(4);
        // Monday to Friday; Berlin's today is Thursday the 31st: Monday to Wednesday are behind.
        assertThat(report.workingDays()).isEqualTo(new WorkingDays(5, 3, 2, LocalDate.of(2026, 12, 31)));
    }

    @Test
    void monthAndQuarterReportsCoverTheirCalendarDays() {
        contribute("touches", LocalDate.of(2026, 9, 30), 1);
        contribute("touches", LocalDate.of(2026, 10, 1), 1);
        contribute("touches", LocalDate.of(2026, 11, 30), 1);
        contribute("touches", LocalDate.of(2026, 12, 31), 1);
        contribute("touches", LocalDate.of(2027, 1, 1), 1);

        KpiReport month = calculator.managerKpis("ann", PeriodType.MONTH, LocalDate.of(2026, 11, 15));
        KpiReport quarter = calculator.managerKpis("ann", PeriodType.QUARTER, LocalDate.of(2026, 11, 15));

        assertThat(month.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(month.to()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(month.value("touches")).isEqualTo(1);
        assertThat(quarter.period()).isEqualTo("quarter");
        assertThat(quarter.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(quarter.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(quarter.value("touches")).isEqualTo(3);
        assertThat(quarter.workingDays().total()).isEqualTo(66);
    }

    @Test
    void everyCountMetricIsReportedSortedWithZerosAndRevenueIsMoneyApart() {
        contribute("zeta", LocalDate.of(2026, 11, 2), 5);
        contribute("touches:phone", LocalDate.of(2026, 11, 3), 7);
        contribute("revenue:EUR", LocalDate.of(2026, 11, 3), 123456);
        contribute("revenue:EUR", LocalDate.of(2026, 11, 4), 44);
        contribute("revenue:JPY", LocalDate.of(2026, 11, 4), 1500);

        KpiReport report = calculator.managerKpis("ann", PeriodType.MONTH, LocalDate.of(2026, 11, 15));

        assertThat(report.metrics()).containsExactly(new MetricValue("callAttempts", 0),
                new MetricValue("dealsLost", 0), new MetricValue("dealsWon", 0), new MetricValue("firstContacts", 0),
                new MetricValue("meetingsHeld", 0), new MetricValue("newContacts", 0), new MetricValue("touches", 0),
                new MetricValue("touches:phone", 7), new MetricValue("zeta", 5));
        assertThat(report.revenue()).containsExactly(new Money("EUR", new BigDecimal("1235.00")),
                new Money("JPY", new BigDecimal("1500")));
    }

    @Test
    void customRangeIsReportedAsCustom() {
        contribute("touches", LocalDate.of(2026, 11, 2), 1);
        contribute("touches", LocalDate.of(2026, 11, 12), 1);
        contribute("touches", LocalDate.of(2026, 11, 13), 1);

        KpiReport report = calculator.managerKpis("ann", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 12));

        assertThat(report.period()).isEqualTo("custom");
        assertThat(report.value("touches")).isEqualTo(2);
        assertThat(report.workingDays().total()).isEqualTo(9);
    }

    @Test
    void badRangesNameTheParameter() {
        assertThatThrownBy(() -> calculator.managerKpis("ann", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to (2026-11-01) must not be before from (2026-11-02)");
        assertThatThrownBy(() -> calculator.managerKpis("ann", (LocalDate) null, LocalDate.of(2026, 11, 1)))
                .hasMessage("from is required");
        assertThatThrownBy(() -> calculator.managerSeries("ann", null, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 1))).hasMessageStartingWith("step is required");
        assertThatThrownBy(() -> calculator.managerSeries("ann", PeriodType.DAY, LocalDate.of(2020, 1, 1),
                LocalDate.of(2026, 11, 1))).hasMessageContaining("more than 800 periods of one day");
    }

    @Test
    void weeklySeriesOverAMonthCoversEveryWeekTouchingIt() {
        contribute("touches", LocalDate.of(2026, 10, 26), 1);
        contribute("touches", LocalDate.of(2026, 11, 10), 2);
        contribute("touches", LocalDate.of(2026, 12, 6), 3);
        contribute("touches", LocalDate.of(2026, 12, 7), 4);

        List<KpiReport> series = calculator.managerSeries("ann", PeriodType.WEEK, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30));

        assertThat(series).extracting(KpiReport::from).containsExactly(LocalDate.of(2026, 10, 26),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30));
        assertThat(series).extracting(r -> r.value("touches")).containsExactly(1L, 0L, 2L, 0L, 0L, 3L);
        assertThat(series).allSatisfy(r -> assertThat(r.period()).isEqualTo("week"));
    }

    @Test
    void teamReportHasEachMembersReportAndTheSums() {
        contribute("ann", "touches", LocalDate.of(2026, 11, 3), 2);
        contribute("bob", "touches", LocalDate.of(2026, 11, 4), 3);
        contribute("bob", "revenue:EUR", LocalDate.of(2026, 11, 4), 1000);
        contribute("ann", "revenue:EUR", LocalDate.of(2026, 11, 5), 250);
        contribute("cid", "touches", LocalDate.of(2026, 11, 4), 100); // another team

        TeamKpiReport team = calculator.teamKpis("north", PeriodType.MONTH, LocalDate.of(2026, 11, 20));

        assertThat(team.teamName()).isEqualTo("North");
        assertThat(team.members()).extracting(KpiReport::managerId).containsExactly("ann", "bob");
        assertThat(team.members()).extracting(KpiReport::timeZone).containsExactly("Europe/Berlin", "America/New_York");
        assertThat(team.members()).extracting(r -> r.value("touches")).containsExactly(2L, 3L);
        assertThat(team.totals()).contains(new MetricValue("touches", 5), new MetricValue("firstContacts", 0));
        assertThat(team.revenue()).containsExactly(new Money("EUR", new BigDecimal("12.50")));
    }

    @Test
    void unknownManagerOrTeamIsNotFound() {
        assertThatThrownBy(() -> calculator.managerKpis("zed", PeriodType.WEEK, LocalDate.of(2026, 11, 25)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("no manager with id 'zed'");
        assertThatThrownBy(() -> calculator.managerKpis(null, LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 25)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> calculator.teamKpis("west", PeriodType.WEEK, LocalDate.of(2026, 11, 25)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("no team with id 'west'");
    }
}
