package org.pacekpi.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/**
 * What the Jakarta REST runtime does around a resource method, for resources called as plain objects: reads a body
 * with Pace's JSON provider, turns an exception into the response Pace's {@link ProblemMapper} makes of it, and
 * writes the answer's entity as JSON.
 */
final class Http {

    static final URI BASE = URI.create("http://crm.example:8181/pace/api/v1/");
    private static final Annotation[] NONE = new Annotation[0];

    private final PaceJsonProvider provider = new PaceJsonProvider();
    private final ProblemMapper mapper = new ProblemMapper();
    private final ObjectMapper json = PaceJson.newMapper();

    /** The answer of a resource method: its response, its entity as 200, or its exception as a problem. */
    Response call(Supplier<?> method) {
        try {
            Object answer = method.get();
            return answer instanceof Response response ? response : Response.ok(answer).build();
        } catch (RuntimeException e) {
            return mapper.toResponse(e);
        }
    }

    /** The answer of a resource method with no entity (a DELETE). */
    Response call(Runnable method) {
        return call(() -> {
            method.run();
            return Response.noContent().build();
        });
    }

    /** A request body as the runtime would read it for a resource method; a failure as the problem it becomes. */
    <T> Read<T> read(Class<T> type, String body) {
        try {
            @SuppressWarnings({ "unchecked", "rawtypes" })
            T value = (T) provider.readFrom((Class) type, type, NONE, MediaType.APPLICATION_JSON_TYPE,
                    new MultivaluedHashMap<>(), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            return new Read<>(value, null);
        } catch (IOException | RuntimeException e) {
            return new Read<>(null, mapper.toResponse(e));
        }
    }

    /**
     * A body as read: the value, or the problem response.
     *
     * @param value   the value read, null on failure
     * @param problem the response to a failure, null on success
     */
    record Read<T>(T value, Response problem) {
    }

    /** The entity of a response as the JSON the provider writes. */
    JsonNode body(Response response) {
        Object entity = response.getEntity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        try {
            provider.writeTo(entity, entity.getClass(), entity.getClass(), NONE, type, new MultivaluedHashMap<>(),
                    out);
            return json.readTree(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any value as the JSON the provider writes. */
    JsonNode json(Object value) {
        try {
            return json.readTree(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request URI information of a request to the Pace application at {@link #BASE}. */
    static UriInfo uriInfo() {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] { UriInfo.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBaseUri" -> BASE;
                    case "getBaseUriBuilder" -> UriBuilder.fromUri(BASE);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
