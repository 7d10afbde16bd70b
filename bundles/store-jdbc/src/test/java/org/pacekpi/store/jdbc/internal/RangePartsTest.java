package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pacekpi.store.jdbc.internal.AggregateTable.DAILY;
import static org.pacekpi.store.jdbc.internal.AggregateTable.MONTHLY;
import static org.pacekpi.store.jdbc.internal.AggregateTable.WEEKLY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.pacekpi.store.jdbc.internal.RangeParts.Part;

class RangePartsTest {

    @Test
    void partialMonthsAtBothEndsAreReadByWeekAndDayAndTheMonthsBetweenByMonth() {
        assertThat(RangeParts.of(day("2026-01-15"), day("2026-04-10"))).containsExactly(
                new Part(DAILY, day("2026-01-15"), day("2026-01-18")),
                new Part(WEEKLY, day("2026-01-19"), day("2026-01-25")),
                new Part(DAILY, day("2026-01-26"), day("2026-01-31")),
                new Part(MONTHLY, day("2026-02-01"), day("2026-03-31")),
                new Part(DAILY, day("2026-04-01"), day("2026-04-10")));
    }

    @Test
    void wholeMonthsAndQuartersAreReadByMonthOnly() {
        assertThat(RangeParts.of(day("2026-02-01"), day("2026-02-28")))
                .containsExactly(new Part(MONTHLY, day("2026-02-01"), day("2026-02-28")));
        assertThat(RangeParts.of(day("2024-02-01"), day("2024-02-29"))).as("a leap February")
                .containsExactly(new Part(MONTHLY, day("2024-02-01"), day("2024-02-29")));
        assertThat(RangeParts.of(day("2026-04-01"), day("2026-06-30")))
                .containsExactly(new Part(MONTHLY, day("2026-04-01"), day("2026-06-30")));
    }

    @Test
    void aRangeShorterThanItsMonthIsReadByWeekAndDay() {
        assertThat(RangeParts.of(day("2026-03-02"), day("2026-03-08"))).as("an ISO week")
                .containsExactly(new Part(WEEKLY, day("2026-03-02"), day("2026-03-08")));
        assertThat(RangeParts.of(day("2026-03-01"), day("2026-03-30"))).as("the first day, not the last")
                .containsExactly(new Part(DAILY, day("2026-03-01"), day("2026-03-01")),
                        new Part(WEEKLY, day("2026-03-02"), day("2026-03-29")),
                        new Part(DAILY, day("2026-03-30"), day("2026-03-30")));
        assertThat(RangeParts.of(day("2026-03-03"), day("2026-03-09"))).as("seven days, not a week")
                .containsExactly(new Part(DAILY, day("2026-03-03"), day("2026-03-09")));
        assertThat(RangeParts.of(day("2026-03-31"), day("2026-03-31"))).as("one day")
                .containsExactly(new Part(DAILY, day("2026-03-31"), day("2026-03-31")));
    }

    @Test
    void twoPartialMonthsSideBySideAreOneRunOfDaysAndWeeks() {
        assertThat(RangeParts.of(day("2026-03-30"), day("2026-04-05"))).as("a week across a month's end")
                .containsExactly(new Part(WEEKLY, day("2026-03-30"), day("2026-04-05")));
        assertThat(RangeParts.of(day("2025-12-29"), day("2026-01-04"))).as("ISO week 1 of 2026, from 2025")
                .containsExactly(new Part(WEEKLY, day("2025-12-29"), day("2026-01-04")));
        assertThat(RangeParts.of(day("2026-12-28"), day("2027-01-03"))).as("ISO week 53 of 2026")
                .containsExactly(new Part(WEEKLY, day("2026-12-28"), day("2027-01-03")));
        assertThat(RangeParts.of(day("2026-03-20"), day("2026-04-10"))).containsExactly(
                new Part(DAILY, day("2026-03-20"), day("2026-03-22")),
                new Part(WEEKLY, day("2026-03-23"), day("2026-04-05")),
                new Part(DAILY, day("2026-04-06"), day("2026-04-10")));
    }

    @Test
    void aRangeAcrossTheYearsEndKeepsItsWholeMonths() {
        assertThat(RangeParts.of(day("2025-11-20"), day("2026-01-31"))).containsExactly(
                new Part(DAILY, day("2025-11-20"), day("2025-11-23")),
                new Part(WEEKLY, day("2025-11-24"), day("2025-11-30")),
                new Part(MONTHLY, day("2025-12-01"), day("2026-01-31")));
        assertThat(RangeParts.of(day("2025-12-01"), day("2026-01-02"))).containsExactly(
                new Part(MONTHLY, day("2025-12-01"), day("2025-12-31")),
                new Part(DAILY, day("2026-01-01"), day("2026-01-02")));
    }

