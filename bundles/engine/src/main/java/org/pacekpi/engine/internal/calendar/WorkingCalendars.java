package org.pacekpi.engine.internal.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.pacekpi.api.dto.WorkingDays;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.directory.WorkingSchedule;

/**
 * Builds each manager's {@link WorkingCalendar} from the host's user record (time zone, working week, holiday
 * calendar) and the admin's {@link CalendarSettings}. The holiday calendar is, first that is set: the manager's
 * own ({@code manager.<id>.country}), the team's ({@code team.<id>.country}), the host's
 * ({@code WorkingSchedule.holidayCalendar}), the default ({@code defaultCountry}); with none, only the working week
 * and the days off count. Thread-safe; keeps one calendar per user and rebuilds it when the host's record changes.
 */
public final class WorkingCalendars {

    private final CalendarSettings settings;
    private final HolidayCalendars holidayCalendars;
    private final TransferredDays transfers;
    private final ConcurrentMap<String, Built> built = new ConcurrentHashMap<>();

    /**
     * Checks every holiday calendar the settings name against the holiday source.
     *
     * @throws IllegalArgumentException naming the configuration key and value of an unknown country or subdivision
     */
    public WorkingCalendars(CalendarSettings settings, HolidayCalendars holidayCalendars, TransferredDays transfers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.holidayCalendars = Objects.requireNonNull(holidayCalendars, "holidayCalendars");
        this.transfers = Objects.requireNonNull(transfers, "transfers");
        for (Map.Entry<String, HolidayCalendarId> entry : settings.countryKeys().entrySet()) {
            try {
                holidayCalendars.of(entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(entry.getKey() + ": '" + entry.getValue() + "': " + e.getMessage(), e);
            }
        }
    }

    /** With jollyday's holidays and the bundled transfers. */
    public static WorkingCalendars of(CalendarSettings settings) {
        return new WorkingCalendars(settings, HolidayCalendars.jollyday(), TransferredDays.bundled());
    }

    /** The settings in use. */
    public CalendarSettings settings() {
        return settings;
    }

    /**
     * The holiday calendar that applies to the user, if any (see the class comment for the order).
     *
     * @throws IllegalStateException if the host's schedule names a malformed calendar
     */
    public Optional<HolidayCalendarId> holidayCalendarOf(User user) {
        Optional<HolidayCalendarId> own = settings.managerCountry(user.id()).or(() -> settings.teamCountry(user.teamId()));
        if (own.isPresent()) {
            return own;
        }
        String host = user.schedule().holidayCalendar();
        if (host != null && !host.isBlank()) {
            try {
                return Optional.of(HolidayCalendarId.parse(host));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("user " + user.id() + ": the host's holiday calendar '" + host
                        + "' is malformed (" + e.getMessage() + "); set " + CalendarSettings.MANAGER_PREFIX + user.id()
                        + CalendarSettings.COUNTRY_SUFFIX + " in " + CalendarSettings.PID + " to override it", e);
            }
        }
        return settings.defaultCountry();
    }

    /**
     * The user's working calendar.
     *
     * @throws IllegalStateException if the host's schedule names a calendar the holiday source does not know (the
     *                               message says which key overrides it)
     */
    public WorkingCalendar forUser(User user) {
        Objects.requireNonNull(user, "user");
        Built known = built.get(user.id());
        if (known != null && known.user.equals(user)) {
            return known.calendar;
        }
        WorkingCalendar calendar = build(user);
        built.put(user.id(), new Built(user, calendar));
        return calendar;
    }

    /**
     * The working days of a period in the manager's calendar, split at {@code asOf} (today in the manager's zone):
     * what a KPI report carries. Has the shape of the engine's {@code WorkingDaysProvider}.
     *
     * @throws IllegalStateException as {@link #forUser}
     */
    public WorkingDays workingDays(User manager, DateRange period, LocalDate asOf) {
        return forUser(manager).split(period, asOf);
    }

    private WorkingCalendar build(User user) {
        WorkingSchedule schedule = user.schedule();
        WorkingCalendar.Builder builder = WorkingCalendar.builder(user.timeZone())
                .workingWeek(schedule.workingDays())
                .companyDaysOff(settings.companyDaysOff())
                .teamDaysOff(settings.teamDaysOff(user.teamId()))
                .managerDaysOff(settings.managerDaysOff(user.id()));
        Optional<HolidayCalendarId> calendar = holidayCalendarOf(user);
        if (calendar.isPresent()) {
            PublicHolidays holidays;
            try {
                holidays = holidayCalendars.of(calendar.get());
            } catch (IllegalArgumentException e) {
                // Only the host's calendar can be unknown here: the configured ones were checked in the constructor.
                throw new IllegalStateException("user " + user.id() + ": holiday calendar '" + calendar.get() + "': "
                        + e.getMessage() + "; set " + CalendarSettings.MANAGER_PREFIX + user.id()
                        + CalendarSettings.COUNTRY_SUFFIX + " in " + CalendarSettings.PID + " to override it", e);
            }
            builder.holidays(holidays).transfers(transfers.forCalendar(calendar.get()));
        }
        return builder.build();
    }

    private record Built(User user, WorkingCalendar calendar) {
    }
}
