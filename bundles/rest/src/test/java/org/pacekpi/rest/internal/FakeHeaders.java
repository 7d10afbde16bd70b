package org.pacekpi.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/** Request headers and cookies for resources called as plain objects. */
final class FakeHeaders implements HttpHeaders {

    private final MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    static FakeHeaders none() {
        return new FakeHeaders();
    }

    static FakeHeaders session(String sessionId) {
        FakeHeaders h = new FakeHeaders();
        h.cookies.put(FakeIdentity.SESSION_COOKIE,
                new Cookie.Builder(FakeIdentity.SESSION_COOKIE).value(sessionId).build());
        return h;
    }

    static FakeHeaders basic(String login, String password) {
        FakeHeaders h = new FakeHeaders();
        String token = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        h.headers.add(AUTHORIZATION, "Basic " + token);
        return h;
    }

    /** Adds a request header, e.g. {@code Origin}. */
    FakeHeaders with(String name, String value) {
        headers.add(name, value);
        return this;
    }

    @Override
    public List<String> getRequestHeader(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    @Override
    public String getHeaderString(String name) {
        List<String> values = getRequestHeader(name);
        return values == null ? null : String.join(",", values);
    }

    @Override
    public MultivaluedMap<String, String> getRequestHeaders() {
        return headers;
    }

    @Override
    public Map<String, Cookie> getCookies() {
        return cookies;
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
        return List.of(MediaType.WILDCARD_TYPE);
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
        return List.of();
    }

    @Override
    public MediaType getMediaType() {
        return null;
    }

    @Override
    public Locale getLanguage() {
        return null;
    }

    @Override
    public Date getDate() {
        return null;
    }

    @Override
    public int getLength() {
        return -1;
    }
}
