package org.pacekpi.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** {@link StagingRows} as batches of INSERTs: cheap in embedded H2, where a statement costs no round trip. */
final class BatchedInserts implements StagingRows {

    private final PreparedStatement insert;
    private final int columns;
    private final int batchSize;
    private int buffered;
    private long count;

    BatchedInserts(Connection connection, String table, List<String> columns, int batchSize) throws SQLException {
        this.insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)");
        this.columns = columns.size();
        this.batchSize = batchSize;
    }

    @Override
    public void add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException(values.length + " values for " + columns + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.addBatch();
        count++;
        if (++buffered >= batchSize) {
            flush();
        }
    }

    @Override
    public void flush() throws SQLException {
        if (buffered > 0) {
            insert.executeBatch();
            buffered = 0;
        }
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
