package org.pacekpi.host.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells who makes an HTTP request. The host authenticates (session cookie, token, Basic...); Pace only authorises
 * the user id it is given against the {@link org.pacekpi.host.directory.Directory}.
 */
@ProviderType
public interface RequestIdentity {

    /**
     * The id of the signed-in user who sent the request.
     *
     * @return the user id, or empty when the request carries no valid credentials
     */
    Optional<String> userId(HttpRequestView request);
}
