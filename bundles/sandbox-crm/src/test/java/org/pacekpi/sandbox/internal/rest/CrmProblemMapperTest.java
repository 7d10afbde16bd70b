package org.pacekpi.sandbox.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.db.CrmDataException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;

class CrmProblemMapperTest {

    private final CrmProblemMapper mapper = new CrmProblemMapper();

    @Test
    void aBadFieldIsAProblemDocumentNamingIt() throws Exception {
        Response response = mapper.toResponse(CrmProblem.invalid("durationSeconds", "must not be negative, was -5"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        Map<String, Object> body = new ObjectMapper().readValue((String) response.getEntity(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(body).containsEntry("type", "about:blank").containsEntry("title", "Bad Request")
                .containsEntry("status", 400).containsEntry("field", "durationSeconds")
                .containsEntry("detail", "durationSeconds: must not be negative, was -5");
    }

    @Test
    void notSignedInChallengesForBasic() {
        Response response = mapper.toResponse(CrmProblem.notSignedIn("sign in first"));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"crm\"");
    }

    @Test
    void aDatabaseFailureIs503() {
        Response response = mapper.toResponse(new CrmDataException("listing contacts failed: gone", null));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat((String) response.getEntity()).contains("listing contacts failed");
    }
}
