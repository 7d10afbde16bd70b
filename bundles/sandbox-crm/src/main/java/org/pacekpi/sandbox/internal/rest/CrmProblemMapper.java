package org.pacekpi.sandbox.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.pacekpi.sandbox.internal.CrmException;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Answers the sandbox's own exceptions as {@code application/problem+json} (RFC 9457):
 * {@code {"type","title","status","detail","field"}}. Only {@link CrmException}s: other bundles' resources in the
 * default application keep their own error handling. A 401 carries {@code WWW-Authenticate: Basic realm="crm"}.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName(CrmProblemMapper.NAME)
public final class CrmProblemMapper implements ExceptionMapper<CrmException> {

    /** The extension's whiteboard name. */
    public static final String NAME = "crm-problems";
    /** The problem media type. */
    public static final String PROBLEM_JSON = "application/problem+json";
    /** The challenge sent with a 401, so that browsers and curl know Basic works. */
    public static final String CHALLENGE = "Basic realm=\"crm\"";

    private static final Logger LOG = LoggerFactory.getLogger(CrmProblemMapper.class);

    private final ObjectMapper mapper = CrmJson.mapper();

    @Override
    public Response toResponse(CrmException exception) {
        int status = exception.status();
        if (status >= 500) {
            LOG.error("Sandbox CRM request failed: {}", exception.getMessage(), exception);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", reason(status));
        problem.put("status", status);
        problem.put("detail", exception.getMessage());
        if (exception instanceof CrmProblem crmProblem) {
            crmProblem.field().ifPresent(field -> problem.put("field", field));
        }
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem document", e);
        }
        // written as a String so the problem reaches the client even when no JSON writer fits its Accept header
        Response.ResponseBuilder response = Response.status(status).type(PROBLEM_JSON).entity(body);
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response.build();
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
