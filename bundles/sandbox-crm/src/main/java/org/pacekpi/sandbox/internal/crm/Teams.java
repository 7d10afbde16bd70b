package org.pacekpi.sandbox.internal.crm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pacekpi.host.directory.Team;

/** Sales teams and who heads them ({@code crm_team}, {@code crm_team_head}). */
public final class Teams {

    private Teams() {
    }

    /** Inserts a team. */
    public static void insert(Connection connection, String id, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_team (id, name) VALUES (?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.executeUpdate();
        }
    }

    /** Makes a user a head of the team. */
    public static void addHead(Connection connection, String teamId, String userId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_team_head (team_id, user_id) VALUES (?, ?)")) {
            insert.setString(1, teamId);
            insert.setString(2, userId);
            insert.executeUpdate();
        }
    }

    /** All teams with their heads, ordered by id. */
    public static List<Team> all(Connection connection) throws SQLException {
        Map<String, Set<String>> heads = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT team_id, user_id FROM crm_team_head")) {
            while (rows.next()) {
                heads.computeIfAbsent(rows.getString(1), id -> new HashSet<>()).add(rows.getString(2));
            }
        }
        List<Team> teams = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, name FROM crm_team ORDER BY id")) {
            while (rows.next()) {
                String id = rows.getString(1);
                teams.add(new Team(id, rows.getString(2), heads.getOrDefault(id, Set.of())));
            }
        }
        return teams;
    }
}
