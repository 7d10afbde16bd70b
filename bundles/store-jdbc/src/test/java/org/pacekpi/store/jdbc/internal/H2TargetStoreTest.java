package org.pacekpi.store.jdbc.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The target store contract on an embedded H2 file database, a new one for every test. */
class H2TargetStoreTest extends TargetStoreContract {

    @TempDir
    Path folder;

    @Override
    protected String freshDatabase() {
        return "jdbc:h2:file:" + folder.resolve("pace").toAbsolutePath();
    }

    @Override
    protected String user() {
        return "sa";
    }

    @Override
    protected SqlDialect dialect() {
        return SqlDialect.H2;
    }
}
