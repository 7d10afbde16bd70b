package org.pacekpi.engine.internal.osgi;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pacekpi.api.KpiService;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.ExclusionReport;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.TeamKpiReport;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.engine.internal.CountingSettings;
import org.pacekpi.engine.internal.ExclusionExplainer;
import org.pacekpi.engine.internal.ExclusionQuery;
import org.pacekpi.engine.internal.KpiCalculator;
import org.pacekpi.engine.internal.WorkingDaysProvider;
import org.pacekpi.host.directory.Directory;

/** Publishes the {@link KpiService}; the computation is the plain {@link KpiCalculator}. */
@Component(service = KpiService.class)
public final class KpiServiceComponent implements KpiService {

    private final KpiCalculator calculator;

    /** Nothing to undo on deactivation: no thread, no registration of its own. */
    @Activate
    public KpiServiceComponent(@Reference Directory directory, @Reference PaceStore store,
                               @Reference CountingRulesComponent counting, @Reference WorkingDaysProvider calendars) {
        this(directory, store, counting.settings(), calendars, Clock.systemUTC());
    }

    /** For tests: the rules, calendars and clock given. */
    KpiServiceComponent(Directory directory, PaceStore store, CountingSettings counting,
                        WorkingDaysProvider workingDays, Clock clock) {
        ExclusionQuery exclusions = new ExclusionQuery(directory, store, new ExclusionExplainer(counting));
        this.calculator = new KpiCalculator(directory, store, workingDays, exclusions, clock);
    }

    @Override
    public KpiReport managerKpis(String managerId, PeriodType period, LocalDate date) {
        return calculator.managerKpis(managerId, period, date);
    }

    @Override
    public KpiReport managerKpis(String managerId, LocalDate from, LocalDate to) {
        return calculator.managerKpis(managerId, from, to);
    }

    @Override
    public List<KpiReport> managerSeries(String managerId, PeriodType step, LocalDate from, LocalDate to) {
        return calculator.managerSeries(managerId, step, from, to);
    }

    @Override
    public TeamKpiReport teamKpis(String teamId, PeriodType period, LocalDate date) {
        return calculator.teamKpis(teamId, period, date);
    }

    @Override
    public ExclusionReport exclusions(String managerId, LocalDate from, LocalDate to, int limit) {
        return calculator.exclusions(managerId, from, to, limit);
    }
}
