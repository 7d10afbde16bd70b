package org.pacekpi.api.targets;

import java.time.LocalDate;
import java.util.List;

/**
 * What targets are derived from. Optional fields (null) take their configured defaults (PID
 * {@code org.pacekpi.targets}).
 *
 * @param scope       a team (its goal is split evenly among its managers) or one manager
 * @param period      a month ({@code 2026-03}) or a quarter ({@code 2026-Q1})
 * @param goal        paid deals or money
 * @param weeksRule   {@code working-calendar} (default: weeks from the working days) or {@code four-weeks-a-month}
 * @param method      how conversions are measured; default cohort
 * @param windowDays  the measuring window, ending the day before {@code asOf}; default from the configuration
 * @param pinnedRates rates fixed by the admin instead of measured ones
 * @param asOf        the day the derivation is made for (default today in each manager's time zone): "needed by"
 *                    dates before it are late
 */
public record DeriveRequest(Scope scope, String period, GoalAmount goal, String weeksRule, ConversionMethod method,
                            Integer windowDays, List<PinnedRate> pinnedRates, LocalDate asOf) {

    /** Copies the list. */
    public DeriveRequest {
        pinnedRates = pinnedRates == null ? List.of() : List.copyOf(pinnedRates);
    }
}
