package org.pacekpi.api.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The interactions of a manager in a range of days that did not count as touches.
 *
 * @param managerId the manager
 * @param from      first day (inclusive)
 * @param to        last day (inclusive)
 * @param byReason  how many activities were excluded for each reason (all of them, not only those listed)
 * @param total     how many were excluded in all
 * @param activities the excluded activities, newest first, at most the requested limit
 */
public record ExclusionReport(String managerId, LocalDate from, LocalDate to, Map<String, Long> byReason, long total,
                              List<ExcludedActivity> activities) {

    /** Copies the collections. */
    public ExclusionReport {
        byReason = Map.copyOf(byReason);
        activities = List.copyOf(activities);
    }
}
