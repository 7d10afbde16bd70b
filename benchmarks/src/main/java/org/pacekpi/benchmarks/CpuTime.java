package org.pacekpi.benchmarks;

import java.util.Optional;

/**
 * CPU nanoseconds used (so far, or between two readings of a {@link CpuMeter}).
 *
 * @param jvm      the whole benchmark JVM (on H2 the database too)
 * @param writer   Pace's ingest writer thread
 * @param reader   Pace's history reader thread, which reads and maps the host's history a page ahead of the writer
 * @param database the PostgreSQL server's processes for the run's database; empty on H2, or where they cannot be read
 */
public record CpuTime(long jvm, long writer, long reader, Optional<Long> database) {

    /** What was used between an earlier reading and this one. */
    public CpuTime since(CpuTime earlier) {
        Optional<Long> db = database.isPresent() && earlier.database.isPresent()
                ? Optional.of(database.get() - earlier.database.get()) : Optional.empty();
        return new CpuTime(jvm - earlier.jvm, writer - earlier.writer, reader - earlier.reader, db);
    }

    /** Milliseconds of CPU per thousand items (changes or rows) for a count of items. */
    public static double millisPerThousand(long nanos, long items) {
        return nanos / 1e6 / (items / 1000.0);
    }
}
