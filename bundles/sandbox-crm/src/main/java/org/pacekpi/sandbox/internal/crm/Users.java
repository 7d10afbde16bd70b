package org.pacekpi.sandbox.internal.crm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.directory.WorkingSchedule;

/** The CRM's users and their roles ({@code crm_user}, {@code crm_user_role}). */
public final class Users {

    /**
     * A user to create.
     *
     * @param id              stable id; the sandbox uses the login
     * @param login           sign-in name
     * @param displayName     name shown to people
     * @param email           work e-mail (lower case) or null
     * @param phone           work phone or null
     * @param passwordHash    a {@link org.pacekpi.sandbox.internal.auth.PasswordHasher} hash
     * @param timeZone        the user's time zone
     * @param holidayCalendar ISO country (optionally /subdivision) of the public holidays that apply, or null
     * @param teamId          the user's team, or null
     * @param roles           the user's roles
     */
    public record NewUser(String id, String login, String displayName, String email, String phone,
                          String passwordHash, ZoneId timeZone, String holidayCalendar, String teamId,
                          Set<Role> roles) {
    }

    /**
     * A user as the directory keeps it: the host-api record plus the phone, which it has no field for.
     *
     * @param user  the host-api user
     * @param phone the work phone, or null
     */
    public record UserRow(User user, String phone) {
    }

    /**
     * What sign-in needs.
     *
     * @param userId       the user's id
     * @param passwordHash the stored hash
     * @param active       false for a user who left
     */
    public record Credentials(String userId, String passwordHash, boolean active) {
    }

    private Users() {
    }

    /** Inserts a user and their roles. */
    public static void insert(Connection connection, NewUser user, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_user (id, login, display_name, "
                + "email, phone, password_hash, time_zone, holiday_calendar, team_id, active, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, user.id());
            insert.setString(2, user.login());
            insert.setString(3, user.displayName());
            insert.setString(4, user.email());
            insert.setString(5, user.phone());
            insert.setString(6, user.passwordHash());
            insert.setString(7, user.timeZone().getId());
            insert.setString(8, user.holidayCalendar());
            insert.setString(9, user.teamId());
            insert.setBoolean(10, true);
            Jdbc.setInstant(insert, 11, now);
            insert.executeUpdate();
        }
        try (PreparedStatement role = connection.prepareStatement(
                "INSERT INTO crm_user_role (user_id, role) VALUES (?, ?)")) {
            for (Role r : user.roles()) {
                role.setString(1, user.id());
                role.setString(2, r.name());
                role.addBatch();
            }
            role.executeBatch();
        }
    }

    /** How many users exist. */
    public static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM crm_user")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** The sign-in data of a login. */
    public static Optional<Credentials> credentials(Connection connection, String login) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, password_hash, active FROM crm_user WHERE login = ?")) {
            select.setString(1, login);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Credentials(row.getString("id"), row.getString("password_hash"),
                                row.getBoolean("active")))
                        : Optional.empty();
            }
        }
    }

    /** All users with their roles, ordered by id. */
    public static List<UserRow> all(Connection connection) throws SQLException {
        Map<String, Set<Role>> roles = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT user_id, role FROM crm_user_role")) {
            while (rows.next()) {
                roles.computeIfAbsent(rows.getString(1), id -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rows.getString(2)));
            }
        }
        List<UserRow> users = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, login, display_name, email, phone, time_zone, "
                     + "holiday_calendar, team_id, active FROM crm_user ORDER BY id")) {
            while (rows.next()) {
                String id = rows.getString("id");
                WorkingSchedule schedule = WorkingSchedule.DEFAULT.withHolidayCalendar(rows.getString("holiday_calendar"));
                User user = new User(id, rows.getString("login"), rows.getString("display_name"),
                        rows.getString("email"), roles.getOrDefault(id, Set.of()), rows.getString("team_id"),
                        ZoneId.of(rows.getString("time_zone")), schedule, rows.getBoolean("active"));
                users.add(new UserRow(user, rows.getString("phone")));
            }
        }
        return users;
    }
}
