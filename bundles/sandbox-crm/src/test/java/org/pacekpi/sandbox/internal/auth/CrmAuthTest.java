package org.pacekpi.sandbox.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.identity.HttpRequestView;
import org.pacekpi.sandbox.internal.TestCrm;

class CrmAuthTest {

    @TempDir
    Path folder;

    private TestCrm crm;

    @BeforeEach
    void setUp() {
        crm = TestCrm.h2(folder);
        crm.addUser("anna", null, Set.of(Role.MANAGER), null);
    }

    @AfterEach
    void tearDown() {
        crm.close();
    }

    @Test
    void basicCredentialsIdentifyTheUser() {
        assertThat(crm.auth.userId(request(TestCrm.basic("anna", "demo"), null))).contains("anna");
        assertThat(crm.auth.userId(request(TestCrm.basic("ANNA", "demo"), null))).as("logins ignore case").contains("anna");
        // the second time comes from the verified-credentials cache and must give the same answer
        assertThat(crm.auth.userId(request(TestCrm.basic("anna", "demo"), null))).contains("anna");
        assertThat(crm.auth.userId(request(TestCrm.basic("anna", "wrong"), null))).isEmpty();
        assertThat(crm.auth.userId(request(TestCrm.basic("nobody", "demo"), null))).isEmpty();
        assertThat(crm.auth.userId(request("Basic not-base64!", null))).isEmpty();
        assertThat(crm.auth.userId(request("Bearer abc", null))).isEmpty();
        assertThat(crm.auth.userId(request(null, null))).isEmpty();
    }

    @Test
    void aSessionCookieIdentifiesTheUserUntilClosed() {
        String token = crm.auth.openSession("anna");
        assertThat(crm.auth.userId(request(null, token))).contains("anna");
        assertThat(crm.auth.userId(request(null, token + "x"))).isEmpty();
        crm.auth.closeSession(token);
        assertThat(crm.auth.userId(request(null, token))).isEmpty();
    }

    @Test
    void aSessionExpires() {
        String token = crm.auth.openSession("anna");
        CrmAuth later = new CrmAuth(crm.database, TestCrm.FAST_HASHER,
                Clock.fixed(TestCrm.NOW.plus(CrmAuth.SESSION_LIFETIME).plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
        assertThat(later.sessionUser(token)).isEmpty();
        assertThat(crm.auth.sessionUser(token)).contains("anna");
    }

    @Test
    void aDeactivatedUserIsNobodyAtOnce() {
        String token = crm.auth.openSession("anna");
        assertThat(crm.auth.authenticate("anna", "demo")).contains("anna");
        crm.database.transaction("deactivate", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE crm_user SET active = FALSE WHERE id = 'anna'")) {
                return update.executeUpdate();
            }
        });
        assertThat(crm.auth.authenticate("anna", "demo")).isEmpty();
        assertThat(crm.auth.sessionUser(token)).isEmpty();
    }

    private static HttpRequestView request(String authorization, String session) {
        return new HttpRequestView() {
            @Override
            public Optional<String> header(String name) {
                return name.equals("Authorization") ? Optional.ofNullable(authorization) : Optional.empty();
            }

            @Override
            public Optional<String> cookie(String name) {
                return name.equals(CrmAuth.SESSION_COOKIE) ? Optional.ofNullable(session) : Optional.empty();
            }
        };
    }
}
