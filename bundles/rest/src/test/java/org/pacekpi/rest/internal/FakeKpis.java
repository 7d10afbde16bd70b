package org.pacekpi.rest.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacekpi.api.KpiService;
import org.pacekpi.api.Metrics;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.ExcludedActivity;
import org.pacekpi.api.dto.ExclusionReport;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.dto.TeamKpiReport;
import org.pacekpi.api.dto.WorkingDays;

/**
 * A KPI service that records every call as a line of text and answers fixed numbers for the real calendar period
 * around the date (computed here independently of the code under test), so tests see what the resources asked for.
 */
final class FakeKpis implements KpiService {

    static final long TOUCHES = 12;
    static final long FIRST_CONTACTS = 3;
    static final Money REVENUE = new Money("EUR", new BigDecimal("1250.50"));

    final List<String> calls = new ArrayList<>();

    /** The counts by reason the exclusion report carries, in a deliberately scrambled order. */
    final Map<String, Long> byReason = new LinkedHashMap<>();

    FakeKpis() {
        byReason.put("SHORT_CALL", 1L);
        byReason.put("A_REASON_FROM_A_NEWER_ENGINE", 4L);
        byReason.put("DUPLICATE", 2L);
        byReason.put("COLLEAGUE", 3L);
    }

    @Override
    public KpiReport managerKpis(String managerId, PeriodType period, LocalDate date) {
        calls.add("kpis " + managerId + " " + period + " " + date);
        return report(managerId, period.id(), first(period, date), last(period, date));
    }

    @Override
    public KpiReport managerKpis(String managerId, LocalDate from, LocalDate to) {
        calls.add("kpis " + managerId + " " + from + ".." + to);
        return report(managerId, "custom", from, to);
    }

    @Override
    public List<KpiReport> managerSeries(String managerId, PeriodType step, LocalDate from, LocalDate to) {
        calls.add("series " + managerId + " " + step + " " + from + ".." + to);
        List<KpiReport> points = new ArrayList<>();
        for (LocalDate day = first(step, from); !day.isAfter(to); day = last(step, day).plusDays(1)) {
            points.add(report(managerId, step.id(), day, last(step, day)));
        }
        return points;
    }

    @Override
    public TeamKpiReport teamKpis(String teamId, PeriodType period, LocalDate date) {
        calls.add("team " + teamId + " " + period + " " + date);
        LocalDate from = first(period, date);
        LocalDate to = last(period, date);
        // m1 ("Zoe North") before m2 ("Anna North"): by id, as the service orders them
        List<KpiReport> members = List.of(report("m1", period.id(), from, to), report("m2", period.id(), from, to));
        return new TeamKpiReport(teamId, teamId.toUpperCase(), period.id(), from, to, members,
                List.of(new MetricValue(Metrics.FIRST_CONTACTS, 2 * FIRST_CONTACTS),
                        new MetricValue(Metrics.TOUCHES, 2 * TOUCHES)),
                List.of(new Money("EUR", REVENUE.amount().multiply(BigDecimal.valueOf(2)))));
    }

    @Override
    public ExclusionReport exclusions(String managerId, LocalDate from, LocalDate to, int limit) {
        calls.add("exclusions " + managerId + " " + from + ".." + to + " limit " + limit);
        List<ExcludedActivity> activities = new ArrayList<>();
        activities.add(new ExcludedActivity("a-42", Instant.parse("2026-11-20T09:15:00Z"), "CALL", "PHONE",
                "+7 999 123-45-67", "SHORT_CALL", "call of 12 s, shorter than the minimum of 30 s"));
        activities.add(new ExcludedActivity("a-41", Instant.parse("2026-11-19T14:00:00Z"), "EMAIL", "EMAIL",
                "boss@ourcompany.example", "COLLEAGUE", "ourcompany.example is one of the company's domains"));
        long total = byReason.values().stream().mapToLong(Long::longValue).sum();
        return new ExclusionReport(managerId, from, to, byReason, total,
                activities.subList(0, Math.min(limit, activities.size())));
    }

    private static KpiReport report(String managerId, String period, LocalDate from, LocalDate to) {
        return new KpiReport(managerId, period, from, to, "Europe/Moscow", new WorkingDays(5, 2, 3, from.plusDays(2)),
                List.of(new MetricValue(Metrics.FIRST_CONTACTS, FIRST_CONTACTS),
                        new MetricValue(Metrics.TOUCHES, TOUCHES)),
                List.of(REVENUE));
    }

    private static LocalDate first(PeriodType period, LocalDate date) {
        return switch (period) {
            case DAY -> date;
            case WEEK -> date.minusDays(date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
        };
    }

    private static LocalDate last(PeriodType period, LocalDate date) {
        LocalDate first = first(period, date);
        return switch (period) {
            case DAY -> first;
            case WEEK -> first.plusDays(6);
            case MONTH -> first.withDayOfMonth(first.lengthOfMonth());
            case QUARTER -> first.plusMonths(2).withDayOfMonth(first.plusMonths(2).lengthOfMonth());
        };
    }
}
