package org.pacekpi.sandbox.internal.crm;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.pacekpi.host.directory.Role;
import org.pacekpi.sandbox.internal.auth.PasswordHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an empty sandbox starts with: the CRM admin {@code admin} and the head of sales {@code head}, both with the
 * demo password, and the configured company domains (added on every start, so a newly configured one is known).
 */
public final class Bootstrap {

    /** The password of every demo user. */
    public static final String DEMO_PASSWORD = "demo";
    /** The admin's login and id. */
    public static final String ADMIN = "admin";
    /** The head of sales' login and id. */
    public static final String HEAD = "head";
    /** The demo company's time zone. */
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private final List<String> companyDomains;
    private final PasswordHasher hasher;

    /** A bootstrap for these domains. */
    public Bootstrap(List<String> companyDomains, PasswordHasher hasher) {
        this.companyDomains = List.copyOf(companyDomains);
        this.hasher = hasher;
    }

    /** Creates what is missing, in one transaction. */
    public void run(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (String domain : companyDomains) {
                Company.addDomain(connection, domain);
            }
            if (Users.count(connection) == 0) {
                String domain = companyDomains.isEmpty() ? null : companyDomains.get(0);
                Instant now = Instant.now();
                Users.insert(connection, new Users.NewUser(ADMIN, ADMIN, "CRM Admin", email(ADMIN, domain),
                        "+49 30 5550 1001", hasher.hash(DEMO_PASSWORD), BERLIN, "DE", null, Set.of(Role.ADMIN)), now);
                Users.insert(connection, new Users.NewUser(HEAD, HEAD, "Helena Head", email(HEAD, domain),
                        "+49 30 5550 1002", hasher.hash(DEMO_PASSWORD), BERLIN, "DE", null, Set.of(Role.HEAD)), now);
                LOG.info("Sandbox CRM bootstrapped: users '{}' and '{}' with the demo password", ADMIN, HEAD);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String email(String login, String domain) {
        return domain == null ? null : login + "@" + domain;
    }
}
