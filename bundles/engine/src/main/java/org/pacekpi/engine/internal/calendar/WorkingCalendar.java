package org.pacekpi.engine.internal.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.pacekpi.api.dto.WorkingDays;

/**
 * One manager's working calendar: which local days are working days, in the manager's time zone. A day is decided
 * by the first rule that speaks for it:
 * <ol>
 * <li>an admin's day off for the manager, the manager's team or the company ({@link CalendarSettings});</li>
 * <li>a transferred day of the production calendar ({@link TransferredDays});</li>
 * <li>a public holiday of the manager's holiday calendar ({@link PublicHolidays});</li>
 * <li>the manager's normal working week (the host's {@code WorkingSchedule.workingDays}).</li>
 * </ol>
 * Immutable and thread-safe; counts are answered from a per-year table built on first use, so a quarter's count
 * costs two array reads.
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final Set<DayOfWeek> workingWeek;
    private final PublicHolidays holidays;
    private final Map<LocalDate, DayTransfer> transfers;
    private final Set<LocalDate> companyDaysOff;
    private final Set<LocalDate> teamDaysOff;
    private final Set<LocalDate> managerDaysOff;
    /** Per year: element i = working days among the year's days 1..i (element 0 = 0). */
    private final ConcurrentMap<Integer, int[]> cumulative = new ConcurrentHashMap<>();

    private WorkingCalendar(Builder builder) {
        this.zone = builder.zone;
        this.workingWeek = Set.copyOf(builder.workingWeek);
        this.holidays = builder.holidays;
        this.transfers = Map.copyOf(builder.transfers);
        this.companyDaysOff = Set.copyOf(builder.companyDaysOff);
        this.teamDaysOff = Set.copyOf(builder.teamDaysOff);
        this.managerDaysOff = Set.copyOf(builder.managerDaysOff);
    }

    /** A calendar in the zone with a Monday-to-Friday week and nothing else, to be refined. */
    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    /** The manager's time zone: days are counted in it. */
    public ZoneId zone() {
        return zone;
    }

    /** The days of a normal working week. */
    public Set<DayOfWeek> workingWeek() {
        return workingWeek;
    }

    /** The public-holiday calendar in use, if any. */
    public Optional<HolidayCalendarId> holidayCalendar() {
        return Optional.ofNullable(holidays).map(PublicHolidays::calendar);
    }

    /** The manager's local day of an instant. */
    public LocalDate localDay(Instant at) {
        return Periods.localDay(at, zone);
    }

    /** Today for the manager, by the clock; the clock's own zone (the server's) does not matter. */
    public LocalDate today(Clock clock) {
        return Periods.today(clock, zone);
    }

    /** What the day is, and why. */
    public DayStatus status(LocalDate day) {
        Objects.requireNonNull(day, "day");
        if (managerDaysOff.contains(day)) {
            return DayStatus.MANAGER_DAY_OFF;
        }
        if (teamDaysOff.contains(day)) {
            return DayStatus.TEAM_DAY_OFF;
        }
        if (companyDaysOff.contains(day)) {
            return DayStatus.COMPANY_DAY_OFF;
        }
        DayTransfer transfer = transfers.get(day);
        if (transfer != null) {
            return transfer.kind() == DayTransfer.Kind.WORKING ? DayStatus.TRANSFERRED_WORKING_DAY
                    : DayStatus.TRANSFERRED_DAY_OFF;
        }
        if (holidays != null && holidays.isHoliday(day)) {
            return DayStatus.PUBLIC_HOLIDAY;
        }
        return workingWeek.contains(day.getDayOfWeek()) ? DayStatus.WORKING_DAY : DayStatus.WEEKEND;
    }

    /** Every day of the range with its status, in order: the explanation of {@link #workingDays(DateRange)}. */
    public Map<LocalDate, DayStatus> statuses(DateRange range) {
        Map<LocalDate, DayStatus> statuses = new LinkedHashMap<>();
        range.dates().forEach(day -> statuses.put(day, status(day)));
        return statuses;
    }

    /** True if the day is a working day. */
    public boolean isWorkingDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        int[] table = table(day.getYear());
        return table[day.getDayOfYear()] > table[day.getDayOfYear() - 1];
    }

    /**
     * The working days from {@code from} to {@code to}, both inclusive.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public int workingDays(LocalDate from, LocalDate to) {
        return workingDays(new DateRange(from, to));
    }

    /** The working days of the range. */
    public int workingDays(DateRange range) {
        Objects.requireNonNull(range, "range");
        int count = 0;
        LocalDate from = range.from();
        LocalDate to = range.to();
        while (from.getYear() < to.getYear()) {
            int[] table = table(from.getYear());
            count += table[table.length - 1] - table[from.getDayOfYear() - 1];
            from = LocalDate.of(from.getYear() + 1, 1, 1);
        }
        int[] table = table(to.getYear());
        return count + table[to.getDayOfYear()] - table[from.getDayOfYear() - 1];
    }

    /**
     * The period's working days split at a day: {@code elapsed} before {@code asOf}, {@code remaining} from
     * {@code asOf} on ({@code asOf} included), so that {@code total = elapsed + remaining}. A day before the period
     * leaves it all remaining; a day after it leaves it all elapsed.
     */
    public WorkingDays split(DateRange period, LocalDate asOf) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(asOf, "asOf");
        int total = workingDays(period);
        int elapsed;
        if (!asOf.isAfter(period.from())) {
            elapsed = 0;
        } else if (asOf.isAfter(period.to())) {
            elapsed = total;
        } else {
            elapsed = workingDays(period.from(), asOf.minusDays(1));
        }
        return new WorkingDays(total, elapsed, total - elapsed, asOf);
    }

    private int[] table(int year) {
        return cumulative.computeIfAbsent(year, this::buildTable);
    }

    private int[] buildTable(int year) {
        int length = Year.of(year).length();
        int[] table = new int[length + 1];
        LocalDate day = LocalDate.of(year, 1, 1);
        for (int i = 1; i <= length; i++, day = day.plusDays(1)) {
            table[i] = table[i - 1] + (status(day).isWorking() ? 1 : 0);
        }
        return table;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[zone=" + zone + ", week=" + workingWeek + ", holidays="
                + holidayCalendar().map(HolidayCalendarId::id).orElse("none") + "]";
    }

    /** Builds a {@link WorkingCalendar}. */
    public static final class Builder {
        private final ZoneId zone;
        private Set<DayOfWeek> workingWeek = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        private PublicHolidays holidays;
        private Map<LocalDate, DayTransfer> transfers = Map.of();
        private Set<LocalDate> companyDaysOff = Set.of();
        private Set<LocalDate> teamDaysOff = Set.of();
        private Set<LocalDate> managerDaysOff = Set.of();

        private Builder(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        /** The days of a normal working week; at least one. */
        public Builder workingWeek(Set<DayOfWeek> days) {
            if (days == null || days.isEmpty()) {
                throw new IllegalArgumentException("the working week must have at least one day");
            }
            this.workingWeek = EnumSet.copyOf(days);
            return this;
        }

        /** The public holidays, or null for none. */
        public Builder holidays(PublicHolidays holidays) {
            this.holidays = holidays;
            return this;
        }

        /** The transferred days that apply, by day. */
        public Builder transfers(Map<LocalDate, DayTransfer> transfers) {
            this.transfers = Objects.requireNonNull(transfers, "transfers");
            return this;
        }

        /** The admin's company-wide days off. */
        public Builder companyDaysOff(Set<LocalDate> days) {
            this.companyDaysOff = Objects.requireNonNull(days, "companyDaysOff");
            return this;
        }

        /** The admin's days off for the manager's team. */
        public Builder teamDaysOff(Set<LocalDate> days) {
            this.teamDaysOff = Objects.requireNonNull(days, "teamDaysOff");
            return this;
        }

        /** The admin's days off for the manager. */
        public Builder managerDaysOff(Set<LocalDate> days) {
            this.managerDaysOff = Objects.requireNonNull(days, "managerDaysOff");
            return this;
        }

        /** The calendar. */
        public WorkingCalendar build() {
            return new WorkingCalendar(this);
        }
    }
}
