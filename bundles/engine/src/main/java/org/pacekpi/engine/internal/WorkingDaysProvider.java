package org.pacekpi.engine.internal;

import java.time.LocalDate;

import org.pacekpi.api.dto.WorkingDays;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.host.directory.User;

/**
 * The seam between the KPI reports and the working calendars: how many working days a period has in a manager's
 * calendar, and how many of them are behind and ahead of a day.
 */
@FunctionalInterface
public interface WorkingDaysProvider {

    /**
     * The working days of {@code period} in the manager's calendar, split at {@code asOf}: {@code elapsed} counts
     * the working days before it, {@code remaining} those from it on (it included).
     */
    WorkingDays workingDays(User manager, DateRange period, LocalDate asOf);
}
