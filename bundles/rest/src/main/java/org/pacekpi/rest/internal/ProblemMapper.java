package org.pacekpi.rest.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.store.StoreException;
import org.pacekpi.api.targets.ConflictException;
import org.pacekpi.api.targets.StaleVersionException;
import org.pacekpi.api.targets.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The one place where Pace turns exceptions into HTTP answers, all as {@code application/problem+json}:
 * Jakarta REST's own exceptions keep their status and headers; Pace's {@link NotFoundException} is 404, a bad
 * argument 400 ({@link ValidationException} and a request body Jackson cannot read add the member {@code field}),
 * not signed in 401 (with a Basic challenge so {@code curl -u} works), access denied 403, a stale version 412 (with
 * the member {@code currentVersion}), a missing {@code If-Match} 428, a conflicting write 409, a failing store 503;
 * anything else is 500 with a correlation id that is also in the log.
 */
@Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsName(ProblemMapper.NAME)
@JakartarsApplicationSelect(PaceApplication.SELECT)
public class ProblemMapper implements ExceptionMapper<Throwable> {

    /** The extension's whiteboard name. */
    public static final String NAME = "pace.problems";

    /** The challenge sent with 401: the sandbox CRM (and most hosts) accept HTTP Basic besides the session. */
    static final String CHALLENGE = "Basic realm=\"crm\"";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    /** Jakarta REST's default exception messages, which say nothing the status does not. */
    private static final Pattern DEFAULT_MESSAGE = Pattern.compile("HTTP \\d{3} .*");

    /**
     * The current request's URI. Not final: Jakarta REST injects a request-scoped proxy after construction. Null
     * when the mapper is used outside a request (tests); the problem then has no {@code instance}.
     */
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        String path = requestPath();
        if (exception instanceof WebApplicationException wae) {
            return fromWebApplicationException(wae, path);
        }
        if (exception instanceof NotSignedInException) {
            return problem(401, exception.getMessage(), path).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
        }
        if (exception instanceof AccessDeniedException) {
            return problem(403, exception.getMessage(), path).build();
        }
        if (exception instanceof NotFoundException) {
            return problem(404, exception.getMessage(), path).build();
        }
        if (exception instanceof ValidationException invalid) {
            return problem(400, invalid.getMessage(), path, invalid.field(), null).build();
        }
        if (exception instanceof IllegalArgumentException) {
            return problem(400, exception.getMessage(), path).build();
        }
        if (exception instanceof StaleVersionException stale) {
            return problem(412, stale.getMessage(), path, null, stale.currentVersion()).build();
        }
        if (exception instanceof PreconditionRequiredException) {
            return problem(428, exception.getMessage(), path).build();
        }
        if (exception instanceof ConflictException) {
            return problem(409, exception.getMessage(), path).build();
        }
        if (exception instanceof StreamReadException notJson) {
            return problem(400, "request body is not valid: not JSON: " + notJson.getOriginalMessage()
                    + location(notJson), path).build();
        }
        if (isReadingABody(exception)) {
            // not the JSON this resource reads: an unknown field, a string for a number, a missing count
            return unreadableBody((DatabindException) exception, path);
        }
        if (exception instanceof StoreException) {
            LOG.error("Pace store unavailable while answering {}", path, exception);
            return problem(503, "store unavailable", path).build();
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} while answering {}", correlationId, path, exception);
        return problem(500, "unexpected error; correlation id " + correlationId
                + " (the server log has the details under this id)", path).build();
    }

    private Response fromWebApplicationException(WebApplicationException wae, String path) {
        Response original = wae.getResponse();
        int status = original.getStatus();
        String detail = wae.getMessage();
        if (detail == null || DEFAULT_MESSAGE.matcher(detail).matches()) {
            detail = status == 404 && path != null ? "no Pace resource at " + path : reason(status);
        }
        Response.ResponseBuilder builder = problem(status, detail, path);
        // keep headers such as Allow (405) or WWW-Authenticate (401); the body and its type are ours
        for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.equals("content-type") && !name.equals("content-length")) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        if (status >= 500) {
            LOG.error("Error {} while answering {}", status, path, wae);
        }
        return builder.build();
    }

    /**
     * True for Jackson's failures to read a request body. Its failures to write a response (a Pace bug) stay 500,
     * and so does a body type Jackson cannot construct at all.
     */
    private static boolean isReadingABody(Throwable exception) {
        if (!(exception instanceof DatabindException) || exception instanceof InvalidDefinitionException) {
            return false;
        }
        return exception instanceof MismatchedInputException
                || exception instanceof JsonMappingException mapping && mapping.getProcessor() instanceof JsonParser;
    }

    /** 400 naming the field by its path in the body, e.g. {@code pinnedRates[1].rate}, and what is wrong. */
    private static Response unreadableBody(DatabindException exception, String path) {
        String field = exception instanceof JsonMappingException mapping ? fieldPath(mapping.getPath()) : null;
        String reason = bodyReason(exception, field == null);
        if (exception.getCause() instanceof ValidationException invalid) {
            // a record's constructor refused a value: its own words, and its field if Jackson knew none
            reason = invalid.getMessage().substring(invalid.field().length() + 2);
            field = field == null ? invalid.field() : field;
        }
        String detail = "request body is not valid: " + (field == null ? "" : field + ": ") + reason;
        return problem(400, detail, path, field, null).build();
    }

    /** What is wrong, in words; where, for a problem with the body as a whole (a field's path says where). */
    private static String bodyReason(DatabindException exception, boolean wholeBody) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'" + known(unknown.getKnownPropertyIds());
        }
        if (exception instanceof BodyFieldException field) {
            return field.getOriginalMessage();
        }
        if (exception instanceof InvalidFormatException format) {
            return "cannot read " + format.getValue() + " as " + describe(format.getTargetType());
        }
        if (exception instanceof MismatchedInputException mismatch) {
            String message = mismatch.getOriginalMessage();
            if (message != null && message.startsWith("Cannot map `null`")) {
                return "is required (" + describe(mismatch.getTargetType()) + ")";
            }
            if (message != null && message.startsWith("No content to map")) {
                return "the body is empty; send a JSON object";
            }
            if (message != null && message.startsWith("Trailing token")) {
                return "the body must be one JSON value, and more follows it" + location(mismatch);
            }
            if (mismatch.getTargetType() != null) {
                return "must be " + describe(mismatch.getTargetType()) + (wholeBody ? location(mismatch) : "");
            }
        }
        return exception.getOriginalMessage();
    }

    /** The field's path as JSON readers write it: {@code goal.revenue.amount}, {@code pinnedRates[1].rate}. */
    static String fieldPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String known(Collection<Object> names) {
        if (names == null || names.isEmpty()) {
            return "";
        }
        return "; known fields: " + String.join(", ", names.stream().map(String::valueOf).sorted().toList());
    }

    /** A Java type in the words of JSON. */
    private static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return "a date YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "an instant such as 2026-03-01T09:00:00Z";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String location(JsonProcessingException exception) {
        return exception.getLocation() == null ? ""
                : " (line " + exception.getLocation().getLineNr() + ", column " + exception.getLocation().getColumnNr()
                        + ")";
    }

    private static Response.ResponseBuilder problem(int status, String detail, String path) {
        return problem(status, detail, path, null, null);
    }

    private static Response.ResponseBuilder problem(int status, String detail, String path, String field,
                                                    Long currentVersion) {
        Problem problem = new Problem(Problem.ABOUT_BLANK, reason(status), status, detail, path, field,
                currentVersion);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private String requestPath() {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }
}
