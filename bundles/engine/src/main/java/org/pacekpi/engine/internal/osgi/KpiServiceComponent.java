package org.pacekpi.engine.internal.osgi;

import java.time.LocalDate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pacekpi.api.KpiService;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.engine.internal.KpiCalculator;
import org.pacekpi.host.directory.Directory;

/** Publishes the {@link KpiService}; the computation is the plain {@link KpiCalculator}. */
@Component(service = KpiService.class)
public final class KpiServiceComponent implements KpiService {

    private final KpiCalculator calculator;

    /** Nothing to undo on deactivation: no thread, no registration of its own. */
    @Activate
    public KpiServiceComponent(@Reference Directory directory, @Reference PaceStore store) {
        this.calculator = new KpiCalculator(directory, store);
    }

    @Override
    public KpiReport managerKpis(String managerId, PeriodType period, LocalDate date) {
        return calculator.managerKpis(managerId, period, date);
    }
}
