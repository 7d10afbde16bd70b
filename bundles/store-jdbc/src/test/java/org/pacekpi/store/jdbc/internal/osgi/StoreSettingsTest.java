package org.pacekpi.store.jdbc.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pacekpi.store.jdbc.internal.SqlDialect;

class StoreSettingsTest {

    /** A typed configuration as DS would build it: given values, annotation defaults for the rest. */
    static StoreConfig config(Map<String, Object> values) {
        return (StoreConfig) Proxy.newProxyInstance(StoreConfig.class.getClassLoader(),
                new Class<?>[] {StoreConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }

    @Test
    void withoutConfigurationPaceUsesAnH2FileUnderKarafsDataFolder() {
        StoreSettings settings = StoreSettings.from(config(Map.of()), Map.of(), "/opt/karaf/data/");

        assertThat(settings.url()).isEqualTo("jdbc:h2:file:/opt/karaf/data/pace/pace");
        assertThat(settings.dialect()).isEqualTo(SqlDialect.H2);
        assertThat(settings.user()).isEqualTo("sa");
        assertThat(settings.password()).isEmpty();
        assertThat(settings.poolSize()).isEqualTo(10);
        assertThat(settings.connectionTimeoutSeconds()).isEqualTo(30);
        assertThat(StoreSettings.defaultUrl(null)).isEqualTo("jdbc:h2:file:./data/pace/pace");
        assertThat(StoreSettings.defaultUrl(" ")).isEqualTo("jdbc:h2:file:./data/pace/pace");
    }

    @Test
    void postgresqlIsChosenByUrl() {
        StoreSettings settings = StoreSettings.from(config(Map.of("url", " jdbc:postgresql://db:5432/pace ",
                "user", "pace", "_password", "s3cret", "poolSize", 200, "connectionTimeoutSeconds", 5)),
                Map.of(), null);

        assertThat(settings.url()).isEqualTo("jdbc:postgresql://db:5432/pace");
        assertThat(settings.dialect()).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.passwordExposed()).isFalse();
        assertThat(settings.poolSize()).isEqualTo(200);
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void aPasswordUnderThePublicKeyStillWorksButIsFlagged() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("password", "habit");
        StoreSettings settings = StoreSettings.from(config(Map.of("url", "jdbc:postgresql://db/pace")), properties,
                null);

        assertThat(settings.password()).isEqualTo("habit");
        assertThat(settings.passwordExposed()).isTrue();
    }

    @Test
    void outOfRangeNumbersAreRefusedByName() {
        for (int poolSize : new int[] {0, -1, 201}) {
            assertThatThrownBy(() -> StoreSettings.from(config(Map.of("poolSize", poolSize)), Map.of(), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("org.pacekpi.store: poolSize must be 1..200, was " + poolSize);
        }
        assertThatThrownBy(() -> StoreSettings.from(config(Map.of("connectionTimeoutSeconds", 0)), Map.of(), null))
                .hasMessageContaining("connectionTimeoutSeconds must be 1..3600, was 0");
    }

    @Test
    void anUnsupportedDatabaseIsRefused() {
        assertThatThrownBy(() -> StoreSettings.from(config(Map.of("url", "jdbc:mysql://db/pace")), Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:mysql:");
    }

    @Test
    void passwordsInTheUrlAreMaskedForLogs() {
        StoreSettings settings = StoreSettings.from(config(Map.of("url",
                "jdbc:postgresql://db/pace?user=pace&password=s3cret&ssl=true")), Map.of(), null);
        assertThat(settings.safeUrl()).isEqualTo("jdbc:postgresql://db/pace?user=pace&password=***&ssl=true");

        StoreSettings h2 = StoreSettings.from(config(Map.of("url", "jdbc:h2:file:/x/pace;USER=sa;PASSWORD=s3cret")),
                Map.of(), null);
        assertThat(h2.safeUrl()).isEqualTo("jdbc:h2:file:/x/pace;USER=sa;PASSWORD=***");
    }
}
