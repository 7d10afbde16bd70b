package org.pacekpi.engine.internal.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameter;
import de.focus_shift.jollyday.core.ManagerParameters;
import de.focus_shift.jollyday.jackson.JacksonConfigurationService;

/**
 * Public holidays from jollyday (de.focus-shift:jollyday-core with its Jackson data source). The only class that
 * touches jollyday, so the library can be replaced behind {@link HolidayCalendars}.
 *
 * <p>OSGi: jollyday-core finds its data source with {@code ServiceLoader.load(ConfigurationService.class)}, which
 * uses the thread context class loader (or, when SPI Fly weaves jollyday-core, the loaders of the registered
 * providers). So every call into jollyday that may create a manager runs with the context class loader set to
 * jollyday-jackson's bundle loader, which sees its {@code META-INF/services} entry: the lookup then works with or
 * without the weaving. jollyday caches that lookup forever on first use, and fills the cache unsynchronised, so all
 * calls here are serialised by one lock; they happen once per calendar and year, the results are cached here.
 */
final class JollydayCalendars implements HolidayCalendars {

    /** The shared instance: jollyday's own caches are static anyway. */
    static final JollydayCalendars SHARED = new JollydayCalendars();

    private static final Object JOLLYDAY = new Object();

    private final ConcurrentMap<HolidayCalendarId, JollydayHolidays> calendars = new ConcurrentHashMap<>();

    private JollydayCalendars() {
    }

    @Override
    public PublicHolidays of(HolidayCalendarId calendar) {
        JollydayHolidays known = calendars.get(calendar);
        if (known != null) {
            return known;
        }
        // Not computeIfAbsent: loading parses XML and may throw for an unknown calendar; nothing is cached then.
        JollydayHolidays loaded = load(calendar);
        JollydayHolidays raced = calendars.putIfAbsent(calendar, loaded);
        return raced == null ? loaded : raced;
    }

    private static JollydayHolidays load(HolidayCalendarId calendar) {
        if (!HolidayManager.getSupportedCalendarCodes().contains(calendar.country())) {
            throw new IllegalArgumentException("no public holidays are known for country '" + calendar.country()
                    + "' (ISO 3166-1 alpha-2 codes such as RU, DE, US)");
        }
        HolidayManager manager = inJollyday(() -> HolidayManager.getInstance(parameters(calendar.country())));
        CalendarHierarchy level = manager.getCalendarHierarchy();
        for (String subdivision : calendar.subdivisions()) {
            Map<String, CalendarHierarchy> children = level.getChildren();
            level = children.get(subdivision);
            if (level == null) {
                throw new IllegalArgumentException("no public holidays are known for subdivision '"
                        + subdivision.toUpperCase(Locale.ROOT) + "' of " + calendar.countryOnly()
                        + (children.isEmpty() ? " (it has none)"
                                : "; known: " + String.join(", ", new TreeSet<>(children.keySet())).toUpperCase(Locale.ROOT)));
            }
        }
        return new JollydayHolidays(calendar, manager);
    }

    private static ManagerParameter parameters(String country) {
        Properties properties = new Properties();
        // Named explicitly so that a jollyday-jaxb bundle installed beside it cannot make the choice ambiguous.
        properties.setProperty(ManagerParameter.CONFIGURATION_SERVICE_IMPL, JacksonConfigurationService.class.getName());
        return ManagerParameters.create(country.toLowerCase(Locale.ROOT), properties);
    }

    private static <T> T inJollyday(Supplier<T> call) {
        synchronized (JOLLYDAY) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(JacksonConfigurationService.class.getClassLoader());
            try {
                return call.get();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    /** One calendar's holidays, computed once per year. */
    private static final class JollydayHolidays implements PublicHolidays {

        private final HolidayCalendarId calendar;
        private final HolidayManager manager;
        private final String[] subdivisions;
        private final ConcurrentMap<Integer, YearOfHolidays> years = new ConcurrentHashMap<>();

        JollydayHolidays(HolidayCalendarId calendar, HolidayManager manager) {
            this.calendar = calendar;
            this.manager = manager;
            this.subdivisions = calendar.subdivisions().toArray(String[]::new);
        }

        @Override
        public HolidayCalendarId calendar() {
            return calendar;
        }

        @Override
        public List<PublicHoliday> between(LocalDate from, LocalDate to) {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
            }
            List<PublicHoliday> result = new ArrayList<>();
            for (int year = from.getYear(); year <= to.getYear(); year++) {
                for (PublicHoliday holiday : year(year).holidays) {
                    if (!holiday.date().isBefore(from) && !holiday.date().isAfter(to)) {
                        result.add(holiday);
                    }
                }
            }
            return List.copyOf(result);
        }

        @Override
        public boolean isHoliday(LocalDate day) {
            return year(day.getYear()).days.contains(day);
        }

        private YearOfHolidays year(int year) {
            return years.computeIfAbsent(year, this::compute);
        }

        private YearOfHolidays compute(int year) {
            // A substitute day can fall in the neighbouring year (Saturday 1 January observed on Friday 31 December),
            // so the holidays of the years around are read and kept by the date of their day off.
            // A set, so that a holiday reported for two of the years read is listed once.
            Set<PublicHoliday> holidays = new HashSet<>();
            Set<LocalDate> days = new HashSet<>();
            for (int around = year - 1; around <= year + 1; around++) {
                Set<Holiday> found = inJollyday(yearOf(around));
                for (Holiday holiday : found) {
                    String name = holiday.getDescription(Locale.ENGLISH);
                    LocalDate actual = holiday.getActualDate();
                    add(holidays, days, year, new PublicHoliday(actual, name, actual));
                    holiday.getObservedDate().ifPresent(observed ->
                            add(holidays, days, year, new PublicHoliday(observed, name, actual)));
                }
            }
            List<PublicHoliday> sorted = new ArrayList<>(holidays);
            sorted.sort(Comparator.comparing(PublicHoliday::date).thenComparing(PublicHoliday::actualDate)
                    .thenComparing(PublicHoliday::name));
            return new YearOfHolidays(List.copyOf(sorted), Set.copyOf(days));
        }

        private Supplier<Set<Holiday>> yearOf(int year) {
            return () -> manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivisions);
        }

        private static void add(Set<PublicHoliday> holidays, Set<LocalDate> days, int year, PublicHoliday holiday) {
            if (holiday.date().getYear() == year) {
                holidays.add(holiday);
                days.add(holiday.date());
            }
        }

        @Override
        public String toString() {
            return "public holidays of " + calendar;
        }
    }

    private record YearOfHolidays(List<PublicHoliday> holidays, Set<LocalDate> days) {
    }
}
