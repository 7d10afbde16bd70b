package org.pacekpi.store.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Rows streamed (e.g. by {@link SqlDialect#streamLog}) on a thread of its own, mapped there and handed over in
 * batches, at most two batches ahead of the consumer: fetching and decoding the rows overlaps with the consumer's work
 * on them. Others may use the connection meanwhile (the driver serializes the threads' round trips). Closing it stops
 * the thread and waits for it, so that the connection is free of it afterwards.
 *
 * @param <T> what a row is mapped to
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Maps the current row of a result. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Streams rows to a reader, on the thread that calls it, until the end of the rows. */
    @FunctionalInterface
    interface Source {
        void stream(SqlDialect.RowReader reader) throws SQLException;
    }

    private static final long WAIT_MILLIS = 50;

    private final BlockingQueue<List<T>> batches = new ArrayBlockingQueue<>(2);
    /** Handed over after the last batch; compared by identity. */
    private final List<T> end = new ArrayList<>(0);
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;
    private boolean ended;

    /**
     * Starts reading.
     *
     * @param threadName the reading thread's name, for thread dumps
     */
    ReadAhead(Source source, int batchSize, RowMapper<T> mapper, String threadName) {
        this.thread = new Thread(() -> read(source, batchSize, mapper), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void read(Source source, int batchSize, RowMapper<T> mapper) {
        try {
            List<List<T>> batch = new ArrayList<>(1);
            batch.add(new ArrayList<>(batchSize));
            source.stream(row -> {
                batch.get(0).add(mapper.map(row));
                if (batch.get(0).size() >= batchSize) {
                    hand(batch.get(0));
                    batch.set(0, new ArrayList<>(batchSize));
                }
            });
            if (!batch.get(0).isEmpty()) {
                hand(batch.get(0));
            }
        } catch (Closed e) {
            return; // the consumer gave up
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
        }
        try {
            hand(end);
        } catch (Closed e) {
            // the consumer gave up
        }
    }

    /** Hands a batch over, waiting for room; gives up when closed. */
    private void hand(List<T> batch) {
        try {
            while (!closed) {
                if (batches.offer(batch, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Closed();
    }

    /**
     * The next batch of rows, waiting for it; null after the last one.
     *
     * @throws SQLException if the query failed (the reader's exception as the cause)
     */
    List<T> next() throws SQLException {
        if (ended) {
            return null;
        }
        List<T> batch;
        try {
            do {
                batch = batches.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (batch == null && !thread.isAlive() && batches.isEmpty()) {
                    throw new IllegalStateException(thread.getName() + " ended without handing over its last rows");
                }
            } while (batch == null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for rows from " + thread.getName(), e);
        }
        if (batch != end) {
            return batch;
        }
        ended = true;
        Throwable failed = failure;
        if (failed instanceof SQLException sql) {
            throw new SQLException(sql.getMessage(), sql.getSQLState(), sql.getErrorCode(), sql);
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        return null;
    }

    /** Stops the reading thread and waits for it to end. */
    @Override
    public void close() {
        closed = true;
        batches.clear();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the connection must be free before the caller goes on: wait all the same
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown on the reading thread to end the query when the consumer closed. */
    private static final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Closed() {
            super("closed", null, false, false);
        }
    }
}
