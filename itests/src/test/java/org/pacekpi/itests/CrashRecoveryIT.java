package org.pacekpi.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** The crash test ({@link CrashRecoveryScenario}) on the embedded H2 store, which must itself survive the kill. */
public class CrashRecoveryIT extends CrashRecoveryScenario {

    public CrashRecoveryIT() {
        super("crash-demo", 6, 10, 12);
    }

    @Override
    protected Map<String, String> storeEnvironment() {
        return Map.of(); // demo.sh's default: Pace shares the sandbox CRM's embedded H2 database
    }

    @Override
    protected void emptyStore() {
        // Nothing to do: demo.sh clean has deleted it with the rest of Karaf's data.
    }

    @Override
    protected Connection paceStore(DemoKaraf karaf) throws SQLException {
        // Read-only, so that the check cannot change the database it checks.
        return DriverManager.getConnection("jdbc:h2:file:" + karaf.karafData().resolve("pace/pace")
                + ";ACCESS_MODE_DATA=r", "sa", "");
    }
}
