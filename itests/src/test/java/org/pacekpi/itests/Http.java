package org.pacekpi.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client for the sandbox CRM's and Pace's REST APIs, signed in with HTTP Basic as a demo user the way a
 * script or integration would be. Every call returns the status and the parsed JSON body, so tests assert both.
 */
public final class Http {

    /** A response: status, raw body, content type, ETag (null without), and the body as JSON when it is JSON. */
    public record Response(int status, String body, String contentType, String etag) {
        /** The body parsed as JSON; fails the test with the body shown if it is not JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("expected a JSON body (status " + status + "), got: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String authorization;

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** A client signed in as {@code login} with the demo password. */
    public static Http as(int port, String login) {
        return basic(port, login, "demo");
    }

    /** A client sending HTTP Basic credentials, right or wrong. */
    public static Http basic(int port, String login, String password) {
        String token = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Http("http://localhost:" + port, "Basic " + token);
    }

    /** A client without credentials. */
    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port, null);
    }

    /** GET a path such as {@code /pace/api/v1/me}. */
    public Response get(String path) {
        return send(request(path).GET());
    }

    /** POST a JSON body. */
    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /** PUT a JSON body. */
    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /** PUT a JSON body, conditional on the resource still having the ETag {@code ifMatch}. */
    public Response put(String path, Object body, String ifMatch) {
        return send(request(path).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /** POST a JSON body, conditional on the resource still having the ETag {@code ifMatch}. */
    public Response post(String path, Object body, String ifMatch) {
        return send(request(path).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /** DELETE a resource. */
    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** DELETE a resource, conditional on it still having the ETag {@code ifMatch}. */
    public Response delete(String path, String ifMatch) {
        return send(request(path).header("If-Match", ifMatch).DELETE());
    }

    /** URL-encodes a query parameter value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(3)) // a rebuild answers when done
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static String toJson(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }
}
