package org.pacekpi.engine.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;

class PacingTest {

    /** March 2026: 22 weekdays, the 1st a Sunday. */
    private static final DateRange MARCH = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Calendars.MOSCOW_ZONE).toInstant();
    }

    private static Pacing plain(long target, long actual, String moscowTime) {
        return Pacing.measure(target, actual, MARCH, Calendars.PLAIN, Calendars.NINE_TO_SIX, moscow(moscowTime));
    }

    @Test
    void todayCountsByTheShareOfItsWorkingHoursPassed() {
        // Wednesday 11 March, 13:30: 2-6, 9 and 10 March elapsed (7 days) and half of today's 9 hours.
        Pacing pacing = plain(22, 7, "2026-03-11T13:30");
        assertThat(pacing.asOf()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(pacing.workingDays()).isEqualTo(22);
        assertThat(pacing.workingDaysElapsed()).isEqualTo(Fraction.of(15, 2));
        assertThat(pacing.workingDaysRemaining()).isEqualTo(Fraction.of(29, 2));
        assertThat(pacing.expectedToDate()).isEqualTo(Fraction.of(15, 2));
        assertThat(pacing.difference()).isEqualTo(Fraction.of(-1, 2));
        assertThat(pacing.expected().text()).isEqualTo("7.5 expected by now: target 22 x 7.5 of 22 working days elapsed");
        assertThat(pacing.expected().operands()).containsExactly(new Operand("target", Fraction.of(22)),
                new Operand("share of working time elapsed", Fraction.of(15, 44)));
        // 7 of 7.5 is 0.93: on track.
        assertThat(pacing.status()).isEqualTo(PaceStatus.ON_TRACK);
        assertThat(pacing.shortfall()).isEqualTo(15);
        assertThat(pacing.neededPerRemainingDay().orElseThrow().exact()).isEqualTo(Fraction.of(30, 29));
        assertThat(pacing.neededPerRemainingDay().orElseThrow().target()).isEqualTo(2);
    }

    @Test
    void theStatusFollowsTheDocumentedThresholds() {
        // 9 of 7.5 is 1.2.
        assertThat(plain(22, 9, "2026-03-11T13:30").status()).isEqualTo(PaceStatus.AHEAD);
        // 8.25 would be exactly 1.1: a whole 8 is 1.07, on track.
        assertThat(plain(22, 8, "2026-03-11T13:30").status()).isEqualTo(PaceStatus.ON_TRACK);
        // 5 of 7.5 is 0.67; 17 over 14.5 days is 1.17 a day against the planned 1: behind.
        Pacing five = plain(22, 5, "2026-03-11T13:30");
        assertThat(five.status()).isEqualTo(PaceStatus.BEHIND);
        assertThat(five.neededPerRemainingDay().orElseThrow().exact()).isEqualTo(Fraction.of(34, 29));
        assertThat(five.neededPerRemainingDay().orElseThrow().explanation().text())
                .isEqualTo("1.17 a working day: 17 still needed over 14.5 working days remaining, so 2 a day");
        assertThat(five.statusReason()).isEqualTo("5 done against 7.5 expected (0.67 of it); 1.17 a working day needed "
                + "against the planned 1, at most 1.5 x");
        // 21 over 14.5 days is 1.45 a day: still behind; 22 over 14.5 is 1.52: at risk.
        assertThat(plain(22, 1, "2026-03-11T13:30").status()).isEqualTo(PaceStatus.BEHIND);
        Pacing none = plain(22, 0, "2026-03-11T13:30");
        assertThat(none.status()).isEqualTo(PaceStatus.AT_RISK);
        assertThat(none.statusReason()).endsWith("more than 1.5 x");
    }

    @Test
    void theRatioThresholdsAreInclusive() {
        // Wednesday 11 March at 18:00: 8 whole days elapsed, 8 of 22 expected from a target of 22.
        assertThat(plain(22, 8, "2026-03-11T18:00").expectedToDate()).isEqualTo(Fraction.of(8));
        // Target 220: 80 expected; 88 is exactly 1.1, 72 exactly 0.9.
        assertThat(plain(220, 88, "2026-03-11T18:00").status()).isEqualTo(PaceStatus.AHEAD);
        assertThat(plain(220, 87, "2026-03-11T18:00").status()).isEqualTo(PaceStatus.ON_TRACK);
        assertThat(plain(220, 72, "2026-03-11T18:00").status()).isEqualTo(PaceStatus.ON_TRACK);
        assertThat(plain(220, 71, "2026-03-11T18:00").status()).isEqualTo(PaceStatus.BEHIND);
        // Catch-up: 14 days left, planned 10 a day; 1.5 x is 15 a day, 210 still needed: 10 done is exactly 1.5 x.
        assertThat(plain(220, 10, "2026-03-11T18:00").status()).isEqualTo(PaceStatus.BEHIND);
        assertThat(plain(220, 9, "2026-03-11T18:00").status()).isEqualTo(PaceStatus.AT_RISK);
    }

    @Test
    void beforeTheFirstWorkingHourNothingIsExpected() {
        Pacing monday = plain(22, 0, "2026-03-02T08:00");
        assertThat(monday.workingDaysElapsed()).isEqualTo(Fraction.ZERO);
        assertThat(monday.expectedToDate()).isEqualTo(Fraction.ZERO);
        assertThat(monday.status()).isEqualTo(PaceStatus.ON_TRACK);
        assertThat(monday.neededPerRemainingDay().orElseThrow().exact()).isEqualTo(Fraction.ONE);
        assertThat(plain(22, 1, "2026-03-02T08:00").status()).isEqualTo(PaceStatus.AHEAD);
        // Sunday 1 March, the period's first day, is no working day.
        assertThat(plain(22, 0, "2026-03-01T12:00").workingDaysElapsed()).isEqualTo(Fraction.ZERO);
        // A day before the period.
        assertThat(plain(22, 0, "2026-02-27T12:00").workingDaysRemaining()).isEqualTo(Fraction.of(22));
    }

    @Test
    void aWeekendCountsNothing() {
        Pacing saturday = plain(22, 5, "2026-03-07T12:00");
        assertThat(saturday.workingDaysElapsed()).isEqualTo(Fraction.of(5));
        assertThat(saturday.expectedToDate()).isEqualTo(Fraction.of(5));
        assertThat(saturday.status()).isEqualTo(PaceStatus.ON_TRACK);
    }

    @Test
    void withNoWorkingTimeLeftTheTargetIsMadeOrMissed() {
        for (String at : new String[] {"2026-04-02T12:00", "2026-03-31T18:00"}) {
            Pacing missed = plain(22, 21, at);
            assertThat(missed.workingDaysRemaining()).as(at).isEqualTo(Fraction.ZERO);
            assertThat(missed.expectedToDate()).as(at).isEqualTo(Fraction.of(22));
            assertThat(missed.neededPerRemainingDay()).as(at).isEmpty();
            assertThat(missed.shortfall()).as(at).isEqualTo(1);
            assertThat(missed.status()).as(at).isEqualTo(PaceStatus.AT_RISK);
            assertThat(missed.statusReason()).as(at).isEqualTo("no working time left; 21 done, 1 short of the target of 22");
            assertThat(plain(22, 22, at).status()).as(at).isEqualTo(PaceStatus.ON_TRACK);
            assertThat(plain(22, 24, at).status()).as(at).isEqualTo(PaceStatus.ON_TRACK);
            assertThat(plain(22, 25, at).status()).as(at).isEqualTo(PaceStatus.AHEAD);
        }
        // Ten minutes before the end of the last working day some time remains.
        Pacing lastMinutes = plain(22, 21, "2026-03-31T17:50");
        assertThat(lastMinutes.workingDaysRemaining()).isEqualTo(Fraction.of(1, 54));
        assertThat(lastMinutes.neededPerRemainingDay().orElseThrow().exact()).isEqualTo(Fraction.of(54));
    }

    @Test
    void theTargetReachedNeedsNothingMore() {
        Pacing done = plain(10, 12, "2026-03-11T13:30");
        assertThat(done.shortfall()).isZero();
        assertThat(done.neededPerRemainingDay().orElseThrow().exact()).isEqualTo(Fraction.ZERO);
        assertThat(done.neededPerRemainingDay().orElseThrow().explanation().text()).isEqualTo("0 a working day: the target of 10 is reached");
        assertThat(done.status()).isEqualTo(PaceStatus.AHEAD);
    }

    @Test
    void timeIsTheManagersLocalTime() {
        Instant at = Instant.parse("2026-03-11T06:30:00Z");
        // 09:30 in Moscow: half an hour of nine into Wednesday.
        Pacing inMoscow = Pacing.measure(22, 7, MARCH, Calendars.PLAIN, Calendars.NINE_TO_SIX, at);
        assertThat(inMoscow.workingDaysElapsed()).isEqualTo(Fraction.of(7).plus(Fraction.of(1, 18)));
        // 06:30 in UTC: before the working day.
        WorkingCalendar utc = WorkingCalendar.builder(ZoneOffset.UTC).build();
        assertThat(Pacing.measure(22, 7, MARCH, utc, Calendars.NINE_TO_SIX, at).workingDaysElapsed()).isEqualTo(Fraction.of(7));
    }

    @Test
    void holidaysAreNoWorkingTime() {
        // Russia, March 2026: Monday 9 March is off; Tuesday 10 March at 09:00 has 5 days behind it, of 21.
        Pacing pacing = Pacing.measure(21, 5, MARCH, Calendars.RUSSIA, Calendars.NINE_TO_SIX, moscow("2026-03-10T09:00"));
        assertThat(pacing.workingDays()).isEqualTo(21);
        assertThat(pacing.workingDaysElapsed()).isEqualTo(Fraction.of(5));
        assertThat(pacing.expectedToDate()).isEqualTo(Fraction.of(5));
    }

    @Test
    void aPeriodWithoutWorkingDaysHasNoTimeToWorkIn() {
        WorkingCalendar onLeave = WorkingCalendar.builder(Calendars.MOSCOW_ZONE)
                .managerDaysOff(Set.copyOf(MARCH.dates().toList())).build();
        Pacing pacing = Pacing.measure(3, 0, MARCH, onLeave, Calendars.NINE_TO_SIX, moscow("2026-03-11T12:00"));
        assertThat(pacing.workingDays()).isZero();
        assertThat(pacing.expectedToDate()).isEqualTo(Fraction.ZERO);
        assertThat(pacing.neededPerRemainingDay()).isEmpty();
        assertThat(pacing.status()).isEqualTo(PaceStatus.AT_RISK);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> plain(-1, 0, "2026-03-11T12:00")).isInstanceOfSatisfying(PlanValidationException.class,
                e -> assertThat(e.field()).isEqualTo("target")).hasMessage("target: must not be negative, was -1");
        assertThatThrownBy(() -> plain(1, -2, "2026-03-11T12:00")).isInstanceOfSatisfying(PlanValidationException.class,
                e -> assertThat(e.field()).isEqualTo("actual")).hasMessage("actual: must not be negative, was -2");
        assertThatThrownBy(() -> new WorkingHours(java.time.LocalTime.of(18, 0), java.time.LocalTime.of(9, 0)))
                .isInstanceOfSatisfying(PlanValidationException.class, e -> assertThat(e.field()).isEqualTo("workingHours.end"));
    }
}
