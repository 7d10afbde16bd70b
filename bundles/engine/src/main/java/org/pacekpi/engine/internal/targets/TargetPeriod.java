package org.pacekpi.engine.internal.targets;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pacekpi.api.PeriodType;
import org.pacekpi.api.targets.ValidationException;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.plan.PlanPeriod;
import org.pacekpi.engine.internal.plan.PlanValidationException;

/**
 * The period of a manual target: an ISO week ({@code 2026-W10}, Monday to Sunday, also across a year boundary), a
 * calendar month ({@code 2026-03}) or a calendar quarter ({@code 2026-Q1}), of the scope's local days.
 *
 * @param text  the period written canonically, as stored: {@code 2026-W10}, {@code 2026-03}, {@code 2026-Q1}
 * @param type  week, month or quarter
 * @param range its days
 */
public record TargetPeriod(String text, PeriodType type, DateRange range) {

    private static final Pattern WEEK_TEXT = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** Checks that every field is given. */
    public TargetPeriod {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(range, "range");
    }

    /**
     * Reads a week, a month or a quarter (the W and Q in either case).
     *
     * @throws ValidationException naming {@code field}, with the accepted forms
     */
    public static TargetPeriod parse(String text, String field) {
        String trimmed = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        Matcher week = WEEK_TEXT.matcher(trimmed);
        if (week.matches()) {
            int year = Integer.parseInt(week.group(1));
            int number = Integer.parseInt(week.group(2));
            // 4 January is always in week 1 of its ISO year; the year has 52 or 53 weeks.
            LocalDate fourth = LocalDate.of(year, 1, 4);
            long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(fourth).getMaximum();
            if (number < 1 || number > weeks) {
                throw new ValidationException(field, "week " + number + " does not exist: " + year + " has weeks 01 to " + weeks);
            }
            LocalDate monday = fourth.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return new TargetPeriod(String.format(Locale.ROOT, "%04d-W%02d", year, number), PeriodType.WEEK,
                    new DateRange(monday, monday.plusDays(6)));
        }
        try {
            PlanPeriod period = PlanPeriod.parse(text);
            return new TargetPeriod(period.toString(), period.type(), period.range());
        } catch (PlanValidationException e) {
            throw new ValidationException(field, "must be a week such as 2026-W10, a month such as 2026-03 or a quarter "
                    + "such as 2026-Q1; was " + (text == null ? "missing" : "'" + text + "'"));
        }
    }
}
