package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.store.StoreException;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.StaleVersionException;
import org.pacekpi.api.targets.ValidationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

class ProblemMapperTest {

    private static final String PATH = "/pace/api/v1/managers/m1/kpis";
    private static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);

    private final ProblemMapper mapper = new ProblemMapper();
    private final PaceJsonProvider provider = new PaceJsonProvider();
    private final ObjectMapper json = PaceJson.newMapper();

    ProblemMapperTest() {
        mapper.uriInfo = uriInfo(URI.create("http://localhost:8181" + PATH + "?period=year"));
    }

    @Test
    void badArgumentIs400WithTheMessageAsDetail() throws Exception {
        Response response = mapper.toResponse(
                new IllegalArgumentException("period must be one of day, week, month; was 'year'"));
        JsonNode body = assertProblem(response, 400, "Bad Request");
        assertThat(body.get("detail").asText()).isEqualTo("period must be one of day, week, month; was 'year'");
        assertThat(body.get("type").asText()).isEqualTo("about:blank");
        assertThat(body.get("instance").asText()).isEqualTo(PATH);
    }

    @Test
    void aValidationExceptionIs400NamingTheField() throws Exception {
        JsonNode body = assertProblem(mapper.toResponse(new ValidationException("goal.paidDeals",
                "must be positive, was -3")), 400, "Bad Request");
        assertThat(body.get("detail").asText()).isEqualTo("goal.paidDeals: must be positive, was -3");
        assertThat(body.get("field").asText()).isEqualTo("goal.paidDeals");
        assertThat(body.has("currentVersion")).isFalse();
        // other bad arguments name no field
        assertThat(assertProblem(mapper.toResponse(new IllegalArgumentException("x")), 400, "Bad Request")
                .has("field")).isFalse();
    }

    @Test
    void aStaleVersionIs412WithTheCurrentVersion() throws Exception {
        JsonNode body = assertProblem(mapper.toResponse(new StaleVersionException("target", "t1", 3, 5)), 412,
                "Precondition Failed");
        assertThat(body.get("currentVersion").asLong()).isEqualTo(5);
        assertThat(body.get("detail").asText()).startsWith("target t1 is at version 5, not 3");
        assertThat(body.has("field")).isFalse();
    }

    @Test
    void aMissingIfMatchIs428AndAConflictIs409() throws Exception {
        JsonNode required = assertProblem(mapper.toResponse(new PreconditionRequiredException("send If-Match")),
                428, "Precondition Required");
        assertThat(required.get("detail").asText()).isEqualTo("send If-Match");
        JsonNode conflict = assertProblem(mapper.toResponse(new ConflictException("derived by goal g1")), 409,
                "Conflict");
        assertThat(conflict.get("detail").asText()).isEqualTo("derived by goal g1");
    }

    @Test
    void jacksonFailingToWriteAResponseIsOurBugNotTheClients() throws Exception {
        Exception failure;
        try {
            json.writeValueAsString(new Object());
            throw new AssertionError("writing a bean without properties should fail");
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            failure = e;
        }
        assertProblem(mapper.toResponse(failure), 500, "Internal Server Error");
    }

    @Test
    void notSignedInIs401WithABasicChallenge() throws Exception {
        Response response = mapper.toResponse(new NotSignedInException("sign in first"));
        assertProblem(response, 401, "Unauthorized");
        assertThat(response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"crm\"");
    }

    @Test
    void accessDeniedIs403AndNotFoundIs404() throws Exception {
        JsonNode denied = assertProblem(
                mapper.toResponse(new AccessDeniedException("a manager sees only their own KPIs")), 403, "Forbidden");
        assertThat(denied.get("detail").asText()).isEqualTo("a manager sees only their own KPIs");
        JsonNode missing = assertProblem(mapper.toResponse(new NotFoundException("no manager with id 'x'")), 404,
                "Not Found");
        assertThat(missing.get("detail").asText()).isEqualTo("no manager with id 'x'");
    }

    @Test
    void storeFailureIs503WithoutItsInternals() throws Exception {
        Response response = mapper.toResponse(new StoreException("reading aggregates",
                new SQLException("simulated by ProblemMapperTest: database unreachable")));
        JsonNode body = assertProblem(response, 503, "Service Unavailable");
        assertThat(body.get("detail").asText()).isEqualTo("store unavailable");
    }

    @Test
    void anythingElseIs500WithACorrelationId() throws Exception {
        JsonNode body = assertProblem(
                mapper.toResponse(new NullPointerException("simulated by ProblemMapperTest: secret internals")), 500,
                "Internal Server Error");
        assertThat(body.get("detail").asText())
                .matches("unexpected error; correlation id "
                        + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*")
                .doesNotContain("secret");
        JsonNode other = assertProblem(mapper.toResponse(new NullPointerException()), 500, "Internal Server Error");
        assertThat(other.get("detail").asText()).isNotEqualTo(body.get("detail").asText());
    }

    @Test
    void webApplicationExceptionsKeepStatusDetailAndHeaders() throws Exception {
        JsonNode custom = assertProblem(mapper.toResponse(new WebApplicationException("too many requests", 429)), 429,
                "Too Many Requests");
        assertThat(custom.get("detail").asText()).isEqualTo("too many requests");

        // Jakarta REST's own 404 for a path no resource matches says only "HTTP 404 Not Found"
        JsonNode unmatched = assertProblem(mapper.toResponse(new jakarta.ws.rs.NotFoundException()), 404, "Not Found");
        assertThat(unmatched.get("detail").asText()).isEqualTo("no Pace resource at " + PATH);

        Response notAllowed = mapper.toResponse(new NotAllowedException("GET"));
        assertProblem(notAllowed, 405, "Method Not Allowed");
        assertThat(notAllowed.getHeaderString(HttpHeaders.ALLOW)).isEqualTo("GET");

        Response unauthorized = mapper.toResponse(new NotAuthorizedException("token expired", "Bearer"));
        assertProblem(unauthorized, 401, "Unauthorized");
        assertThat(unauthorized.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    }

    @Test
    void unknownFieldInARequestBodyIs400() throws Exception {
        Exception failure = readBody("{\"name\":\"touches\",\"nmae\":\"typo\"}");
        JsonNode body = assertProblem(mapper.toResponse(failure), 400, "Bad Request");
        assertThat(body.get("detail").asText()).startsWith("request body is not valid: ").contains("nmae");
        assertThat(body.get("field").asText()).isEqualTo("nmae");

        Exception notJson = readBody("{name:");
        assertProblem(mapper.toResponse(notJson), 400, "Bad Request");
    }

    @Test
    void withoutARequestTheProblemHasNoInstance() throws Exception {
        ProblemMapper outsideRequest = new ProblemMapper();
        JsonNode body = assertProblem(outsideRequest.toResponse(new IllegalArgumentException("x")), 400, "Bad Request");
        assertThat(body.has("instance")).isFalse();
    }

    /** Checks status and media type, then writes the entity with Pace's JSON provider, as the runtime would. */
    private JsonNode assertProblem(Response response, int status, String title) throws IOException {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).isEqualTo(PROBLEM_JSON);
        Object entity = response.getEntity();
        assertThat(entity).isInstanceOf(Problem.class);
        Annotation[] none = new Annotation[0];
        assertThat(provider.isWriteable(entity.getClass(), entity.getClass(), none, PROBLEM_JSON)).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.writeTo(entity, entity.getClass(), entity.getClass(), none, PROBLEM_JSON, new MultivaluedHashMap<>(),
                out);
        JsonNode body = json.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isEqualTo(title);
        assertThat(body.get("type").asText()).isEqualTo("about:blank");
        assertThat(body.get("detail").isTextual()).isTrue();
        return body;
    }

    /** Reads a body the way a resource taking a {@link Probe} would have it read, and returns the failure. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private Exception readBody(String text) {
        try {
            provider.readFrom((Class) Probe.class, Probe.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                    new MultivaluedHashMap<>(), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("reading " + text + " should have failed");
    }

    /** A request body type for the reading tests. */
    public record Probe(String name) {
    }

    private static UriInfo uriInfo(URI requestUri) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] { UriInfo.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("getRequestUri")) {
                        return requestUri;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
