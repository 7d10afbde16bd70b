package org.pacekpi.rest.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.pacekpi.host.identity.HttpRequestView;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/** A Jakarta REST request's headers and cookies, seen through the host contract's {@link HttpRequestView}. */
public final class JakartaRequestView implements HttpRequestView {

    private final HttpHeaders headers;

    /** @param headers the current request's headers */
    public JakartaRequestView(HttpHeaders headers) {
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    @Override
    public Optional<String> header(String name) {
        List<String> values = headers.getRequestHeader(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    @Override
    public Optional<String> cookie(String name) {
        Cookie cookie = headers.getCookies().get(name);
        return cookie == null ? Optional.empty() : Optional.ofNullable(cookie.getValue());
    }
}
