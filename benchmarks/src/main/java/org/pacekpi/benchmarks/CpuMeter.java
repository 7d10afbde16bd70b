package org.pacekpi.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.pacekpi.engine.internal.IngestPipeline;

/**
 * CPU time, not wall time, of the parts of a benchmark step: the ingest's writer and history reader threads, the whole
 * benchmark JVM (on H2 the database runs in it) and, on PostgreSQL, the server processes that work for this run's
 * database. CPU per change says where the work is and how much there is, and unlike a rate it hardly moves when
 * something else runs on the machine; a rate is bounded by the busiest single thread of work.
 *
 * <p>PostgreSQL's figure is read from {@code /proc/<pid>/stat} of the backends {@code pg_stat_activity} lists for
 * this database, plus the WAL writer, checkpointer and background writer (shared with other databases, which are
 * quiet during a benchmark). It needs the server on this machine and a readable {@code /proc}; without them the
 * figure is absent. A backend's last reading is kept after it goes, so a connection the pool closes still counts up
 * to when it was last read; {@link #sample} is called often enough (at every tenth of the ingest) for that to be
 * small.
 */
final class CpuMeter implements AutoCloseable {

    /** Linux's USER_HZ: the unit of the times in /proc/<pid>/stat on every architecture Java runs on here. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static final String SERVER_PROCESSES = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            + " OR backend_type IN ('walwriter', 'checkpointer', 'background writer')";

    private final Connection connection;
    private final Map<Integer, Long> ticksByPid = new HashMap<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long writerNanos;
    private long readerNanos;
    private boolean databaseReadable;

    /**
     * @param connection a plain connection to the run's database, which the meter owns, or null on H2
     */
    CpuMeter(Connection connection) {
        this.connection = connection;
        this.databaseReadable = connection != null && Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** The CPU used so far: JVM, writer and reader threads and database server. */
    CpuTime sample() throws SQLException {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        // A thread's CPU time only grows; the last reading is kept once it is gone.
        writerNanos = Math.max(writerNanos, threadNanos(IngestPipeline.WRITER_THREAD_NAME));
        readerNanos = Math.max(readerNanos, threadNanos(IngestPipeline.HISTORY_READER_THREAD_NAME));
        return new CpuTime(jvm, writerNanos, readerNanos, databaseNanos());
    }

    private long threadNanos(String name) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && name.equals(info.getThreadName())) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    return nanos;
                }
            }
        }
        return 0;
    }

    private Optional<Long> databaseNanos() throws SQLException {
        if (!databaseReadable) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement(SERVER_PROCESSES);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                int pid = rows.getInt(1);
                Optional<Long> ticks = ticks(pid);
                if (ticks.isEmpty() && !ticksByPid.containsKey(pid)) {
                    // A server on another machine or in a container: its pids are not ours to read.
                    databaseReadable = false;
                    return Optional.empty();
                }
                ticks.ifPresent(t -> ticksByPid.merge(pid, t, Math::max));
            }
        }
        return Optional.of(ticksByPid.values().stream().mapToLong(Long::longValue).sum() * NANOS_PER_TICK);
    }

    /** User plus system time of a process, in ticks, if it is a PostgreSQL process on this machine. */
    private static Optional<Long> ticks(int pid) {
        Path stat = Path.of("/proc", Integer.toString(pid), "stat");
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            return Optional.empty();
        }
        // pid (comm) state ppid ... : the command may hold spaces and parentheses, so split after the last ')'.
        int close = line.lastIndexOf(')');
        String command = line.substring(line.indexOf('(') + 1, close);
        if (!command.startsWith("postgres")) {
            return Optional.empty();
        }
        String[] fields = line.substring(close + 2).split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
