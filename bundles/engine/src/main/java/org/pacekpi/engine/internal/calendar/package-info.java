/**
 * Periods and working calendars, in each manager's time zone: days, ISO weeks, months, quarters and custom ranges
 * ({@link org.pacekpi.engine.internal.calendar.Periods}); public holidays from jollyday behind
 * {@link org.pacekpi.engine.internal.calendar.PublicHolidays}; transferred working days kept as data
 * ({@link org.pacekpi.engine.internal.calendar.TransferredDays}); and the per-manager
 * {@link org.pacekpi.engine.internal.calendar.WorkingCalendar} built by
 * {@link org.pacekpi.engine.internal.calendar.WorkingCalendars} from the host's schedule and the admin's
 * {@link org.pacekpi.engine.internal.calendar.CalendarSettings}. Plain Java: no OSGi types, so every rule is tested
 * with JUnit alone.
 */
package org.pacekpi.engine.internal.calendar;
