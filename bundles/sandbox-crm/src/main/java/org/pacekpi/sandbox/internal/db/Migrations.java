package org.pacekpi.sandbox.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the sandbox's versioned SQL migrations ({@code migration/V<n>__<description>.sql} next to this class),
 * each once, in version order, recording them in {@code crm_schema_version}. A small runner instead of Flyway,
 * which has no OSGi manifest. The scripts use SQL that H2 and PostgreSQL both accept.
 */
public final class Migrations {

    /** The scripts in order. Listed rather than scanned: a bundle's class loader cannot list a folder portably. */
    static final List<String> SCRIPTS = List.of("V1__schema.sql");

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    private Migrations() {
    }

    /**
     * Brings the schema up to date.
     *
     * @return the versions applied now (empty when it already was)
     */
    public static List<Integer> apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS crm_schema_version ("
                    + "version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                    + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        Set<Integer> applied = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM crm_schema_version")) {
            while (rows.next()) {
                applied.add(rows.getInt(1));
            }
        }
        List<Integer> now = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (String script : SCRIPTS) {
                Matcher name = NAME.matcher(script);
                if (!name.matches()) {
                    throw new IllegalStateException("migration script name " + script + " is not V<n>__<description>.sql");
                }
                int version = Integer.parseInt(name.group(1));
                if (applied.contains(version)) {
                    continue;
                }
                runScript(connection, script);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO crm_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, version);
                    insert.setString(2, name.group(2).replace('_', ' '));
                    insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
                // one transaction per script: PostgreSQL rolls a failed script back entirely (H2 commits DDL itself)
                connection.commit();
                now.add(version);
                LOG.info("Sandbox CRM schema migrated to version {} ({})", version, script);
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return now;
    }

    private static void runScript(Connection connection, String script) throws SQLException {
        for (String sql : statements(read(script))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new SQLException("migration " + script + " failed at: " + sql + " (" + e.getMessage() + ")",
                        e.getSQLState(), e);
            }
        }
    }

    /** Splits a script into statements at semicolons that end a line; drops {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                result.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append(' ');
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + script + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + script, e);
        }
    }
}
