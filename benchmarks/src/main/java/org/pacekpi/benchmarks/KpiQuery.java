package org.pacekpi.benchmarks;

import org.pacekpi.api.PeriodType;

/** The KPI views the benchmark times: a manager's week, month and quarter, and a team's month. */
public enum KpiQuery {

    /** A manager's ISO week. */
    MANAGER_WEEK("manager week", PeriodType.WEEK, false),
    /** A manager's calendar month. */
    MANAGER_MONTH("manager month", PeriodType.MONTH, false),
    /** A manager's quarter. */
    MANAGER_QUARTER("manager quarter", PeriodType.QUARTER, false),
    /** A team's month: each member's month and the team's sums. */
    TEAM_MONTH("team month", PeriodType.MONTH, true);

    private final String label;
    private final PeriodType period;
    private final boolean team;

    KpiQuery(String label, PeriodType period, boolean team) {
        this.label = label;
        this.period = period;
        this.team = team;
    }

    /** How the report names it. */
    public String label() {
        return label;
    }

    /** The period asked for. */
    public PeriodType period() {
        return period;
    }

    /** True for a team view. */
    public boolean team() {
        return team;
    }
}
