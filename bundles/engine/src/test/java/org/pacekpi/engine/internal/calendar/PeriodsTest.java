package org.pacekpi.engine.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pacekpi.api.PeriodType;

class PeriodsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Nested
    class Containing {

        @Test
        void dayIsTheDayItself() {
            assertThat(Periods.containing(PeriodType.DAY, LocalDate.parse("2026-02-28")))
                    .isEqualTo(range("2026-02-28", "2026-02-28"));
        }

        @Test
        void isoWeekRunsMondayToSundayAcrossTheYearBoundary() {
            // 1 January 2026 is a Thursday: its ISO week (2026-W01) starts on Monday 29 December 2025.
            DateRange week = Periods.containing(PeriodType.WEEK, LocalDate.parse("2026-01-01"));
            assertThat(week).isEqualTo(range("2025-12-29", "2026-01-04"));
            assertThat(week.from().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).isEqualTo(1);
            assertThat(week.from().get(IsoFields.WEEK_BASED_YEAR)).isEqualTo(2026);
        }

        @Test
        void week53Of2026EndsIn2027() {
            DateRange week = Periods.containing(PeriodType.WEEK, LocalDate.parse("2027-01-03"));
            assertThat(week).isEqualTo(range("2026-12-28", "2027-01-03"));
            assertThat(week.from().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).isEqualTo(53);
            assertThat(week.to().get(IsoFields.WEEK_BASED_YEAR)).isEqualTo(2026);
            assertThat(Periods.next(PeriodType.WEEK, week)).isEqualTo(range("2027-01-04", "2027-01-10"));
        }

        @Test
        void year2026HasFiftyThreeIsoWeeksAnd2025FiftyTwo() {
            List<DateRange> weeksOf2026 = Periods.series(PeriodType.WEEK, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
            assertThat(weeksOf2026).hasSize(53)
                    .allSatisfy(week -> assertThat(week.from().get(IsoFields.WEEK_BASED_YEAR)).isEqualTo(2026));
            // The last week of 2025 is already ISO week 1 of 2026.
            assertThat(Periods.series(PeriodType.WEEK, LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"))).hasSize(53)
                    .filteredOn(week -> week.from().get(IsoFields.WEEK_BASED_YEAR) == 2025)
                    .hasSize(52);
        }

        @Test
        void monthKnowsLeapYears() {
            assertThat(Periods.containing(PeriodType.MONTH, LocalDate.parse("2026-02-14"))).isEqualTo(range("2026-02-01", "2026-02-28"));
            assertThat(Periods.containing(PeriodType.MONTH, LocalDate.parse("2028-02-14"))).isEqualTo(range("2028-02-01", "2028-02-29"));
            assertThat(Periods.containing(PeriodType.MONTH, LocalDate.parse("2026-12-31"))).isEqualTo(range("2026-12-01", "2026-12-31"));
        }

        @Test
        void quartersAreJanuaryAprilJulyOctober() {
            assertThat(Periods.containing(PeriodType.QUARTER, LocalDate.parse("2026-01-01"))).isEqualTo(range("2026-01-01", "2026-03-31"));
            assertThat(Periods.containing(PeriodType.QUARTER, LocalDate.parse("2026-03-31"))).isEqualTo(range("2026-01-01", "2026-03-31"));
            assertThat(Periods.containing(PeriodType.QUARTER, LocalDate.parse("2026-04-01"))).isEqualTo(range("2026-04-01", "2026-06-30"));
            assertThat(Periods.containing(PeriodType.QUARTER, LocalDate.parse("2026-08-15"))).isEqualTo(range("2026-07-01", "2026-09-30"));
            assertThat(Periods.containing(PeriodType.QUARTER, LocalDate.parse("2026-12-31"))).isEqualTo(range("2026-10-01", "2026-12-31"));
            assertThat(Periods.next(PeriodType.QUARTER, range("2026-10-01", "2026-12-31"))).isEqualTo(range("2027-01-01", "2027-03-31"));
        }

        @Test
        void theQuartersOfAYearCoverItExactly() {
            List<DateRange> quarters = Periods.series(PeriodType.QUARTER, LocalDate.parse("2028-01-01"), LocalDate.parse("2028-12-31"));
            assertThat(quarters).hasSize(4);
            assertThat(quarters.stream().mapToInt(DateRange::days).sum()).isEqualTo(366);
            for (int i = 1; i < quarters.size(); i++) {
                assertThat(quarters.get(i).from()).isEqualTo(quarters.get(i - 1).to().plusDays(1));
            }
        }
    }

    @Nested
    class LocalDays {

        @Test
        void anActivityAt0030OnTheSpringForwardDayBelongsToThatLocalDay() {
            // Berlin moves from 02:00 CET to 03:00 CEST on 29 March 2026; 00:30 local is still CET (UTC+1).
            Instant at = Instant.parse("2026-03-28T23:30:00Z");
            assertThat(at.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(0, 30));
            assertThat(Periods.localDay(at, BERLIN)).isEqualTo(LocalDate.parse("2026-03-29"));
            assertThat(Periods.localDay(at, ZoneOffset.UTC)).isEqualTo(LocalDate.parse("2026-03-28"));
            assertThat(Periods.containing(PeriodType.MONTH, at, BERLIN)).isEqualTo(range("2026-03-01", "2026-03-31"));
            assertThat(Periods.containing(PeriodType.QUARTER, at, BERLIN)).isEqualTo(range("2026-01-01", "2026-03-31"));
        }

        @Test
        void anActivityAt0030OnTheFallBackDayBelongsToThatLocalDay() {
            // Berlin moves from 03:00 CEST back to 02:00 CET on 25 October 2026; 00:30 local is still CEST (UTC+2).
            Instant at = Instant.parse("2026-10-24T22:30:00Z");
            assertThat(at.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(0, 30));
            assertThat(Periods.localDay(at, BERLIN)).isEqualTo(LocalDate.parse("2026-10-25"));
            assertThat(Periods.localDay(at, ZoneOffset.UTC)).isEqualTo(LocalDate.parse("2026-10-24"));
        }

        @Test
        void dstDaysLast23And25Hours() {
            DateRange spring = DateRange.day(LocalDate.parse("2026-03-29"));
            DateRange autumn = DateRange.day(LocalDate.parse("2026-10-25"));
            assertThat(Duration.between(spring.start(BERLIN), spring.end(BERLIN))).isEqualTo(Duration.ofHours(23));
            assertThat(Duration.between(autumn.start(BERLIN), autumn.end(BERLIN))).isEqualTo(Duration.ofHours(25));
            DateRange march = range("2026-03-01", "2026-03-31");
            assertThat(Duration.between(march.start(BERLIN), march.end(BERLIN))).isEqualTo(Duration.ofHours(31 * 24 - 1));
        }

        @Test
        void aDayWhoseMidnightIsSkippedStartsAtItsFirstValidInstant() {
            // Chile moves clocks from 00:00 to 01:00 on 6 September 2026: there is no local midnight that day.
            ZoneId santiago = ZoneId.of("America/Santiago");
            DateRange day = DateRange.day(LocalDate.parse("2026-09-06"));
            assertThat(day.start(santiago)).isEqualTo(Instant.parse("2026-09-06T04:00:00Z"));
            assertThat(day.start(santiago).atZone(santiago).toLocalTime()).isEqualTo(LocalTime.of(1, 0));
            assertThat(Periods.localDay(day.start(santiago).minusSeconds(1), santiago)).isEqualTo(LocalDate.parse("2026-09-05"));
        }

        @Test
        void todayIsTheManagersDayWhateverTheServersZone() {
            // The server's clock says 31 March 2026 in UTC; in Vladivostok (UTC+10) it is already 1 April, Q2.
            Clock server = Clock.fixed(Instant.parse("2026-03-31T15:00:00Z"), ZoneOffset.UTC);
            ZoneId vladivostok = ZoneId.of("Asia/Vladivostok");
            assertThat(Periods.today(server, vladivostok)).isEqualTo(LocalDate.parse("2026-04-01"));
            assertThat(Periods.containing(PeriodType.QUARTER, Periods.today(server, vladivostok))).isEqualTo(range("2026-04-01", "2026-06-30"));
            assertThat(Periods.today(server, ZoneOffset.UTC)).isEqualTo(LocalDate.parse("2026-03-31"));
        }

        @Test
        void newYearsEveInLosAngelesIsStillTheOldYear() {
            Instant at = Instant.parse("2026-01-01T05:00:00Z");
            ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
            assertThat(Periods.containing(PeriodType.MONTH, at, losAngeles)).isEqualTo(range("2025-12-01", "2025-12-31"));
            assertThat(Periods.containing(PeriodType.QUARTER, at, losAngeles)).isEqualTo(range("2025-10-01", "2025-12-31"));
            assertThat(Periods.containing(PeriodType.WEEK, at, losAngeles)).isEqualTo(range("2025-12-29", "2026-01-04"));
            assertThat(Periods.containing(PeriodType.MONTH, at, ZoneOffset.UTC)).isEqualTo(range("2026-01-01", "2026-01-31"));
        }
    }

    @Nested
    class CustomRanges {

        @Test
        void aValidRangeIsKept() {
            assertThat(Periods.custom(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-01-15"))).isEqualTo(range("2026-01-15", "2026-01-15"));
            assertThat(Periods.custom(LocalDate.parse("2024-01-01"), LocalDate.parse("2026-12-31")).days()).isEqualTo(366 + 365 + 365);
        }

        @Test
        void errorsNameTheParameter() {
            assertThatThrownBy(() -> Periods.custom(null, LocalDate.parse("2026-01-01")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("from ");
            assertThatThrownBy(() -> Periods.custom(LocalDate.parse("2026-01-01"), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("to ");
            assertThatThrownBy(() -> Periods.custom(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-01-31")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("to (2026-01-31)").hasMessageContaining("from (2026-02-01)");
        }

        @Test
        void threeYearsOrMoreAreRefused() {
            assertThatThrownBy(() -> Periods.custom(LocalDate.parse("2024-01-01"), LocalDate.parse("2027-01-01")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("to (2027-01-01)").hasMessageContaining("3 years");
        }
    }

    @Nested
    class Series {

        @Test
        void weeklyOverAQuarterHasWholeIsoWeeks() {
            List<DateRange> weeks = Periods.series(PeriodType.WEEK, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"));
            assertThat(weeks).hasSize(14);
            assertThat(weeks.get(0)).isEqualTo(range("2025-12-29", "2026-01-04"));
            assertThat(weeks.get(13)).isEqualTo(range("2026-03-30", "2026-04-05"));
            for (int i = 1; i < weeks.size(); i++) {
                assertThat(weeks.get(i).from()).isEqualTo(weeks.get(i - 1).to().plusDays(1));
                assertThat(weeks.get(i).days()).isEqualTo(7);
            }
        }

        @Test
        void monthlyAcrossTheYearBoundary() {
            assertThat(Periods.series(PeriodType.MONTH, LocalDate.parse("2025-11-20"), LocalDate.parse("2026-02-02")))
                    .containsExactly(range("2025-11-01", "2025-11-30"), range("2025-12-01", "2025-12-31"),
                            range("2026-01-01", "2026-01-31"), range("2026-02-01", "2026-02-28"));
        }

        @Test
        void weeksWithinAMonthAreClippedToIt() {
            // March 2026 starts on a Sunday and ends on a Tuesday.
            List<DateRange> weeks = Periods.within(PeriodType.WEEK, range("2026-03-01", "2026-03-31"));
            assertThat(weeks).containsExactly(range("2026-03-01", "2026-03-01"), range("2026-03-02", "2026-03-08"),
                    range("2026-03-09", "2026-03-15"), range("2026-03-16", "2026-03-22"),
                    range("2026-03-23", "2026-03-29"), range("2026-03-30", "2026-03-31"));
            assertThat(weeks.stream().mapToInt(DateRange::days).sum()).isEqualTo(31);
        }

        @Test
        void errorsNameTheParameter() {
            assertThatThrownBy(() -> Periods.series(null, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("step ");
            assertThatThrownBy(() -> Periods.series(PeriodType.DAY, LocalDate.parse("2026-01-01"), LocalDate.parse("2029-06-01")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("to ");
            assertThatThrownBy(() -> Periods.series(PeriodType.WEEK, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-02-01")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("to ");
        }
    }

    @Nested
    class Ranges {

        @Test
        void aRangeMayNotEndBeforeItStarts() {
            assertThatThrownBy(() -> range("2026-01-02", "2026-01-01")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2026-01-01").hasMessageContaining("2026-01-02");
        }

        @Test
        void intersectionAndContains() {
            DateRange march = range("2026-03-01", "2026-03-31");
            assertThat(march.intersection(range("2026-02-20", "2026-03-02"))).contains(range("2026-03-01", "2026-03-02"));
            assertThat(march.intersection(range("2026-04-01", "2026-04-02"))).isEmpty();
            assertThat(march.contains(LocalDate.parse("2026-03-31"))).isTrue();
            assertThat(march.contains(LocalDate.parse("2026-04-01"))).isFalse();
            assertThat(march.dates()).hasSize(31).startsWith(LocalDate.parse("2026-03-01")).endsWith(LocalDate.parse("2026-03-31"));
        }
    }
}
