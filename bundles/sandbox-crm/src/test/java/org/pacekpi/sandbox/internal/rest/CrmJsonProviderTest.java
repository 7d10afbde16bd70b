package org.pacekpi.sandbox.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.rest.Views.ActivityView;

import jakarta.ws.rs.core.MediaType;

class CrmJsonProviderTest {

    private final CrmJsonProvider provider = new CrmJsonProvider();

    @Test
    void readsARequest() throws IOException {
        ActivityRequest request = read("{\"type\":\"call\",\"contactId\":\"con-1\",\"durationSeconds\":90,"
                + "\"amount\":12.50,\"attendees\":[\"con-2\"]}");
        assertThat(request.type()).isEqualTo("call");
        assertThat(request.durationSeconds()).isEqualTo(90L);
        assertThat(request.amount()).isEqualByComparingTo("12.5");
        assertThat(request.attendees()).containsExactly("con-2");
    }

    @Test
    void anUnknownFieldIsA400NamingIt() {
        CrmProblem problem = catchThrowableOfType(CrmProblem.class, () -> read("{\"type\":\"call\",\"duration\":5}"));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.field()).contains("duration");
        assertThat(problem).hasMessageContaining("unknown field").hasMessageContaining("durationSeconds");
    }

    @Test
    void aValueOfTheWrongTypeIsA400NamingTheField() {
        assertThat(catchThrowableOfType(CrmProblem.class, () -> read("{\"durationSeconds\":\"long\"}")).field())
                .contains("durationSeconds");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> read("{\"durationSeconds\":1.5}")).field())
                .contains("durationSeconds");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> read("{\"attendees\":[\"a\",{}]}")).field())
                .contains("attendees[1]");
    }

    @Test
    void brokenJsonIsA400() {
        CrmProblem problem = catchThrowableOfType(CrmProblem.class, () -> read("{\"type\": call}"));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem).hasMessageContaining("not valid JSON");
        assertThat(catchThrowableOfType(CrmProblem.class, () -> read("[1,2]")).status()).isEqualTo(400);
    }

    @Test
    void writesInstantsAsIsoAndLeavesOutNulls() throws IOException {
        ActivityView view = new ActivityView("act-1", 7, "call", Instant.parse("2026-11-16T09:30:00Z"), "anna",
                "phone", "outbound", "connected", 60L, List.of(), null, null, null, null, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.writeTo(view, ActivityView.class, ActivityView.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, null, out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"occurredAt\":\"2026-11-16T09:30:00Z\"").contains("\"sequence\":7")
                .doesNotContain("dealId");
    }

    @Test
    void handlesOnlyTheSandboxsOwnTypes() throws NoSuchMethodException {
        MediaType json = MediaType.APPLICATION_JSON_TYPE;
        assertThat(provider.isWriteable(ActivityView.class, ActivityView.class, null, json)).isTrue();
        assertThat(provider.isWriteable(List.class,
                getClass().getDeclaredMethod("views").getGenericReturnType(), null, json)).isTrue();
        assertThat(provider.isWriteable(Map.class, Map.class, null, json)).isFalse();
        assertThat(provider.isWriteable(String.class, String.class, null, json)).isFalse();
        assertThat(provider.isWriteable(ActivityView.class, ActivityView.class, null, MediaType.TEXT_HTML_TYPE)).isFalse();
        assertThat(provider.isReadable(ActivityRequest.class, ActivityRequest.class, null, json)).isTrue();
        assertThat(provider.isReadable(Map.class, Map.class, null, json)).isFalse();
    }

    @SuppressWarnings("unused")
    private List<ActivityView> views() {
        return List.of();
    }

    private ActivityRequest read(String json) throws IOException {
        return (ActivityRequest) provider.readFrom((Class<Object>) (Class<?>) ActivityRequest.class,
                ActivityRequest.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
