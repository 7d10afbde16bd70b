package org.pacekpi.rest.internal;

import java.util.Objects;

import org.pacekpi.host.directory.User;
import org.pacekpi.host.identity.RequestIdentity;

import jakarta.ws.rs.core.HttpHeaders;

/** Tells which directory user sent a request: the host authenticates, the {@link AccessPolicy} accepts or refuses. */
final class RequestAuthentication {

    private final RequestIdentity identity;
    private final AccessPolicy policy;

    RequestAuthentication(RequestIdentity identity, AccessPolicy policy) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The signed-in, active user who sent the request.
     *
     * @throws NotSignedInException otherwise
     */
    User caller(HttpHeaders headers) {
        return policy.signedIn(identity.userId(new JakartaRequestView(headers)));
    }
}
