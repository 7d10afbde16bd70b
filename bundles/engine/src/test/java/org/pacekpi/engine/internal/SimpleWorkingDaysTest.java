package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.WorkingDays;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.directory.WorkingSchedule;

class SimpleWorkingDaysTest {

    private static final DateRange NOVEMBER_2026 = new DateRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

    private final SimpleWorkingDays workingDays = new SimpleWorkingDays();

    private static User manager(WorkingSchedule schedule) {
        return new User("ann", "ann", "Ann", null, Set.of(Role.MANAGER), null, ZoneId.of("UTC"), schedule, true);
    }

    @Test
    void mondayToFridayByDefaultSplitAtTheDay() {
        WorkingDays days = workingDays.workingDays(manager(null), NOVEMBER_2026, LocalDate.of(2026, 11, 16));

        // November 2026 starts on a Sunday: 21 weekdays; the 2nd to the 13th are ten of them.
        assertThat(days).isEqualTo(new WorkingDays(21, 10, 11, LocalDate.of(2026, 11, 16)));
    }

    @Test
    void dayBeforeOrAfterThePeriodLeavesAllAheadOrAllBehind() {
        assertThat(workingDays.workingDays(manager(null), NOVEMBER_2026, LocalDate.of(2026, 10, 1)).remaining())
                .isEqualTo(21);
        assertThat(workingDays.workingDays(manager(null), NOVEMBER_2026, LocalDate.of(2027, 1, 1)).elapsed())
                .isEqualTo(21);
    }

    @Test
    void theSchedulesWeekdaysAreUsed() {
        WorkingSchedule sundayToThursday = new WorkingSchedule(null,
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY), LocalTime.of(8, 0), LocalTime.of(17, 0));

        assertThat(workingDays.workingDays(manager(sundayToThursday), NOVEMBER_2026, LocalDate.of(2026, 11, 2)))
                .isEqualTo(new WorkingDays(22, 1, 21, LocalDate.of(2026, 11, 2)));
    }
}
