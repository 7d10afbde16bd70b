package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    @Test
    void acceptsTheDefaults() {
        IngestSettings settings = IngestSettings.of(10000, 500, 5, 1000, 50000, 5000);

        assertThat(settings.catchUpInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.historyBatchSize()).isEqualTo(50000);
        assertThat(settings.minRetryDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.maxRetryDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void namesThePropertyThatIsNotPositive() {
        assertThatThrownBy(() -> IngestSettings.of(0, 500, 5, 1000, 1000, 5000))
                .hasMessage("org.pacekpi.ingest: queueCapacity must be greater than 0, was 0");
        assertThatThrownBy(() -> IngestSettings.of(1, -1, 5, 1000, 1000, 5000))
                .hasMessage("org.pacekpi.ingest: batchSize must be greater than 0, was -1");
        assertThatThrownBy(() -> IngestSettings.of(1, 1, 0, 1000, 1000, 5000))
                .hasMessage("org.pacekpi.ingest: catchUpIntervalSeconds must be greater than 0, was 0");
        assertThatThrownBy(() -> IngestSettings.of(1, 1, 1, 0, 1000, 5000))
                .hasMessage("org.pacekpi.ingest: historyPageSize must be greater than 0, was 0");
        assertThatThrownBy(() -> IngestSettings.of(1, 1, 1, 1, 0, 5000))
                .hasMessage("org.pacekpi.ingest: historyBatchSize must be greater than 0, was 0");
        assertThatThrownBy(() -> IngestSettings.of(1, 1, 1, 1, 1, 0))
                .hasMessage("org.pacekpi.ingest: rebuildPageSize must be greater than 0, was 0");
    }
}
