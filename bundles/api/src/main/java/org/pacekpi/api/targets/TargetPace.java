package org.pacekpi.api.targets;

import java.time.LocalDate;

/**
 * How a count stands against a target on a day, by working time elapsed in the calendar of the manager (or, for a
 * team, of each member summed).
 *
 * @param targetId                 the target
 * @param scope                    its scope
 * @param metric                   the metric
 * @param period                   its period as written
 * @param from                     the period's first day
 * @param to                       the period's last day
 * @param target                   the count to reach
 * @param actual                   the count so far
 * @param expectedToDate           what the working time elapsed calls for, rounded up
 * @param difference               actual minus expected to date
 * @param status                   {@code ahead}, {@code on_track}, {@code behind} or {@code at_risk} (thresholds in
 *                                 the README)
 * @param workingDaysRemaining     working days left in the period, the current one counted by its hours left
 * @param neededPerWorkingDay      what is needed per remaining working day to finish on target; null when none
 *                                 remain
 * @param explanation              the sentence, e.g. "12 of 18 meetings held; 10 expected by now (55% of the working
 *                                 time): ahead"
 */
public record TargetPace(String targetId, Scope scope, String metric, String period, LocalDate from, LocalDate to,
                         long target, long actual, long expectedToDate, long difference, String status,
                         Exact workingDaysRemaining, Exact neededPerWorkingDay, String explanation) {
}
