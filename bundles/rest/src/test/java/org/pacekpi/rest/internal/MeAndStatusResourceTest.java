package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.IngestStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MeAndStatusResourceTest {

    private final FakeDirectory directory = FakeDirectory.sales();
    private final ObjectMapper json = PaceJson.newMapper();

    @Test
    void meShowsRolesTeamAndTimeZone() throws Exception {
        MeResource me = new MeResource(new FakeIdentity(), directory);

        JsonNode tree = json.readTree(json.writeValueAsString(me.me(FakeHeaders.session("session-sven"))));
        assertThat(tree.get("id").asText()).isEqualTo("sven");
        assertThat(tree.get("login").asText()).isEqualTo("sven");
        assertThat(tree.get("displayName").asText()).isEqualTo("Sven South");
        assertThat(tree.get("roles").toString()).isEqualTo("[\"HEAD\",\"MANAGER\"]");
        assertThat(tree.get("teamId").asText()).isEqualTo("south");
        assertThat(tree.get("teamName").asText()).isEqualTo("South");
        assertThat(tree.get("timeZone").asText()).isEqualTo("Europe/Moscow");

        JsonNode admin = json.readTree(json.writeValueAsString(me.me(FakeHeaders.basic("root", "demo"))));
        assertThat(admin.get("teamId").isNull()).isTrue();
        assertThat(admin.get("teamName").isNull()).isTrue();

        assertThatThrownBy(() -> me.me(FakeHeaders.none())).isInstanceOf(NotSignedInException.class);
        assertThatThrownBy(() -> me.me(FakeHeaders.basic("left", "demo"))).isInstanceOf(NotSignedInException.class);
    }

    @Test
    void statusIsForAdminsOnly() {
        IngestStatus status = new IngestStatus(41, 42, 1, 41, 0, null);
        StatusResource resource = new StatusResource(() -> status, directory, new FakeIdentity());

        assertThat(resource.status(FakeHeaders.basic("root", "demo"))).isEqualTo(status);
        assertThatThrownBy(() -> resource.status(FakeHeaders.basic("hedda", "demo")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.status(FakeHeaders.session("session-m1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.status(FakeHeaders.none())).isInstanceOf(NotSignedInException.class);
    }
}
