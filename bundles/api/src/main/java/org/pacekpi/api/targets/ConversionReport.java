package org.pacekpi.api.targets;

import java.time.LocalDate;
import java.util.List;

import org.pacekpi.api.dto.Money;

/**
 * The funnel as measured for a manager or a team over a window of days.
 *
 * @param scope           whom it was measured for
 * @param from            first day of the window
 * @param to              last day of the window (inclusive)
 * @param method          cohort or snapshot
 * @param steps           the funnel's steps, in order
 * @param toNext          the conversion from each step to the next, in funnel order
 * @param toPaid          the conversion from each stage to paid, in funnel order (stages only, paid excluded)
 * @param timesToNext     time from each stage to the next
 * @param timesToPaid     time from each stage to paid
 * @param winRate         paid over closed (paid or lost) deals closed in the window
 * @param averagePaidDeal average amount of the deals paid in the window, per currency
 * @param dealsPaid       deals paid in the window
 */
public record ConversionReport(Scope scope, LocalDate from, LocalDate to, ConversionMethod method,
                               List<FunnelStage> steps, List<MeasuredRate> toNext, List<MeasuredRate> toPaid,
                               List<StageTiming> timesToNext, List<StageTiming> timesToPaid, MeasuredRate winRate,
                               List<Money> averagePaidDeal, long dealsPaid) {

    /** Copies the lists. */
    public ConversionReport {
        steps = List.copyOf(steps);
        toNext = List.copyOf(toNext);
        toPaid = List.copyOf(toPaid);
        timesToNext = List.copyOf(timesToNext);
        timesToPaid = List.copyOf(timesToPaid);
        averagePaidDeal = List.copyOf(averagePaidDeal);
    }
}
