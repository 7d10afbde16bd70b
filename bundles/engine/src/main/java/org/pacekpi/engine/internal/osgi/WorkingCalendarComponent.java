package org.pacekpi.engine.internal.osgi;

import java.time.LocalDate;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.pacekpi.api.dto.WorkingDays;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.WorkingDaysProvider;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;
import org.pacekpi.engine.internal.targets.ManagerCalendars;
import org.pacekpi.engine.internal.calendar.CalendarSettings;
import org.pacekpi.engine.internal.calendar.WorkingCalendars;
import org.pacekpi.host.directory.User;

/**
 * The managers' working calendars (weekends, public holidays from jollyday, transferred working days, days off an
 * admin configured), configured by PID {@code org.pacekpi.calendar}. A bad value fails activation with a message
 * naming the key, and the KPI service waits for a good one. Provides the day counts of the KPI reports and the
 * calendars themselves, which targets are spread over and paced by.
 */
@Component(service = {WorkingDaysProvider.class, ManagerCalendars.class}, configurationPid = CalendarSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WorkingCalendarComponent.Config.class)
public final class WorkingCalendarComponent implements WorkingDaysProvider, ManagerCalendars {

    /**
     * The documented keys; per team and per manager keys ({@code team.<id>.country}, {@code team.<id>.daysOff},
     * {@code manager.<id>.country}, {@code manager.<id>.daysOff}) are read from the raw configuration.
     */
    @ObjectClassDefinition(id = CalendarSettings.PID, name = "Pace working calendars",
            description = "Public holidays, transferred working days and days off used for working-day counts.")
    public @interface Config {
        /** Used when the host gives a user no holiday calendar. */
        @AttributeDefinition(name = "Default country", required = false,
                description = "ISO 3166 country, optionally with a subdivision: RU, DE/BY. Empty: no public holidays.")
        String defaultCountry() default "";

        /** Company-wide days off. */
        @AttributeDefinition(name = "Days off", required = false,
                description = "Company-wide days off: YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, separated by commas.")
        String daysOff() default "";
    }

    private final WorkingCalendars calendars;

    /** Parses the configuration; an invalid value throws, naming the key and the value. */
    @Activate
    public WorkingCalendarComponent(Map<String, Object> properties) {
        this.calendars = WorkingCalendars.of(CalendarSettings.parse(properties));
    }

    @Override
    public WorkingDays workingDays(User manager, DateRange period, LocalDate asOf) {
        return calendars.workingDays(manager, period, asOf);
    }

    @Override
    public WorkingCalendar of(User manager) {
        return calendars.forUser(manager);
    }
}
