package org.pacekpi.engine.internal.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pacekpi.api.PeriodType;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.calendar.Periods;

/**
 * The period a goal is set for: a calendar month or a calendar quarter, of the manager's local days.
 *
 * @param type  {@link PeriodType#MONTH} or {@link PeriodType#QUARTER}
 * @param range the period's days, exactly the month or the quarter
 */
public record PlanPeriod(PeriodType type, DateRange range) {

    private static final Pattern QUARTER_TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    /** Checks that the range is the whole month or quarter of its type. */
    public PlanPeriod {
        if (type != PeriodType.MONTH && type != PeriodType.QUARTER) {
            throw new PlanValidationException("period", "must be a month or a quarter, was " + type);
        }
        if (range == null) {
            throw new PlanValidationException("period", "is required");
        }
        if (!Periods.containing(type, range.from()).equals(range)) {
            throw new PlanValidationException("period", range + " is not a calendar " + type.id());
        }
    }

    /** A calendar month. */
    public static PlanPeriod month(YearMonth month) {
        Objects.requireNonNull(month, "month");
        return new PlanPeriod(PeriodType.MONTH, new DateRange(month.atDay(1), month.atEndOfMonth()));
    }

    /** A calendar quarter, 1 to 4. */
    public static PlanPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new PlanValidationException("period", "quarter must be 1 to 4, was " + quarter);
        }
        return new PlanPeriod(PeriodType.QUARTER, Periods.containing(PeriodType.QUARTER, LocalDate.of(year, 3 * quarter - 2, 1)));
    }

    /**
     * The month or quarter that is exactly the range.
     *
     * @throws PlanValidationException naming {@code period} if the range is neither
     */
    public static PlanPeriod of(DateRange range) {
        if (range == null) {
            throw new PlanValidationException("period", "is required");
        }
        for (PeriodType type : new PeriodType[] {PeriodType.MONTH, PeriodType.QUARTER}) {
            if (Periods.containing(type, range.from()).equals(range)) {
                return new PlanPeriod(type, range);
            }
        }
        throw new PlanValidationException("period", range + " is neither a calendar month nor a calendar quarter");
    }

    /**
     * Parses a month {@code 2026-03} or a quarter {@code 2026-Q1} (the Q in either case).
     *
     * @throws PlanValidationException naming {@code period}, with the accepted forms
     */
    public static PlanPeriod parse(String text) {
        String trimmed = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        Matcher quarter = QUARTER_TEXT.matcher(trimmed);
        if (quarter.matches()) {
            return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
        }
        try {
            return month(YearMonth.parse(trimmed));
        } catch (DateTimeParseException e) {
            throw new PlanValidationException("period", "must be a month such as 2026-03 or a quarter such as 2026-Q1; was '"
                    + text + "'");
        }
    }

    /** {@code 2026-03} or {@code 2026-Q1}, as {@link #parse} reads it. */
    @Override
    public String toString() {
        return type == PeriodType.MONTH ? YearMonth.from(range.from()).toString()
                : range.from().getYear() + "-Q" + range.from().get(IsoFields.QUARTER_OF_YEAR);
    }
}
