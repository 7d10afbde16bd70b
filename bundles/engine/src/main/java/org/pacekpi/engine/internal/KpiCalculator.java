package org.pacekpi.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.pacekpi.api.KpiService;
import org.pacekpi.api.Metrics;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.User;

/**
 * Computes a manager's KPIs for a period from the store's daily aggregates. The aggregates are already kept per
 * manager-local day, so a period is just a range of those days.
 */
public final class KpiCalculator implements KpiService {

    /** Metrics every report shows, with 0 when nothing was counted, so that clients need no special case. */
    private static final List<String> ALWAYS_REPORTED = List.of(Metrics.TOUCHES);

    private final Directory directory;
    private final PaceStore store;

    /**
     * @param directory knows the managers and their time zones
     * @param store     holds the aggregates
     */
    public KpiCalculator(Directory directory, PaceStore store) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public KpiReport managerKpis(String managerId, PeriodType period, LocalDate date) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(date, "date");
        User manager = (managerId == null ? Optional.<User>empty() : directory.user(managerId))
                .orElseThrow(() -> new NotFoundException("no manager with id '" + managerId + "'"));
        DateRange range = Periods.containing(period, date);
        // A TreeMap orders the metrics by id, as KpiReport promises.
        Map<String, Long> totals = new TreeMap<>(store.totals(manager.id(), range.from(), range.to()));
        ALWAYS_REPORTED.forEach(metric -> totals.putIfAbsent(metric, 0L));
        List<MetricValue> metrics = new ArrayList<>();
        totals.forEach((id, value) -> metrics.add(new MetricValue(id, value)));
        return new KpiReport(manager.id(), period.id(), range.from(), range.to(), manager.timeZone().getId(), metrics);
    }
}
