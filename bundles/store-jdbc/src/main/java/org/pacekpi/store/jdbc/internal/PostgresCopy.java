package org.pacekpi.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * {@link StagingRows} through PostgreSQL's COPY FROM STDIN (text format), which loads rows several times faster than
 * INSERTs. The only class of the store that uses pgjdbc's own API: the bundle imports it optionally, so that an
 * installation without the PostgreSQL driver still resolves, and this class is loaded only when PostgreSQL is used.
 *
 * <p>One COPY per batch, so that the connection is free between two batches: the recount reads the log through a
 * cursor on the same connection meanwhile. Given an executor, a full batch is sent by it while the caller goes on
 * (pgjdbc serializes the round trips on the connection); {@link #flush()} waits until everything is sent, and a
 * failure is thrown by the next call.
 */
final class PostgresCopy implements StagingRows {

    private final CopyManager copyManager;
    private final String copy;
    private final int columns;
    private final int batchSize;
    private final Executor sender;
    private final StringBuilder buffer = new StringBuilder(8192);
    private final List<Future<?>> sending = new ArrayList<>();
    private int buffered;
    private long count;

    private PostgresCopy(CopyManager copyManager, String table, List<String> columns, int batchSize,
                         Executor sender) {
        this.copyManager = copyManager;
        this.copy = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        this.columns = columns.size();
        this.batchSize = batchSize;
        this.sender = sender;
    }

    /**
     * Rows for {@code table} on a pgjdbc connection (or a pool's proxy of one).
     *
     * @param sender sends full batches while the caller goes on, or null to send them at once
     */
    static StagingRows open(Connection connection, String table, List<String> columns, int batchSize,
                            Executor sender) throws SQLException {
        return new PostgresCopy(connection.unwrap(PGConnection.class).getCopyAPI(), table, columns, batchSize,
                sender);
    }

    @Override
    public void add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException(values.length + " values for " + columns + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            appendValue(values[i]);
        }
        buffer.append('\n');
        count++;
        if (++buffered >= batchSize) {
            send();
        }
    }

    /** A value in COPY's text format: {@code \N} for null, backslash, tab and line ends escaped. */
    private void appendValue(Object value) {
        if (value == null) {
            buffer.append("\\N");
            return;
        }
        String text = value.toString(); // numbers and ISO dates as the server reads them
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    /** Sends the buffered rows, by the sender if there is one. */
    private void send() throws SQLException {
        if (buffered == 0) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        buffered = 0;
        if (sender == null) {
            copy(bytes);
            return;
        }
        checkSent(false);
        FutureTask<Void> task = new FutureTask<>(() -> {
            copy(bytes);
            return null;
        });
        sending.add(task);
        sender.execute(task);
    }

    private void copy(byte[] bytes) throws SQLException {
        CopyIn in = copyManager.copyIn(copy);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } catch (SQLException e) {
            if (in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
    }

    /** Throws the failure of a batch sent; with {@code all}, waits for every batch first. */
    private void checkSent(boolean all) throws SQLException {
        for (Iterator<Future<?>> it = sending.iterator(); it.hasNext(); ) {
            Future<?> sent = it.next();
            if (!all && !sent.isDone()) {
                continue;
            }
            it.remove();
            try {
                sent.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for rows to be sent to " + copy, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw new SQLException(sql.getMessage(), sql.getSQLState(), sql.getErrorCode(), sql);
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new SQLException("sending rows for " + copy + " failed", e.getCause());
            }
        }
    }

    @Override
    public void flush() throws SQLException {
        send();
        checkSent(true);
    }

    @Override
    public long count() {
        return count;
    }

    /** Forgets the rows not sent; batches being sent are the sender's owner's to wait for. */
    @Override
    public void close() {
        buffer.setLength(0);
        buffered = 0;
        sending.clear();
    }
}
