package org.pacekpi.engine.internal.plan;

/**
 * How many weeks a plan's period has, for its per-week figures. The cumulative schedule by week does not depend on
 * it: it always follows the ISO weeks of the period in the manager's calendar.
 */
public enum WeeksRule {
    /**
     * The default: the period's working days over the working days of a normal week of the manager's calendar, so
     * a March with 21 working days in a Monday-to-Friday week has 4.2 weeks.
     */
    WORKING_CALENDAR,
    /** The plain rule of thumb: 4 weeks a month, 12 a quarter. */
    FOUR_WEEKS_A_MONTH
}
