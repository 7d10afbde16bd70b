package org.pacekpi.benchmarks;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.engine.internal.ActivityMapper;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.directory.User;
import org.pacekpi.store.jdbc.internal.JdbcPaceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor under any ingest that keeps Pace's activity log: the same changes written into Pace's own log and nothing
 * else. Each change is made by the generator, mapped as the pipeline maps it (the host directory's colleague check
 * included) and written through {@link JdbcPaceStore#write} in transactions of the ingest's size, with a counting
 * state of {@link CountingState#none} (no contributions, no duplicate or contact key): the store still reads the
 * stored versions of the batch's activities and inserts or updates their rows and moves the cursor, but no sums are
 * written and no rule reads anything. One thread does it all, as in the plain upsert baseline, whose figures it sits
 * beside: the ingest cannot go faster than this with the log the design keeps (DESIGN.md: "activity log keyed by
 * activity id + aggregates, in one transaction").
 *
 * <p>It runs in a database of its own ({@link BenchDatabase#openLogFloor}), dropped when it is done, so that it
 * leaves nothing in Pace's run database and its files do not stay on disk.
 */
public final class LogFloor {

    private static final Logger LOG = LoggerFactory.getLogger(LogFloor.class);

    /**
     * What the floor measured.
     *
     * @param changes          changes written (the last sequence)
     * @param loggedActivities rows in the log afterwards: every distinct activity once, deleted ones as tombstones
     * @param appliedSequence  the store's cursor afterwards
     * @param seconds          wall time, generation and mapping included
     * @param cpu              CPU time used meanwhile (the JVM, and the database server where it can be read)
     */
    public record Result(long changes, long loggedActivities, long appliedSequence, double seconds, CpuTime cpu) {

        /** Changes per second. */
        public double rate() {
            return changes / seconds;
        }
    }

    private final GeneratedOrganisation organisation;
    private final ActivityGenerator generator;
    private final int transactionSize;

    /**
     * @param organisation    the host's directory
     * @param generator       the host's history
     * @param transactionSize changes per write, the ingest's history batch size
     */
    LogFloor(GeneratedOrganisation organisation, ActivityGenerator generator, int transactionSize) {
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        this.generator = Objects.requireNonNull(generator, "generator");
        if (transactionSize < 1) {
            throw new IllegalArgumentException("transactionSize must be at least 1, was " + transactionSize);
        }
        this.transactionSize = transactionSize;
    }

    /** Writes every change into a fresh store on {@code db} and measures it. */
    Result measure(BenchDatabase.Opened db) throws SQLException {
        JdbcPaceStore store = new JdbcPaceStore(db.pool(), db.database().dialect());
        ActivityMapper mapper = new ActivityMapper(organisation);
        try (CpuMeter cpu = new CpuMeter(db.database() == BenchDatabase.POSTGRESQL ? db.plainConnection() : null)) {
            // The schema's migration is not part of the write.
            store.appliedSequence();
            CpuTime before = cpu.sample();
            long start = System.nanoTime();
            Map<String, CountedActivity> batch = new HashMap<>();
            for (long sequence = 1; sequence <= generator.total(); sequence++) {
                ActivityChange change = generator.change(sequence);
                LoggedActivity activity = mapper.map(change.type(), change.activity());
                // A batch holds an activity's newest version only, as the pipeline's batches do.
                batch.put(activity.id(), new CountedActivity(activity, CountingState.none(localDay(activity))));
                if (sequence % transactionSize == 0 || sequence == generator.total()) {
                    store.write(new ArrayList<>(batch.values()), sequence);
                    batch.clear();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuTime used = cpu.sample().since(before);
            Result result = new Result(generator.total(), store.activityCount(), store.appliedSequence(), seconds,
                    used);
            LOG.info("log floor: {} changes in {} s", result.changes(), String.format(Locale.ROOT, "%.1f", seconds));
            return result;
        }
    }

    /** The activity's day in its manager's zone, as the counting rules would give it. */
    private LocalDate localDay(LoggedActivity activity) {
        ZoneId zone = organisation.user(activity.actorId()).map(User::timeZone).orElse(ZoneOffset.UTC);
        return activity.occurredAt().atZone(zone).toLocalDate();
    }
}
