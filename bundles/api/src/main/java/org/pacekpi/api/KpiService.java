package org.pacekpi.api;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;
import org.pacekpi.api.dto.KpiReport;

/** The KPIs of a manager, computed from the activity stream. */
@ProviderType
public interface KpiService {

    /**
     * A manager's KPIs for the period of the given type that contains {@code date}, in the manager's time zone.
     *
     * @throws NotFoundException if the manager is unknown to the host's directory
     */
    KpiReport managerKpis(String managerId, PeriodType period, LocalDate date);
}
