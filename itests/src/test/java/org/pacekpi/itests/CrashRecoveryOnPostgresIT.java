package org.pacekpi.itests;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The crash test ({@link CrashRecoveryScenario}) with Pace's store on PostgreSQL, the production setup: database
 * {@value #DATABASE} on 127.0.0.1:5432, recreated for each run, set by demo.sh's {@code PACE_STORE_URL}; the sandbox
 * CRM keeps its embedded H2. A smaller organisation than on H2 keeps the run short; the scenario still checks that
 * the kill came while Pace was reading.
 */
public class CrashRecoveryOnPostgresIT extends CrashRecoveryScenario {

    static final String DATABASE = "pace_crash_itest";

    public CrashRecoveryOnPostgresIT() {
        super("crash-demo-postgres", 2, 10, 6);
    }

    @Override
    protected Map<String, String> storeEnvironment() {
        return Map.of("PACE_STORE_URL", TestPostgres.SERVER + DATABASE, "PACE_STORE_USER", TestPostgres.USER);
    }

    @Override
    protected void emptyStore() throws SQLException {
        TestPostgres.recreateDatabase(DATABASE); // fails loudly if PostgreSQL is not there
    }

    @Override
    protected Connection paceStore(DemoKaraf karaf) throws SQLException {
        return TestPostgres.connect(DATABASE);
    }
}
