package org.pacekpi.engine.internal.calendar;

/** What a day is in a manager's working calendar, and why: the explanation behind a working-day count. */
public enum DayStatus {
    /** A working day of the normal week. */
    WORKING_DAY(true),
    /** A working day by a transfer (a working Saturday). */
    TRANSFERRED_WORKING_DAY(true),
    /** A weekly day off. */
    WEEKEND(false),
    /** A public holiday, or the weekday that substitutes for one. */
    PUBLIC_HOLIDAY(false),
    /** A day off by a transfer (a day off moved to a weekday). */
    TRANSFERRED_DAY_OFF(false),
    /** A day off the admin gave the whole company. */
    COMPANY_DAY_OFF(false),
    /** A day off the admin gave the manager's team. */
    TEAM_DAY_OFF(false),
    /** A day off the admin gave the manager. */
    MANAGER_DAY_OFF(false);

    private final boolean working;

    DayStatus(boolean working) {
        this.working = working;
    }

    /** True for a working day. */
    public boolean isWorking() {
        return working;
    }
}
