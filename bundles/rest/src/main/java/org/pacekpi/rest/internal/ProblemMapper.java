package org.pacekpi.rest.internal;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The one place where Pace turns exceptions into HTTP answers, all as {@code application/problem+json}:
 * Jakarta REST's own exceptions keep their status and headers; Pace's {@link NotFoundException} is 404, a bad
 * argument 400, not signed in 401 (with a Basic challenge so {@code curl -u} works), access denied 403, a failing
 * store 503; anything else is 500 with a correlation id that is also in the log.
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
        if (exception instanceof IllegalArgumentException) {
            return problem(400, exception.getMessage(), path).build();
        }
        if (exception instanceof StreamReadException || exception instanceof MismatchedInputException) {
            // a request body that is not JSON, or not the JSON this resource reads (e.g. an unknown field)
            return problem(400, "request body is not valid: " + jsonMessage(exception), path).build();
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

    private static Response.ResponseBuilder problem(int status, String detail, String path) {
        Problem problem = new Problem(Problem.ABOUT_BLANK, reason(status), status, detail, path);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private static String jsonMessage(Throwable exception) {
        if (exception instanceof com.fasterxml.jackson.core.JacksonException jackson) {
            return jackson.getOriginalMessage();
        }
        return exception.getMessage();
    }

    private String requestPath() {
        return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    }
}
