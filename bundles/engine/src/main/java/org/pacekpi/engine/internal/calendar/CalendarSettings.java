package org.pacekpi.engine.internal.calendar;

import java.lang.reflect.Array;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An admin's working-calendar configuration (PID {@value #PID}): the country whose holidays apply when the host
 * names none, days off for the whole company, for a team or for a manager, and a team's or a manager's own
 * country calendar. Parsed from the configuration's properties; immutable.
 *
 * <p>Keys ({@code <teamId>} and {@code <userId>} are the host's ids and may contain dots):
 * <ul>
 * <li>{@value #DEFAULT_COUNTRY}: holiday calendar used when the host's schedule names none, e.g. {@code RU} or
 * {@code DE/BY}; default none (weekends only)</li>
 * <li>{@value #DAYS_OFF}: company-wide extra days off, a comma (or blank) separated list of {@code YYYY-MM-DD} days
 * or {@code YYYY-MM-DD..YYYY-MM-DD} ranges (at most {@value #MAX_RANGE_DAYS} days each); default none</li>
 * <li>{@code team.<teamId>.country}, {@code team.<teamId>.daysOff}: a team's own holiday calendar (instead of its
 * members' host calendars) and its extra days off</li>
 * <li>{@code manager.<userId>.country}, {@code manager.<userId>.daysOff}: the same for one manager; a manager's
 * country wins over the team's</li>
 * </ul>
 * Other keys (such as {@code service.pid} or {@code felix.fileinstall.filename}) are ignored, except that a key
 * under {@code team.} or {@code manager.} must end in {@code .country} or {@code .daysOff}, so that a typo is an
 * error rather than a silently ignored line. A value may be a string, an array or a collection (ConfigAdmin gives
 * any of them).
 */
public final class CalendarSettings {

    /** The configuration PID. */
    public static final String PID = "org.pacekpi.calendar";
    /** Key of the holiday calendar used when the host names none. */
    public static final String DEFAULT_COUNTRY = "defaultCountry";
    /** Key of the company-wide days off. */
    public static final String DAYS_OFF = "daysOff";
    /** Prefix of a team's keys. */
    public static final String TEAM_PREFIX = "team.";
    /** Prefix of a manager's keys. */
    public static final String MANAGER_PREFIX = "manager.";
    /** Suffix of a team's or manager's holiday calendar key. */
    public static final String COUNTRY_SUFFIX = ".country";
    /** Suffix of a team's or manager's days off key. */
    public static final String DAYS_OFF_SUFFIX = ".daysOff";
    /** The longest range of days off one item may give. */
    public static final int MAX_RANGE_DAYS = 366;

    private static final CalendarSettings NONE = new CalendarSettings(null, Set.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of());

    private final HolidayCalendarId defaultCountry;
    private final Set<LocalDate> companyDaysOff;
    private final Map<String, HolidayCalendarId> teamCountries;
    private final Map<String, Set<LocalDate>> teamDaysOff;
    private final Map<String, HolidayCalendarId> managerCountries;
    private final Map<String, Set<LocalDate>> managerDaysOff;
    private final Map<String, HolidayCalendarId> countryKeys;

    private CalendarSettings(HolidayCalendarId defaultCountry, Set<LocalDate> companyDaysOff,
                             Map<String, HolidayCalendarId> teamCountries, Map<String, Set<LocalDate>> teamDaysOff,
                             Map<String, HolidayCalendarId> managerCountries, Map<String, Set<LocalDate>> managerDaysOff,
                             Map<String, HolidayCalendarId> countryKeys) {
        this.defaultCountry = defaultCountry;
        this.companyDaysOff = Collections.unmodifiableSet(new TreeSet<>(companyDaysOff));
        this.teamCountries = Map.copyOf(teamCountries);
        this.teamDaysOff = copy(teamDaysOff);
        this.managerCountries = Map.copyOf(managerCountries);
        this.managerDaysOff = copy(managerDaysOff);
        this.countryKeys = Collections.unmodifiableMap(new TreeMap<>(countryKeys));
    }

    /** No configuration: the host's calendars, no extra days off. */
    public static CalendarSettings none() {
        return NONE;
    }

    /**
     * Parses the configuration's properties.
     *
     * @throws IllegalArgumentException naming the key and the value that is wrong
     */
    public static CalendarSettings parse(Map<String, ?> properties) {
        Objects.requireNonNull(properties, "properties");
        HolidayCalendarId defaultCountry = null;
        Set<LocalDate> companyDaysOff = Set.of();
        Map<String, HolidayCalendarId> teamCountries = new HashMap<>();
        Map<String, Set<LocalDate>> teamDaysOff = new HashMap<>();
        Map<String, HolidayCalendarId> managerCountries = new HashMap<>();
        Map<String, Set<LocalDate>> managerDaysOff = new HashMap<>();
        Map<String, HolidayCalendarId> countryKeys = new HashMap<>();

        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals(DEFAULT_COUNTRY)) {
                defaultCountry = country(key, value).orElse(null);
                if (defaultCountry != null) {
                    countryKeys.put(key, defaultCountry);
                }
            } else if (key.equals(DAYS_OFF)) {
                companyDaysOff = days(key, value);
            } else if (key.startsWith(TEAM_PREFIX)) {
                scoped(key, value, TEAM_PREFIX, teamCountries, teamDaysOff, countryKeys);
            } else if (key.startsWith(MANAGER_PREFIX)) {
                scoped(key, value, MANAGER_PREFIX, managerCountries, managerDaysOff, countryKeys);
            }
        }
        return new CalendarSettings(defaultCountry, companyDaysOff, teamCountries, teamDaysOff, managerCountries,
                managerDaysOff, countryKeys);
    }

    private static void scoped(String key, Object value, String prefix, Map<String, HolidayCalendarId> countries,
                               Map<String, Set<LocalDate>> daysOff, Map<String, HolidayCalendarId> countryKeys) {
        String rest = key.substring(prefix.length());
        if (rest.endsWith(COUNTRY_SUFFIX) && rest.length() > COUNTRY_SUFFIX.length()) {
            String id = rest.substring(0, rest.length() - COUNTRY_SUFFIX.length());
            country(key, value).ifPresent(calendar -> {
                countries.put(id, calendar);
                countryKeys.put(key, calendar);
            });
        } else if (rest.endsWith(DAYS_OFF_SUFFIX) && rest.length() > DAYS_OFF_SUFFIX.length()) {
            daysOff.put(rest.substring(0, rest.length() - DAYS_OFF_SUFFIX.length()), days(key, value));
        } else {
            throw new IllegalArgumentException(key + ": unknown key; expected " + prefix + "<id>" + COUNTRY_SUFFIX
                    + " or " + prefix + "<id>" + DAYS_OFF_SUFFIX + " (value '" + text(value) + "')");
        }
    }

    private static Optional<HolidayCalendarId> country(String key, Object value) {
        List<String> items = items(value);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.size() > 1) {
            throw new IllegalArgumentException(key + ": one holiday calendar expected, such as RU or DE/BY; was '"
                    + text(value) + "'");
        }
        try {
            return Optional.of(HolidayCalendarId.parse(items.get(0)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": '" + items.get(0) + "' is not a holiday calendar: " + e.getMessage(), e);
        }
    }

    private static Set<LocalDate> days(String key, Object value) {
        Set<LocalDate> days = new TreeSet<>();
        for (String item : items(value)) {
            int dots = item.indexOf("..");
            if (dots < 0) {
                days.add(day(key, item, item));
                continue;
            }
            LocalDate first = day(key, item, item.substring(0, dots).strip());
            LocalDate last = day(key, item, item.substring(dots + 2).strip());
            if (last.isBefore(first)) {
                throw new IllegalArgumentException(key + ": range '" + item + "' ends before it starts");
            }
            if (ChronoUnit.DAYS.between(first, last) >= MAX_RANGE_DAYS) {
                throw new IllegalArgumentException(key + ": range '" + item + "' is longer than " + MAX_RANGE_DAYS + " days");
            }
            first.datesUntil(last.plusDays(1)).forEach(days::add);
        }
        return days;
    }

    private static LocalDate day(String key, String item, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": '" + item + "' is not a day YYYY-MM-DD or a range"
                    + " YYYY-MM-DD..YYYY-MM-DD", e);
        }
    }

    /** The non-blank items of a value: a string split at commas and blanks, or the elements of an array or collection. */
    private static List<String> items(Object value) {
        List<String> raw = new ArrayList<>();
        if (value == null) {
            return raw;
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> raw.add(String.valueOf(element)));
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                raw.add(String.valueOf(Array.get(value, i)));
            }
        } else {
            raw.add(String.valueOf(value));
        }
        List<String> items = new ArrayList<>();
        for (String text : raw) {
            for (String item : text.split("[,\\s]+")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    private static String text(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(String.valueOf(Array.get(value, i)));
            }
            return String.join(",", elements);
        }
        return String.valueOf(value);
    }

    private static Map<String, Set<LocalDate>> copy(Map<String, Set<LocalDate>> days) {
        Map<String, Set<LocalDate>> copy = new HashMap<>();
        days.forEach((id, set) -> copy.put(id, Collections.unmodifiableSet(new TreeSet<>(set))));
        return Map.copyOf(copy);
    }

    /** The holiday calendar used when the host's schedule names none. */
    public Optional<HolidayCalendarId> defaultCountry() {
        return Optional.ofNullable(defaultCountry);
    }

    /** The company-wide extra days off, in order. */
    public Set<LocalDate> companyDaysOff() {
        return companyDaysOff;
    }

    /** A team's own holiday calendar, if configured. */
    public Optional<HolidayCalendarId> teamCountry(String teamId) {
        return teamId == null ? Optional.empty() : Optional.ofNullable(teamCountries.get(teamId));
    }

    /** A team's extra days off, in order. */
    public Set<LocalDate> teamDaysOff(String teamId) {
        return teamId == null ? Set.of() : teamDaysOff.getOrDefault(teamId, Set.of());
    }

    /** A manager's own holiday calendar, if configured. */
    public Optional<HolidayCalendarId> managerCountry(String userId) {
        return Optional.ofNullable(managerCountries.get(userId));
    }

    /** A manager's extra days off, in order. */
    public Set<LocalDate> managerDaysOff(String userId) {
        return managerDaysOff.getOrDefault(userId, Set.of());
    }

    /** Every configured holiday calendar by the key that names it, so that each can be checked against the library. */
    public Map<String, HolidayCalendarId> countryKeys() {
        return countryKeys;
    }

    @Override
    public String toString() {
        return "CalendarSettings[defaultCountry=" + defaultCountry + ", companyDaysOff=" + companyDaysOff.size()
                + ", teams=" + teamCountries.keySet() + "/" + teamDaysOff.keySet() + ", managers="
                + managerCountries.keySet() + "/" + managerDaysOff.keySet() + "]";
    }
}
