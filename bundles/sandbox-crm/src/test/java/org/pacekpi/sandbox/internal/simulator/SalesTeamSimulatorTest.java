package org.pacekpi.sandbox.internal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pacekpi.sandbox.internal.TestCrm;
import org.pacekpi.sandbox.internal.rest.CrmApiResource;

/** The DS component: simulates on its own thread, once, and the status resource tells when it is done. */
class SalesTeamSimulatorTest {

    @TempDir
    Path folder;

    @Test
    void simulatesInTheBackgroundAndTheStatusSaysWhenItIsDone() {
        try (TestCrm crm = TestCrm.h2(folder)) {
            CrmApiResource status = new CrmApiResource(crm.database, crm.directory, crm.auth);
            SalesTeamSimulator.Config config = TestCrm.config(SalesTeamSimulator.Config.class,
                    Map.of("teams", 1, "teamSize", 2, "months", 1, "anchorDate", "2026-11-18"));

            SalesTeamSimulator simulator = new SalesTeamSimulator(crm.database, crm.log, config);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> status.status().simulated());
            simulator.stop();

            long sequence = status.status().latestSequence();
            assertThat(sequence).isPositive();
            assertThat(crm.directory.user("anna")).isPresent();
            assertThat(crm.directory.user("boris")).isPresent();

            // a second activation (a restart) finds the marker and writes nothing
            SalesTeamSimulator again = new SalesTeamSimulator(crm.database, crm.log, config);
            again.stop();
            assertThat(status.status().latestSequence()).isEqualTo(sequence);
        }
    }

    @Test
    void aBadAnchorDateIsRefusedAtActivation() {
        try (TestCrm crm = TestCrm.h2(folder)) {
            SalesTeamSimulator.Config config = TestCrm.config(SalesTeamSimulator.Config.class,
                    Map.of("anchorDate", "18.11.2026"));
            assertThatThrownBy(() -> new SalesTeamSimulator(crm.database, crm.log, config))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("anchorDate");
            assertThatThrownBy(() -> new SimulationSettings(1, 0, 4, 3, java.time.LocalDate.now(), "x.example"))
                    .hasMessageContaining("teams");
        }
    }
}
