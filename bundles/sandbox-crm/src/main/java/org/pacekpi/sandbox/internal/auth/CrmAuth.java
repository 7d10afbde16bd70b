package org.pacekpi.sandbox.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pacekpi.host.identity.HttpRequestView;
import org.pacekpi.host.identity.RequestIdentity;
import org.pacekpi.sandbox.internal.crm.Jdbc;
import org.pacekpi.sandbox.internal.crm.Users;
import org.pacekpi.sandbox.internal.db.CrmDatabase;

/**
 * Sign-in for the sandbox CRM, and its {@link RequestIdentity} for Pace: a request is from the user whose session
 * the {@value #SESSION_COOKIE} cookie names (set by the sign-in form), or from the user whose login and password
 * it sends as HTTP Basic credentials (handy for curl and tests).
 */
@Component(service = { RequestIdentity.class, CrmAuth.class })
public final class CrmAuth implements RequestIdentity {

    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "CRMSESSION";
    /** How long a session lasts. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

    /** How many verified Basic credentials are remembered (see {@link #basicUser}). */
    private static final int VERIFIED_CACHE_SIZE = 256;

    private final CrmDatabase database;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> verified = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > VERIFIED_CACHE_SIZE;
        }
    };

    /** The OSGi constructor. */
    @Activate
    public CrmAuth(@Reference CrmDatabase database) {
        this(database, new PasswordHasher(), Clock.systemUTC());
    }

    /** Sign-in with a hasher and clock of choice. */
    public CrmAuth(CrmDatabase database, PasswordHasher hasher, Clock clock) {
        this.database = database;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public Optional<String> userId(HttpRequestView request) {
        Optional<String> fromSession = request.cookie(SESSION_COOKIE).flatMap(this::sessionUser);
        if (fromSession.isPresent()) {
            return fromSession;
        }
        return request.header("Authorization").flatMap(this::basicUser);
    }

    /** The user of a session token, if the session exists, has not expired and the user is active. */
    public Optional<String> sessionUser(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = PasswordHasher.sha256Hex(token);
        return database.read("looking up a session", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT s.user_id FROM crm_session s "
                    + "JOIN crm_user u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? "
                    + "AND u.active = TRUE")) {
                select.setString(1, hash);
                Jdbc.setInstant(select, 2, clock.instant());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The user of an {@code Authorization: Basic ...} header, if the login and password are right.
     *
     * <p>PBKDF2 is slow on purpose, and a script sends the same credentials with every request; so a verified pair
     * is remembered by its SHA-256 together with the stored hash it matched. The stored hash is read on every
     * request, so a changed password or a deactivated user takes effect at once.
     */
    public Optional<String> basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not Base64: not credentials at all
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The id of the active user with this login and password. */
    public Optional<String> authenticate(String login, String password) {
        if (login == null || password == null || login.isBlank()) {
            return Optional.empty();
        }
        String normalizedLogin = login.strip().toLowerCase(Locale.ROOT);
        Optional<Users.Credentials> credentials = database.read("checking the credentials of " + normalizedLogin,
                connection -> Users.credentials(connection, normalizedLogin));
        if (credentials.isEmpty() || !credentials.get().active()) {
            return Optional.empty();
        }
        String storedHash = credentials.get().passwordHash();
        String key = PasswordHasher.sha256Hex(normalizedLogin + '\u0000' + password);
        synchronized (verified) {
            if (storedHash.equals(verified.get(key))) {
                return Optional.of(credentials.get().userId());
            }
        }
        if (!hasher.verify(password, storedHash)) {
            return Optional.empty();
        }
        synchronized (verified) {
            verified.put(key, storedHash);
        }
        return Optional.of(credentials.get().userId());
    }

    /** Opens a session for a user and returns its token (only its hash is stored); drops expired sessions. */
    public String openSession(String userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        database.transaction("opening a session for " + userId, connection -> {
            try (PreparedStatement purge = connection.prepareStatement("DELETE FROM crm_session WHERE expires_at <= ?")) {
                Jdbc.setInstant(purge, 1, now);
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_session "
                    + "(token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, PasswordHasher.sha256Hex(token));
                insert.setString(2, userId);
                Jdbc.setInstant(insert, 3, now);
                Jdbc.setInstant(insert, 4, now.plus(SESSION_LIFETIME));
                insert.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** Ends a session; nothing happens if it does not exist. */
    public void closeSession(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        database.transaction("closing a session", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM crm_session WHERE token_hash = ?")) {
                delete.setString(1, PasswordHasher.sha256Hex(token));
                delete.executeUpdate();
            }
            return null;
        });
    }
}
