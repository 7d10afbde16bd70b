package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.RebuildService;
import org.pacekpi.api.dto.RebuildResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AdminResourceTest {

    private final AtomicInteger rebuilds = new AtomicInteger();
    private final RebuildService service = () -> new RebuildResult(1000L + rebuilds.incrementAndGet(), 250, 77);
    private final AdminResource resource = new AdminResource(service, FakeDirectory.sales(), new FakeIdentity());

    @Test
    void anAdminRebuildsAndSeesWhatItDid() throws Exception {
        RebuildResult result = resource.rebuild(FakeHeaders.basic("root", "demo"));

        assertThat(rebuilds).hasValue(1);
        ObjectMapper json = PaceJson.newMapper();
        JsonNode tree = json.readTree(json.writeValueAsString(result));
        assertThat(tree.fieldNames()).toIterable().containsExactly("activities", "durationMillis", "appliedSequence");
        assertThat(tree.get("activities").asLong()).isEqualTo(1001);
        assertThat(tree.get("durationMillis").asLong()).isEqualTo(250);
        assertThat(tree.get("appliedSequence").asLong()).isEqualTo(77);
    }

    @Test
    void nobodyElseMayRebuild() {
        assertThatThrownBy(() -> resource.rebuild(FakeHeaders.none())).isInstanceOf(NotSignedInException.class);
        assertThatThrownBy(() -> resource.rebuild(FakeHeaders.basic("hedda", "demo")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("only a CRM admin may rebuild Pace's aggregates; 'hedda' has roles [HEAD]");
        assertThatThrownBy(() -> resource.rebuild(FakeHeaders.session("session-m1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.rebuild(FakeHeaders.basic("sven", "demo")))
                .isInstanceOf(AccessDeniedException.class);
        // an inactive admin is not signed in at all
        assertThatThrownBy(() -> resource.rebuild(FakeHeaders.basic("left", "demo")))
                .isInstanceOf(NotSignedInException.class);
        assertThat(rebuilds).hasValue(0);
    }

    @Test
    void aFormPostedFromAnotherSiteWithTheAdminsCookieIsRefused() {
        assertThatThrownBy(() -> resource.rebuild(FakeHeaders.session("session-root")
                .with("Host", "crm.example:8181").with("Origin", "https://evil.example")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("cross-site request refused: Origin https://evil.example is not this server"
                        + " (crm.example:8181)");
        assertThatThrownBy(() -> resource.rebuild(FakeHeaders.session("session-root")
                .with("Host", "crm.example:8181").with("Origin", "null")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.rebuild(FakeHeaders.session("session-root")
                .with("Host", "crm.example:8181").with("Origin", "http://crm.example:9999")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(rebuilds).hasValue(0);

        // the CRM's own page, directly or behind a proxy, and scripts that send no Origin
        resource.rebuild(FakeHeaders.session("session-root").with("Host", "crm.example:8181")
                .with("Origin", "http://CRM.example:8181"));
        resource.rebuild(FakeHeaders.session("session-root").with("Host", "127.0.0.1:8181")
                .with("X-Forwarded-Host", "crm.example").with("Origin", "https://crm.example"));
        resource.rebuild(FakeHeaders.basic("root", "demo").with("Host", "localhost:8181"));
        assertThat(rebuilds).hasValue(3);
    }
}
