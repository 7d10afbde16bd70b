package org.pacekpi.store.jdbc.internal.osgi;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.pacekpi.store.jdbc.internal.SqlDialect;

/**
 * The store configuration, checked and with defaults filled in. Kept apart from the component so that the rules
 * are unit-tested without a framework.
 *
 * @param url                      the JDBC URL
 * @param dialect                  the database it points to
 * @param user                     the user, possibly empty
 * @param password                 the password, possibly empty
 * @param passwordExposed          the password came from the public key {@code password} instead of
 *                                 {@code .password}, so it is visible among the service properties
 * @param poolSize                 maximum pooled connections
 * @param connectionTimeoutSeconds wait for a connection
 */
record StoreSettings(String url, SqlDialect dialect, String user, String password, boolean passwordExposed,
                     int poolSize, int connectionTimeoutSeconds) {

    static final int MAX_POOL_SIZE = 200;
    static final int MAX_TIMEOUT_SECONDS = 3600;

    /** The key an admin may write by habit; still honoured, with a warning. */
    static final String PUBLIC_PASSWORD_KEY = "password";

    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)(password|pwd)=[^;&]*");

    /**
     * @param properties the component properties (for the public {@code password} key)
     * @param karafData  the value of the {@code karaf.data} system property, or null outside Karaf
     * @throws IllegalArgumentException naming the property and the allowed values
     */
    static StoreSettings from(StoreConfig config, Map<String, ?> properties, String karafData) {
        String url = config.url() == null || config.url().isBlank() ? defaultUrl(karafData) : config.url().trim();
        SqlDialect dialect = SqlDialect.fromUrl(url);
        if (config.poolSize() < 1 || config.poolSize() > MAX_POOL_SIZE) {
            throw new IllegalArgumentException(StoreConfig.PID + ": poolSize must be 1.." + MAX_POOL_SIZE + ", was "
                    + config.poolSize());
        }
        if (config.connectionTimeoutSeconds() < 1 || config.connectionTimeoutSeconds() > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(StoreConfig.PID + ": connectionTimeoutSeconds must be 1.."
                    + MAX_TIMEOUT_SECONDS + ", was " + config.connectionTimeoutSeconds());
        }
        String password = Objects.requireNonNullElse(config._password(), "");
        boolean exposed = false;
        if (password.isEmpty() && properties.get(PUBLIC_PASSWORD_KEY) instanceof String plain && !plain.isEmpty()) {
            password = plain;
            exposed = true;
        }
        return new StoreSettings(url, dialect, Objects.requireNonNullElse(config.user(), "").trim(), password,
                exposed, config.poolSize(), config.connectionTimeoutSeconds());
    }

    /** The embedded H2 file under Karaf's data folder ({@code ./data} outside Karaf). */
    static String defaultUrl(String karafData) {
        String base = karafData == null || karafData.isBlank() ? "./data" : karafData.trim();
        while (base.length() > 1 && (base.endsWith("/") || base.endsWith("\\"))) {
            base = base.substring(0, base.length() - 1);
        }
        return "jdbc:h2:file:" + base + "/pace/pace";
    }

    /** The URL with any password parameter masked, for logs and messages. */
    String safeUrl() {
        return SECRET_PARAMETER.matcher(url).replaceAll("$1=***");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "StoreSettings[url=" + safeUrl() + ", dialect=" + dialect + ", user=" + user + ", password="
                + (password.isEmpty() ? "(none)" : "***") + ", poolSize=" + poolSize + ", connectionTimeoutSeconds="
                + connectionTimeoutSeconds + "]";
    }
}
