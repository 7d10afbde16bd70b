package org.pacekpi.api.dto;

import java.time.LocalDate;

/**
 * The working days of a period in a manager's working calendar (weekends, public holidays, transferred working
 * days and days off), as of a day. What pacing needs: how much of the period is behind and how much is left.
 *
 * @param total     working days in the whole period
 * @param elapsed   working days of the period before {@code asOf}
 * @param remaining working days of the period from {@code asOf} on, {@code asOf} included
 * @param asOf      the day the split is made on: today in the manager's time zone
 */
public record WorkingDays(int total, int elapsed, int remaining, LocalDate asOf) {
}
