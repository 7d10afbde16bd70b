package org.pacekpi.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.pacekpi.host.identity.HttpRequestView;
import org.pacekpi.host.identity.RequestIdentity;

/**
 * Like the sandbox CRM: a session cookie {@code CRMSESSION=session-<userId>}, or HTTP Basic with any login and the
 * password "demo" (the login is the user id in {@link FakeDirectory}).
 */
final class FakeIdentity implements RequestIdentity {

    static final String SESSION_COOKIE = "CRMSESSION";

    @Override
    public Optional<String> userId(HttpRequestView request) {
        Optional<String> fromSession = request.cookie(SESSION_COOKIE).filter(v -> v.startsWith("session-"))
                .map(v -> v.substring("session-".length()));
        if (fromSession.isPresent()) {
            return fromSession;
        }
        return request.header("Authorization").filter(v -> v.startsWith("Basic ")).map(v -> new String(
                Base64.getDecoder().decode(v.substring("Basic ".length())), StandardCharsets.UTF_8))
                .filter(pair -> pair.endsWith(":demo")).map(pair -> pair.substring(0, pair.indexOf(':')));
    }
}
