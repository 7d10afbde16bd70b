package org.pacekpi.engine.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.pacekpi.api.KpiService;
import org.pacekpi.api.Metrics;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.ExclusionReport;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.dto.TeamKpiReport;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.calendar.Periods;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;

/**
 * Computes KPI reports from the store's daily aggregates. The aggregates are kept per manager-local day, so a period
 * is a range of those days; working days come from a {@link WorkingDaysProvider}, split at today in the manager's
 * time zone. Revenue aggregates (minor units per currency) are reported as {@link Money}, not among the counts.
 */
public final class KpiCalculator implements KpiService {

    /** Metrics every report shows, with 0 when nothing was counted, so that clients need no special case. */
    static final List<String> ALWAYS_REPORTED = List.of(Metrics.TOUCHES, Metrics.FIRST_CONTACTS, Metrics.NEW_CONTACTS,
            Metrics.MEETINGS_HELD, Metrics.CALL_ATTEMPTS, Metrics.DEALS_WON, Metrics.DEALS_LOST);

    /** The most periods one series may have: a daily series over more than two years is a mistake, not a chart. */
    public static final int MAX_SERIES_PERIODS = 800;

    private static final String CUSTOM_PERIOD = "custom";

    private final Directory directory;
    private final PaceStore store;
    private final WorkingDaysProvider workingDays;
    private final ExclusionQuery exclusions;
    private final Clock clock;

    /**
     * @param directory   knows the managers, teams and time zones
     * @param store       holds the aggregates
     * @param workingDays the managers' working calendars
     * @param exclusions  answers why activities did not count
     * @param clock       gives "today" for the working days elapsed and remaining
     */
    public KpiCalculator(Directory directory, PaceStore store, WorkingDaysProvider workingDays,
                         ExclusionQuery exclusions, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
        this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
        this.exclusions = Objects.requireNonNull(exclusions, "exclusions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public KpiReport managerKpis(String managerId, PeriodType period, LocalDate date) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(date, "date");
        User manager = manager(directory, managerId);
        DateRange range = Periods.containing(period, date);
        return report(manager, period.id(), range, store.totals(manager.id(), range.from(), range.to()));
    }

    @Override
    public KpiReport managerKpis(String managerId, LocalDate from, LocalDate to) {
        DateRange range = range(from, to);
        User manager = manager(directory, managerId);
        return report(manager, CUSTOM_PERIOD, range, store.totals(manager.id(), range.from(), range.to()));
    }

    @Override
    public List<KpiReport> managerSeries(String managerId, PeriodType step, LocalDate from, LocalDate to) {
        if (step == null) {
            throw new IllegalArgumentException("step is required: one of day, week, month, quarter");
        }
        DateRange span = range(from, to);
        User manager = manager(directory, managerId);
        List<KpiReport> series = new ArrayList<>();
        for (DateRange period = Periods.containing(step, span.from()); !period.from().isAfter(span.to());
             period = Periods.containing(step, period.to().plusDays(1))) {
            if (series.size() == MAX_SERIES_PERIODS) {
                throw new IllegalArgumentException("from " + from + " to " + to + " spans more than "
                        + MAX_SERIES_PERIODS + " periods of one " + step.id() + "; choose a longer step");
            }
            series.add(report(manager, step.id(), period, store.totals(manager.id(), period.from(), period.to())));
        }
        return series;
    }

    @Override
    public TeamKpiReport teamKpis(String teamId, PeriodType period, LocalDate date) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(date, "date");
        Team team = Teams.team(directory, teamId);
        DateRange range = Periods.containing(period, date);
        List<User> members = directory.members(team.id());
        // One query for the whole team: a team view must not cost one round trip per member.
        Map<String, Map<String, Long>> totals = members.isEmpty() ? Map.of()
                : store.totals(members.stream().map(User::id).toList(), range.from(), range.to());
        List<KpiReport> reports = new ArrayList<>(members.size());
        Map<String, Long> teamTotals = new HashMap<>();
        for (User member : members.stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            Map<String, Long> memberTotals = totals.getOrDefault(member.id(), Map.of());
            reports.add(report(member, period.id(), range, memberTotals));
            memberTotals.forEach((metric, value) -> teamTotals.merge(metric, value, Long::sum));
        }
        return new TeamKpiReport(team.id(), team.name(), period.id(), range.from(), range.to(), reports,
                metrics(teamTotals), revenue(teamTotals));
    }

    @Override
    public ExclusionReport exclusions(String managerId, LocalDate from, LocalDate to, int limit) {
        return exclusions.exclusions(managerId, from, to, limit);
    }

    private KpiReport report(User manager, String period, DateRange range, Map<String, Long> totals) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), manager.timeZone());
        return new KpiReport(manager.id(), period, range.from(), range.to(), manager.timeZone().getId(),
                workingDays.workingDays(manager, range, today), metrics(totals), revenue(totals));
    }

    /** The counts ordered by id, with the always-reported ones at 0 when absent, revenue left out. */
    static List<MetricValue> metrics(Map<String, Long> totals) {
        Map<String, Long> sorted = new TreeMap<>();
        totals.forEach((metric, value) -> {
            if (!metric.startsWith(Metrics.REVENUE_PREFIX)) {
                sorted.put(metric, value);
            }
        });
        ALWAYS_REPORTED.forEach(metric -> sorted.putIfAbsent(metric, 0L));
        List<MetricValue> metrics = new ArrayList<>(sorted.size());
        sorted.forEach((id, value) -> metrics.add(new MetricValue(id, value)));
        return metrics;
    }

    /** The revenue aggregates as money, ordered by currency. */
    static List<Money> revenue(Map<String, Long> totals) {
        Map<String, Long> byCurrency = new TreeMap<>();
        totals.forEach((metric, value) -> {
            if (metric.startsWith(Metrics.REVENUE_PREFIX)) {
                byCurrency.merge(metric.substring(Metrics.REVENUE_PREFIX.length()), value, Long::sum);
            }
        });
        return byCurrency.entrySet().stream().map(e -> CurrencyUnits.toMoney(e.getKey(), e.getValue())).toList();
    }

    /** The manager, or {@link NotFoundException} naming the id. */
    static User manager(Directory directory, String managerId) {
        return (managerId == null ? Optional.<User>empty() : directory.user(managerId))
                .orElseThrow(() -> new NotFoundException("no manager with id '" + managerId + "'"));
    }

    /** A custom range; {@link IllegalArgumentException} naming the parameter that is wrong. */
    static DateRange range(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new IllegalArgumentException("from is required");
        }
        if (to == null) {
            throw new IllegalArgumentException("to is required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        return new DateRange(from, to);
    }
}
