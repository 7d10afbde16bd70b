package org.pacekpi.rest.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacekpi.api.ExclusionReason;
import org.pacekpi.api.dto.ExcludedActivity;
import org.pacekpi.api.dto.ExclusionReport;

/**
 * "Why did these not count?": a manager's interactions in a range of days that were not counted as touches, as
 * {@code GET /managers/{id}/exclusions} shows them.
 *
 * @param managerId  the manager
 * @param from       first day
 * @param to         last day, inclusive
 * @param total      how many were excluded in all
 * @param byReason   reason to count, in the order of {@link ExclusionReason} (reasons this version does not know
 *                   last, by name); reasons without any exclusion are absent
 * @param activities the most recent excluded activities, newest first, at most the requested limit
 */
public record ExclusionView(String managerId, LocalDate from, LocalDate to, long total, Map<String, Long> byReason,
                            List<ExcludedActivity> activities) {

    /** Known reasons in their declared order (most telling first), then unknown ones by name. */
    private static final Comparator<String> REASON_ORDER = Comparator.comparingInt(ExclusionView::rank)
            .thenComparing(Comparator.naturalOrder());

    /** The view of a report. */
    public static ExclusionView of(ExclusionReport report) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        report.byReason().keySet().stream().sorted(REASON_ORDER)
                .forEach(reason -> byReason.put(reason, report.byReason().get(reason)));
        return new ExclusionView(report.managerId(), report.from(), report.to(), report.total(), byReason,
                report.activities());
    }

    private static int rank(String reason) {
        for (ExclusionReason known : ExclusionReason.values()) {
            if (known.name().equals(reason)) {
                return known.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }
}
