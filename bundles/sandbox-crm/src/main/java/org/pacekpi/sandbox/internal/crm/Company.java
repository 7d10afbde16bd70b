package org.pacekpi.sandbox.internal.crm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The company's own e-mail domains and phone numbers: anything on them is a colleague, not a client. */
public final class Company {

    private Company() {
    }

    /** The company's e-mail domains, lower case. */
    public static List<String> domains(Connection connection) throws SQLException {
        return strings(connection, "SELECT domain_name FROM crm_company_domain ORDER BY domain_name");
    }

    /** Adds a domain unless it is there already. */
    public static void addDomain(Connection connection, String domain) throws SQLException {
        String normalized = domain.strip().toLowerCase(Locale.ROOT);
        if (domains(connection).contains(normalized)) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_company_domain (domain_name) VALUES (?)")) {
            insert.setString(1, normalized);
            insert.executeUpdate();
        }
    }

    /** The company's own phone numbers (switchboard, office lines), as entered. */
    public static List<String> phones(Connection connection) throws SQLException {
        return strings(connection, "SELECT phone FROM crm_company_phone ORDER BY phone");
    }

    /** Adds a company phone number unless it is there already. */
    public static void addPhone(Connection connection, String phone, String label) throws SQLException {
        if (phones(connection).contains(phone)) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO crm_company_phone (phone, label) VALUES (?, ?)")) {
            insert.setString(1, phone);
            insert.setString(2, label);
            insert.executeUpdate();
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.add(rows.getString(1));
            }
        }
        return result;
    }
}
