package org.pacekpi.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@link StagingRows} through PostgreSQL's COPY FROM STDIN in its binary format, which loads rows several times faster
 * than INSERTs, and faster than COPY's text format: the server takes numbers and dates as they are instead of parsing
 * them, and this side writes them without formatting them, for millions of rows per recount. With
 * {@link PostgresBinaryResults}, the only classes of the store that use pgjdbc's own API: the bundle imports it
 * optionally, so that an installation without the PostgreSQL driver still resolves, and these classes are loaded only
 * when PostgreSQL is used.
 *
 * <p>A value goes in the binary form of its Java type ({@code Long} as a BIGINT, {@code Integer} as an INTEGER,
 * {@code Short} as a SMALLINT, {@link LocalDate} as a DATE, {@code String} as text in UTF-8), which must be the
 * column's type: the server refuses a value of another size.
 *
 * <p>One COPY per batch, so that the connection is free between two batches: the recount reads the log through a
 * cursor on the same connection meanwhile. Given an executor, a full batch is sent by it while the caller goes on
 * (pgjdbc serializes the round trips on the connection); {@link #flush()} waits until everything is sent, and a
 * failure is thrown by the next call.
 */
final class PostgresCopy implements StagingRows {

    /** The binary format's signature, then its flags and the length of its header extension (none). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** The field count that ends the data. */
    private static final short TRAILER = -1;
    /** The length that marks a null value. */
    private static final int NULL = -1;
    /** Day 0 of PostgreSQL's dates. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final CopyManager copyManager;
    private final String copy;
    private final int columns;
    private final int batchSize;
    private final Executor sender;
    private final List<Future<?>> sending = new ArrayList<>();
    private byte[] buffer = new byte[8192];
    private int length;
    private int buffered;
    private long count;

    private PostgresCopy(CopyManager copyManager, String table, List<String> columns, int batchSize,
                         Executor sender) {
        this.copyManager = copyManager;
        this.copy = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT binary)";
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
        if (buffered == 0) {
            room(HEADER.length);
            System.arraycopy(HEADER, 0, buffer, length, HEADER.length);
            length += HEADER.length;
        }
        room(2);
        putShort(columns);
        for (Object value : values) {
            putValue(value);
        }
        count++;
        if (++buffered >= batchSize) {
            send();
        }
    }

    /** A field: its length, then its bytes. */
    private void putValue(Object value) {
        if (value == null) {
            room(4);
            putInt(NULL);
        } else if (value instanceof String text) {
            putText(text);
        } else if (value instanceof Long number) {
            room(12);
            putInt(8);
            putInt((int) (number >>> 32));
            putInt(number.intValue());
        } else if (value instanceof Integer number) {
            room(8);
            putInt(4);
            putInt(number);
        } else if (value instanceof Short number) {
            room(6);
            putInt(2);
            putShort(number);
        } else if (value instanceof LocalDate day) {
            room(8);
            putInt(4);
            putInt(Math.toIntExact(day.toEpochDay() - POSTGRES_EPOCH_DAY));
        } else {
            throw new IllegalArgumentException("a staged value of " + value.getClass().getName() + " (" + value
                    + "), not a String, Long, Integer, Short or LocalDate, for " + copy);
        }
    }

    /** Text in UTF-8: ASCII, nearly all of it, copied as it is, anything else as {@link String#getBytes} encodes it. */
    private void putText(String text) {
        int chars = text.length();
        room(4 + chars);
        int start = length;
        length += 4;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                length = start;
                room(4 + bytes.length);
                putInt(bytes.length);
                System.arraycopy(bytes, 0, buffer, length, bytes.length);
                length += bytes.length;
                return;
            }
            buffer[length++] = (byte) c;
        }
        int end = length;
        length = start;
        putInt(chars);
        length = end;
    }

    /** Makes room for {@code bytes} more bytes. */
    private void room(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }

    private void putInt(int value) {
        buffer[length] = (byte) (value >>> 24);
        buffer[length + 1] = (byte) (value >>> 16);
        buffer[length + 2] = (byte) (value >>> 8);
        buffer[length + 3] = (byte) value;
        length += 4;
    }

    private void putShort(int value) {
        buffer[length] = (byte) (value >>> 8);
        buffer[length + 1] = (byte) value;
        length += 2;
    }

    /** Sends the buffered rows, by the sender if there is one. */
    private void send() throws SQLException {
        if (buffered == 0) {
            return;
        }
        room(2);
        putShort(TRAILER);
        byte[] bytes = Arrays.copyOf(buffer, length);
        length = 0;
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
        length = 0;
        buffered = 0;
        sending.clear();
    }
}
