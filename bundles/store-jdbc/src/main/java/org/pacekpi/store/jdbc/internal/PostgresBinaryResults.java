package org.pacekpi.store.jdbc.internal;

import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGStatement;

/**
 * Asks pgjdbc for a statement's results in PostgreSQL's binary format wherever the driver reads it (numbers, dates),
 * rather than as text: the server then sends them without formatting them and the driver reads them without parsing,
 * which a recount, reading the whole log, notices (text columns come as text either way). Like {@link PostgresCopy}, a
 * class of its own because it uses pgjdbc's API: it is loaded only when PostgreSQL is used.
 */
final class PostgresBinaryResults {

    private PostgresBinaryResults() {
    }

    /**
     * Asks for binary results of the statement's next executions; leaves a statement that is not pgjdbc's (behind a
     * wrapper that does not unwrap) as it is, with text results.
     */
    static void ask(Statement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            // pgjdbc takes a negative threshold as "binary transfers from the first execution on" (PgStatement).
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }
}