    @Test
    void anEmptyRangeHasNoParts() {
        assertThat(RangeParts.of(day("2026-03-02"), day("2026-03-01"))).isEmpty();
        assertThat(RangeParts.of(day("2026-04-01"), day("2026-03-31"))).isEmpty();
    }

    @Test
    void theWidestRangesKeepTheirBoundsAsGiven() {
        // The drivers send LocalDate.MIN and MAX as -infinity and infinity, which the monthly part must keep.
        assertThat(RangeParts.of(LocalDate.MIN, LocalDate.MAX))
                .containsExactly(new Part(MONTHLY, LocalDate.MIN, LocalDate.MAX));
        assertThat(RangeParts.of(LocalDate.MAX, LocalDate.MAX))
                .containsExactly(new Part(DAILY, LocalDate.MAX, LocalDate.MAX));
        List<Part> nearlyWidest = RangeParts.of(LocalDate.MIN.plusDays(3), LocalDate.MAX.minusDays(3));
        assertThat(nearlyWidest.get(0).first()).isEqualTo(LocalDate.MIN.plusDays(3));
        assertThat(nearlyWidest).filteredOn(part -> part.table() == MONTHLY).containsExactly(new Part(MONTHLY,
                LocalDate.MIN.withDayOfMonth(1).plusMonths(1), LocalDate.MAX.withDayOfMonth(1).minusDays(1)));
        assertThat(nearlyWidest.get(nearlyWidest.size() - 1).last()).isEqualTo(LocalDate.MAX.minusDays(3));
        // A few days next to the limits: the steps to a week's Monday and Sunday must not leave LocalDate's range.
        for (int days = 0; days < 10; days++) {
            assertThat(RangeParts.of(LocalDate.MIN, LocalDate.MIN.plusDays(days))).isNotEmpty();
            assertThat(RangeParts.of(LocalDate.MAX.minusDays(days), LocalDate.MAX)).isNotEmpty();
        }
    }

    /**
     * Property: the parts cover every day of the range exactly once, a monthly part holds whole months only and a
     * weekly part whole ISO weeks only, every whole month inside the range is read by month, and no daily part holds a
     * whole week.
     */
    @Test
    void partsCoverEveryDayOfTheRangeOnce() {
        Random random = new Random(11);
        LocalDate base = day("2023-11-01");
        for (int i = 0; i < 5000; i++) {
            LocalDate from = base.plusDays(random.nextInt(900));
            LocalDate to = from.plusDays(random.nextInt(random.nextBoolean() ? 40 : 500) - 3);
            List<Part> parts = RangeParts.of(from, to);
            LocalDate next = from;
            for (Part part : parts) {
                assertThat(part.first()).as("%s..%s: %s", from, to, parts).isEqualTo(next);
                assertThat(part.last()).as("%s..%s: %s", from, to, parts).isAfterOrEqualTo(part.first());
                if (part.table() == MONTHLY) {
                    assertThat(part.first().getDayOfMonth()).isEqualTo(1);
                    assertThat(part.last()).isEqualTo(YearMonth.from(part.last()).atEndOfMonth());
                }
                if (part.table() == WEEKLY) {
                    assertThat(part.first().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                    assertThat(part.last().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
                }
                if (part.table() == DAILY) {
                    LocalDate monday = part.first().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                    assertThat(monday.plusDays(6)).as("%s..%s: a daily part holds no whole week: %s", from, to, part)
                            .isAfter(part.last());
                }
                next = part.last().plusDays(1);
            }
            assertThat(next).as("%s..%s: %s", from, to, parts).isEqualTo(from.isAfter(to) ? from : to.plusDays(1));
            for (int p = 1; p < parts.size(); p++) {
                assertThat(parts.get(p).table()).as("%s..%s: parts alternate: %s", from, to, parts)
                        .isNotEqualTo(parts.get(p - 1).table());
            }
            long wholeMonths = 0;
            for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
                if (!month.atDay(1).isBefore(from) && !month.atEndOfMonth().isAfter(to)) {
                    wholeMonths++;
                }
            }
            long monthsReadByMonth = parts.stream().filter(part -> part.table() == MONTHLY)
                    .mapToLong(part -> YearMonth.from(part.first()).until(YearMonth.from(part.last()),
                            ChronoUnit.MONTHS) + 1).sum();
            assertThat(monthsReadByMonth).as("%s..%s: every whole month inside is read by month", from, to)
                    .isEqualTo(wholeMonths);
        }
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
