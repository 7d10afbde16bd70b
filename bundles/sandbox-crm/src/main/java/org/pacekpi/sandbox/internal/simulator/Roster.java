package org.pacekpi.sandbox.internal.simulator;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated sales organisation: team names and managers with deterministic logins, names, time zones and
 * phone numbers. A pure function of the settings.
 *
 * @param teamNames the teams' names, in order
 * @param managers  the managers, in order; manager {@code i} is in team {@code i / teamSize}
 */
public record Roster(List<String> teamNames, List<Manager> managers) {

    private static final String[] TEAM_NAMES = { "North", "South", "East", "West", "Central" };
    private static final String[][] PEOPLE = {
            { "anna", "Anna Becker", "Europe/Berlin" }, { "boris", "Boris Volkov", "Europe/Moscow" },
            { "clara", "Clara Hoffmann", "Europe/Berlin" }, { "dmitri", "Dmitri Sokolov", "Europe/Berlin" },
            { "elena", "Elena Petrova", "Europe/Berlin" }, { "farid", "Farid Haddad", "America/New_York" },
            { "greta", "Greta Lindqvist", "Europe/Berlin" }, { "hugo", "Hugo Martin", "Europe/Berlin" },
            { "irina", "Irina Smirnova", "Europe/Moscow" }, { "jonas", "Jonas Weber", "Europe/Berlin" },
            { "katja", "Katja Wolf", "Europe/Berlin" }, { "leon", "Leon Fischer", "Europe/Berlin" },
            { "maria", "Maria Garcia", "America/New_York" }, { "nikolai", "Nikolai Orlov", "Europe/Moscow" },
            { "olga", "Olga Ivanova", "Europe/Berlin" }, { "pavel", "Pavel Novak", "Europe/Berlin" } };

    /**
     * A simulated manager.
     *
     * @param index           position in the roster
     * @param login           login and user id
     * @param displayName     name
     * @param email           work e-mail on the company domain
     * @param phone           work phone
     * @param zone            time zone
     * @param holidayCalendar public-holiday calendar
     * @param currency        the currency of the manager's deals
     * @param team            index of the team
     * @param profile         how the manager works
     */
    public record Manager(int index, String login, String displayName, String email, String phone, ZoneId zone,
                          String holidayCalendar, String currency, int team, Profile profile) {
    }

    /** The roster for the settings. */
    public static Roster of(SimulationSettings settings) {
        List<String> teams = new ArrayList<>();
        for (int t = 0; t < settings.teams(); t++) {
            teams.add("Team " + (t < TEAM_NAMES.length ? TEAM_NAMES[t] : String.valueOf(t + 1)));
        }
        List<Manager> managers = new ArrayList<>();
        int count = settings.teams() * settings.teamSize();
        for (int i = 0; i < count; i++) {
            String login;
            String name;
            String zone;
            if (i < PEOPLE.length) {
                login = PEOPLE[i][0];
                name = PEOPLE[i][1];
                zone = PEOPLE[i][2];
            } else {
                login = "manager" + (i + 1);
                name = "Manager " + (i + 1);
                zone = "Europe/Berlin";
            }
            String phone;
            String holidays;
            String currency;
            switch (zone) {
                case "Europe/Moscow" -> {
                    phone = "+7 495 555 " + (2100 + i);
                    holidays = "RU";
                    currency = "EUR";
                }
                case "America/New_York" -> {
                    phone = "+1 212 555 " + (2100 + i);
                    holidays = "US";
                    currency = "USD";
                }
                default -> {
                    phone = "+49 30 5550 " + (2100 + i);
                    holidays = "DE";
                    currency = "EUR";
                }
            }
            managers.add(new Manager(i, login, name, login + "@" + settings.companyDomain(), phone, ZoneId.of(zone),
                    holidays, currency, i / settings.teamSize(), Profile.of(i)));
        }
        return new Roster(List.copyOf(teams), List.copyOf(managers));
    }
}
