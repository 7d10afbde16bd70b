package org.pacekpi.shell.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacekpi.api.KpiService;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.ExcludedActivity;
import org.pacekpi.api.dto.ExclusionReport;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.dto.TeamKpiReport;
import org.pacekpi.api.dto.WorkingDays;

/** A KPI service that records every call and answers what the test set up. */
final class FakeKpis implements KpiService {

    final List<String> calls = new ArrayList<>();

    /** The report answered for any period or range (with the asked period and days). */
    List<MetricValue> metrics = List.of(new MetricValue("callAttempts", 14), new MetricValue("firstContacts", 3),
            new MetricValue("touches", 12), new MetricValue("touches:phone", 9));
    List<Money> revenue = List.of(new Money("EUR", new BigDecimal("1250.50")), new Money("RUB", new BigDecimal("90000")));
    WorkingDays workingDays = new WorkingDays(5, 2, 3, LocalDate.of(2026, 11, 18));

    /** The exclusion report's counts and listed activities. */
    Map<String, Long> byReason = new LinkedHashMap<>();
    List<ExcludedActivity> excluded = new ArrayList<>();

    @Override
    public KpiReport managerKpis(String managerId, PeriodType period, LocalDate date) {
        calls.add("kpis " + managerId + " " + period + " " + date);
        known(managerId);
        return new KpiReport(managerId, period.id(), date, date, "Europe/Moscow", workingDays, metrics, revenue);
    }

    @Override
    public KpiReport managerKpis(String managerId, LocalDate from, LocalDate to) {
        calls.add("kpis " + managerId + " " + from + ".." + to);
        known(managerId);
        return new KpiReport(managerId, "custom", from, to, "Europe/Moscow", workingDays, metrics, revenue);
    }

    @Override
    public List<KpiReport> managerSeries(String managerId, PeriodType step, LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("the shell shows no series");
    }

    @Override
    public TeamKpiReport teamKpis(String teamId, PeriodType period, LocalDate date) {
        throw new UnsupportedOperationException("the shell shows no team");
    }

    @Override
    public ExclusionReport exclusions(String managerId, LocalDate from, LocalDate to, int limit) {
        calls.add("exclusions " + managerId + " " + from + ".." + to + " limit " + limit);
        known(managerId);
        long total = byReason.values().stream().mapToLong(Long::longValue).sum();
        return new ExclusionReport(managerId, from, to, byReason, total,
                excluded.subList(0, Math.min(limit, excluded.size())));
    }

    private static void known(String managerId) {
        if (managerId.startsWith("no")) {
            throw new NotFoundException("no manager with id '" + managerId + "'");
        }
    }
}
