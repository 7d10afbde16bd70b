package org.pacekpi.host.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The parts of an HTTP request a host needs to tell who sent it, without tying the contract to one servlet or REST
 * API. Pace adapts its Jakarta REST request to this view.
 */
@ConsumerType
public interface HttpRequestView {

    /** The first value of a request header, e.g. {@code Authorization}. */
    Optional<String> header(String name);

    /** The value of a cookie. */
    Optional<String> cookie(String name);
}
