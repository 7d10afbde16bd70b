package org.pacekpi.api.targets;

import java.util.List;

/**
 * A goal as an admin sets it: what to derive, and how. Optional fields (null) take their configured defaults.
 *
 * @param scope       a team or a manager
 * @param period      a month ({@code 2026-03}) or a quarter ({@code 2026-Q1})
 * @param goal        paid deals or money
 * @param weeksRule   {@code working-calendar} or {@code four-weeks-a-month}
 * @param method      cohort or snapshot
 * @param windowDays  the measuring window in days
 * @param pinnedRates rates fixed instead of measured
 * @param note        free text for the team, at most 500 characters; may be null
 */
public record GoalInput(Scope scope, String period, GoalAmount goal, String weeksRule, ConversionMethod method,
                        Integer windowDays, List<PinnedRate> pinnedRates, String note) {

    /** Copies the list. */
    public GoalInput {
        pinnedRates = pinnedRates == null ? List.of() : List.copyOf(pinnedRates);
    }
}
