package org.pacekpi.engine.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The jollyday-backed holidays, checked against the laws they come from. */
class PublicHolidaysTest {

    /** Labour Code of the Russian Federation, art. 112: the non-working public holidays. */
    private static final List<MonthDay> RUSSIAN_HOLIDAYS = List.of(
            MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(1, 4), MonthDay.of(1, 5),
            MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8), MonthDay.of(2, 23), MonthDay.of(3, 8),
            MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12), MonthDay.of(11, 4));

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void russiaHasItsPublicHolidays(int year) {
        PublicHolidays russia = PublicHolidays.of("RU");
        for (MonthDay holiday : RUSSIAN_HOLIDAYS) {
            LocalDate date = holiday.atYear(year);
            // jollyday drops a weekend holiday whose substitute coincides with another's (4 and 5 January 2025 both
            // map to Monday 6 January): harmless on a weekend, so only weekday holidays must be listed as such.
            if (date.getDayOfWeek().getValue() <= 5) {
                assertThat(russia.isHoliday(date)).as("%s", date).isTrue();
            }
        }
        assertThat(russia.isHoliday(LocalDate.of(year, 2, 3))).isFalse();
        assertThat(russia.isHoliday(LocalDate.of(year, 12, 30))).isFalse();
    }

    @Test
    void aWeekendHolidayHasASubstituteWeekdayInRussia() {
        // 8 March 2026 is a Sunday: the day off moves to Monday 9 March (Labour Code art. 112, part 2).
        List<PublicHoliday> march = PublicHolidays.of("ru").between(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"));
        assertThat(march).extracting(PublicHoliday::date)
                .containsExactly(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-09"));
        assertThat(march.get(1).isSubstitute()).isTrue();
        assertThat(march.get(1).actualDate()).isEqualTo(LocalDate.parse("2026-03-08"));
        assertThat(march.get(1).name()).isNotBlank();
    }

    @Test
    void germanHolidaysDependOnTheState() {
        PublicHolidays bavaria = PublicHolidays.of("DE", "BY");
        PublicHolidays berlin = PublicHolidays.of("DE", "BE");
        PublicHolidays germany = PublicHolidays.of("DE");
        // Nationwide in 2026: Good Friday 3 April, Easter Monday 6 April, Whit Monday 25 May, Unity Day 3 October.
        for (String day : List.of("2026-04-03", "2026-04-06", "2026-05-25", "2026-10-03")) {
            assertThat(bavaria.isHoliday(LocalDate.parse(day))).as("BY %s", day).isTrue();
            assertThat(berlin.isHoliday(LocalDate.parse(day))).as("BE %s", day).isTrue();
            assertThat(germany.isHoliday(LocalDate.parse(day))).as("DE %s", day).isTrue();
        }
        // Epiphany and Corpus Christi in Bavaria, not in Berlin.
        for (String day : List.of("2026-01-06", "2026-06-04")) {
            assertThat(bavaria.isHoliday(LocalDate.parse(day))).as("BY %s", day).isTrue();
            assertThat(berlin.isHoliday(LocalDate.parse(day))).as("BE %s", day).isFalse();
            assertThat(germany.isHoliday(LocalDate.parse(day))).as("DE %s", day).isFalse();
        }
        // International Women's Day in Berlin (since 2019), not in Bavaria: Monday 8 March 2027.
        assertThat(berlin.isHoliday(LocalDate.parse("2027-03-08"))).isTrue();
        assertThat(bavaria.isHoliday(LocalDate.parse("2027-03-08"))).isFalse();
        assertThat(bavaria.calendar()).isEqualTo(HolidayCalendarId.parse("de/by"));
    }

    @Test
    void aSubstituteDayInThePreviousYearIsFound() {
        // 1 January 2022 was a Saturday; the United States observed it on Friday 31 December 2021.
        PublicHolidays us = PublicHolidays.of("US");
        assertThat(us.isHoliday(LocalDate.parse("2021-12-31"))).isTrue();
        assertThat(us.between(LocalDate.parse("2021-12-31"), LocalDate.parse("2021-12-31")))
                .singleElement()
                .satisfies(holiday -> assertThat(holiday.actualDate()).isEqualTo(LocalDate.parse("2022-01-01")));
    }

    @Test
    void betweenIsOrderedAndBounded() {
        List<PublicHoliday> holidays = PublicHolidays.of("RU").between(LocalDate.parse("2025-12-31"), LocalDate.parse("2026-02-28"));
        assertThat(holidays).extracting(PublicHoliday::date).isSorted()
                .allSatisfy(day -> assertThat(day).isBetween(LocalDate.parse("2025-12-31"), LocalDate.parse("2026-02-28")))
                .contains(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-23"));
        assertThatThrownBy(() -> PublicHolidays.of("RU").between(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownCountriesAndSubdivisionsAreNamed() {
        assertThatThrownBy(() -> PublicHolidays.of("XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'XX'");
        assertThatThrownBy(() -> PublicHolidays.of("DE", "ZZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ZZ'").hasMessageContaining("BY");
        assertThatThrownBy(() -> PublicHolidays.of("RU", "MOW")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'MOW'").hasMessageContaining("has none");
    }

    @Test
    void theSourceCachesOneInstancePerCalendar() {
        assertThat(HolidayCalendars.jollyday().of(HolidayCalendarId.parse("DE/BY")))
                .isSameAs(HolidayCalendars.jollyday().of(HolidayCalendarId.of("de", "by")));
    }

    @Test
    void calendarIdsParseAndNest() {
        HolidayCalendarId bavaria = HolidayCalendarId.parse(" de / by ");
        assertThat(bavaria.id()).isEqualTo("DE/BY");
        assertThat(bavaria.isWithin(HolidayCalendarId.parse("DE"))).isTrue();
        assertThat(HolidayCalendarId.parse("DE").isWithin(bavaria)).isFalse();
        assertThat(bavaria.isWithin(HolidayCalendarId.parse("DE/BE"))).isFalse();
        assertThat(bavaria.countryOnly()).isEqualTo(HolidayCalendarId.parse("DE"));
        assertThatThrownBy(() -> HolidayCalendarId.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HolidayCalendarId.parse("R1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R1");
        assertThatThrownBy(() -> HolidayCalendarId.parse("DE/")).isInstanceOf(IllegalArgumentException.class);
    }
}
