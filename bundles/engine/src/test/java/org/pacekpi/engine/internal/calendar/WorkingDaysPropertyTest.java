package org.pacekpi.engine.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.WorkingDays;

/**
 * The arithmetic of working days on random calendars (random week, holidays, transfers and days off), checked
 * against the day-by-day definition: {@link WorkingCalendar#status} decides each day, and every count is the
 * number of working days so decided.
 */
class WorkingDaysPropertyTest {

    private static final LocalDate EPOCH = LocalDate.of(2024, 1, 1);
    private static final int SPAN_DAYS = 5 * 366;

    private static LocalDate dayAt(int offset) {
        return EPOCH.plusDays(offset);
    }

    private static int naiveCount(WorkingCalendar calendar, DateRange range) {
        return (int) range.dates().filter(day -> calendar.status(day).isWorking()).count();
    }

    @Provide
    Arbitrary<WorkingCalendar> calendars() {
        Arbitrary<Set<DayOfWeek>> weeks = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
        Arbitrary<Set<LocalDate>> days = Arbitraries.integers().between(0, SPAN_DAYS).map(WorkingDaysPropertyTest::dayAt)
                .set().ofMaxSize(60);
        Arbitrary<Map<LocalDate, DayTransfer>> transfers = Combinators.combine(
                        Arbitraries.integers().between(0, SPAN_DAYS).map(WorkingDaysPropertyTest::dayAt),
                        Arbitraries.of(DayTransfer.Kind.class))
                .as((day, kind) -> new DayTransfer(HolidayCalendarId.parse("RU"), day, kind, "random"))
                .list().ofMaxSize(30)
                .map(list -> {
                    Map<LocalDate, DayTransfer> map = new HashMap<>();
                    list.forEach(transfer -> map.put(transfer.date(), transfer));
                    return map;
                });
        return Combinators.combine(weeks, days, transfers, days, days, days)
                .as((week, holidays, moved, company, team, manager) -> WorkingCalendar.builder(ZoneId.of("Europe/Moscow"))
                        .workingWeek(EnumSet.copyOf(week))
                        .holidays(new FixedHolidays(HolidayCalendarId.parse("RU"), holidays))
                        .transfers(moved)
                        .companyDaysOff(company)
                        .teamDaysOff(team)
                        .managerDaysOff(manager)
                        .build());
    }

    @Provide
    Arbitrary<PeriodType> periodTypes() {
        return Arbitraries.of(PeriodType.class);
    }

    @Property(tries = 300)
    void aCountIsTheNumberOfWorkingDays(@ForAll("calendars") WorkingCalendar calendar,
                                        @ForAll @IntRange(min = 0, max = 4 * 366) int start,
                                        @ForAll @IntRange(min = 0, max = 800) int length) {
        DateRange range = new DateRange(dayAt(start), dayAt(start + length));
        assertThat(calendar.workingDays(range)).isEqualTo(naiveCount(calendar, range));
        assertThat(range.dates()).allSatisfy(day ->
                assertThat(calendar.isWorkingDay(day)).isEqualTo(calendar.status(day).isWorking()));
    }

    @Property(tries = 300)
    void totalIsElapsedPlusRemainingForADayInThePeriod(@ForAll("calendars") WorkingCalendar calendar,
                                                       @ForAll("periodTypes") PeriodType type,
                                                       @ForAll @IntRange(min = 0, max = 4 * 366) int offset,
                                                       @ForAll @IntRange(min = 0, max = 91) int asOfShift) {
        DateRange period = Periods.containing(type, dayAt(offset));
        LocalDate asOf = period.from().plusDays(asOfShift % period.days());
        WorkingDays split = calendar.split(period, asOf);

        assertThat(split.total()).isEqualTo(split.elapsed() + split.remaining());
        assertThat(split.total()).isEqualTo(naiveCount(calendar, period));
        assertThat(split.remaining()).isEqualTo(naiveCount(calendar, new DateRange(asOf, period.to())));
        assertThat(split.elapsed()).isEqualTo(asOf.equals(period.from()) ? 0
                : naiveCount(calendar, new DateRange(period.from(), asOf.minusDays(1))));
        assertThat(split.asOf()).isEqualTo(asOf);
    }

    @Property(tries = 200)
    void aDayOutsideThePeriodLeavesItAllRemainingOrAllElapsed(@ForAll("calendars") WorkingCalendar calendar,
                                                              @ForAll("periodTypes") PeriodType type,
                                                              @ForAll @IntRange(min = 400, max = 3 * 366) int offset,
                                                              @ForAll @IntRange(min = 1, max = 300) int distance) {
        DateRange period = Periods.containing(type, dayAt(offset));
        WorkingDays before = calendar.split(period, period.from().minusDays(distance));
        WorkingDays after = calendar.split(period, period.to().plusDays(distance));
        assertThat(before.elapsed()).isZero();
        assertThat(before.remaining()).isEqualTo(before.total());
        assertThat(after.remaining()).isZero();
        assertThat(after.elapsed()).isEqualTo(after.total());
    }

    @Property(tries = 200)
    void theClippedWeeksOfAMonthAddUpToTheMonth(@ForAll("calendars") WorkingCalendar calendar,
                                                @ForAll @IntRange(min = 0, max = 4 * 366) int offset) {
        DateRange month = Periods.containing(PeriodType.MONTH, dayAt(offset));
        List<DateRange> weeks = Periods.within(PeriodType.WEEK, month);
        assertThat(weeks.stream().mapToInt(calendar::workingDays).sum()).isEqualTo(calendar.workingDays(month));
        assertThat(weeks.stream().mapToInt(DateRange::days).sum()).isEqualTo(month.days());
    }

    @Property(tries = 200)
    void theMonthsOfAQuarterAndTheDaysOfAWeekAddUp(@ForAll("calendars") WorkingCalendar calendar,
                                                   @ForAll @IntRange(min = 0, max = 4 * 366) int offset) {
        DateRange quarter = Periods.containing(PeriodType.QUARTER, dayAt(offset));
        assertThat(Periods.within(PeriodType.MONTH, quarter).stream().mapToInt(calendar::workingDays).sum())
                .isEqualTo(calendar.workingDays(quarter));
        DateRange week = Periods.containing(PeriodType.WEEK, dayAt(offset));
        assertThat(Periods.within(PeriodType.DAY, week).stream().mapToInt(calendar::workingDays).sum())
                .isEqualTo(calendar.workingDays(week));
    }

    @Property(tries = 100)
    void russiasRealCalendarSplitsExactly(@ForAll("periodTypes") PeriodType type,
                                          @ForAll @IntRange(min = 366, max = 366 + 365 + 364) int offset,
                                          @ForAll @IntRange(min = 0, max = 91) int asOfShift) {
        WorkingCalendar moscow = WorkingCalendars.of(CalendarSettings.none())
                .forUser(Users.manager("m1", null, "Europe/Moscow", "RU"));
        DateRange period = Periods.containing(type, dayAt(offset));
        LocalDate asOf = period.from().plusDays(asOfShift % period.days());
        WorkingDays split = moscow.split(period, asOf);
        assertThat(split.total()).isEqualTo(split.elapsed() + split.remaining()).isEqualTo(naiveCount(moscow, period));
        DateRange month = Periods.containing(PeriodType.MONTH, dayAt(offset));
        assertThat(Periods.within(PeriodType.WEEK, month).stream().mapToInt(moscow::workingDays).sum())
                .isEqualTo(moscow.workingDays(month));
        assertThat(month.dates().filter(moscow::isWorkingDay).collect(Collectors.toList()))
                .hasSize(moscow.workingDays(month));
    }
}
