package org.pacekpi.store.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.pacekpi.api.store.ActivityJudge;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.Judgement;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.RecountOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recount of the whole log ({@link org.pacekpi.api.store.PaceStore#recountAll}) in the store's write transaction,
 * which holds the cursor row lock from start to commit. Memory is bounded by the batch size, not by the log:
 * <ol>
 * <li><b>judge</b>: the log is read through a cursor, in the order the database keeps it, and each activity judged
 * on the caller's thread (on PostgreSQL the log is read a batch ahead by a thread of its own, {@link ReadAhead}, and
 * the staged rows are sent by another, {@link Sender}).
 * One that is no touch candidate has its final state: staged for writing if the stored one differs (compared as
 * stored, its contributions packed, {@link StoredState}). A candidate is staged for the elections with its time and
 * keys (and its contact key's hash, {@link SqlDialect#electionOrder}), the outcomes its stored state already equals, and
 * the outcome assumed for it (the stored one, else "its touch counts", by far the most common). Its contributions for
 * the assumed outcome are added up ({@link AggregateSums}), as are everyone else's.</li>
 * <li><b>elect</b>: the candidates are read back by contact key, oldest first. The first of each contact key is its
 * first contact; within the contact the first of each duplicate key counts its touch (a duplicate key belongs to one
 * contact key, so this is the first of the duplicate key overall). Ties in time go to the smaller id in
 * {@link String#compareTo} order, decided here whatever the database's collation. A candidate whose outcome is not
 * the assumed one, or whose stored state is not the one of its outcome, is noted for a revisit.</li>
 * <li><b>revisit</b>: the noted candidates (usually none after a rebuild under the same rules) are read and judged
 * again; their sums are corrected to their outcome, and their new states staged for writing.</li>
 * <li><b>write</b>: the staged states are written into their rows (the other rows are not touched), and the
 * aggregates replaced by the sums ({@link SqlDialect#replaceRows}, which writes only the rows that differ).</li>
 * </ol>
 * The candidates are staged narrow (no contributions), so that staging, sorting and reading them back stays cheap; the
 * price is the second judgement of the revisited ones, which must equal the first (a hash of it is kept to check).
 *
 * <p>Readers see the previous states and aggregates until the commit, and a failure rolls back everything. The
 * staging tables ({@link #stagingTables()}) are temporary tables of the transaction on PostgreSQL; on H2, which keeps
 * temporary tables in memory, plain tables created before the transaction and dropped after it (see
 * {@link SqlDialect#prepareStagingTables}). The counting generation does not change: every row
 * written is counted in the current one, and the rows not written keep a state that is already current.
 *
 * <p>Not thread-safe: one instance per recount, on the writer's connection.
 */
final class BulkRecount {

    /** The touch candidates, for the elections. */
    static final String CANDIDATES = "pace_recount_candidate";
    /** The candidates to judge again, with their outcomes. */
    static final String REVISITS = "pace_recount_revisit";
    /** The new states of the activities whose state changes. */
    static final String STATES = "pace_recount_state";
    /** Keys added up in memory per activity of the batch size, before they are staged as partial sums. */
    static final int SUMS_PER_BATCH_ACTIVITY = 20;

    /** The outcome assumed for a candidate whose stored state is no outcome of its judgement: its touch counts. */
    private static final int TOUCH_COUNTS = outcome(true, false);

    private static final Logger LOG = LoggerFactory.getLogger(BulkRecount.class);

    /** The columns staged: those the elections read, then the contact key's hash, which they may sort by. */
    private static final List<String> CANDIDATE_COLUMNS = List.of("id", "occurred_at_epoch_s", "occurred_at_nano",
            "contact_key", "duplicate_key", "stored_outcomes", "assumed_outcome", "judgement_hash", "contact_hash");
    /** The columns the elections read ({@link #candidate}). */
    private static final List<String> ELECTION_COLUMNS = CANDIDATE_COLUMNS.subList(0, CANDIDATE_COLUMNS.size() - 1);
    private static final String CANDIDATE_TABLE = "id VARCHAR(255) NOT NULL, occurred_at_epoch_s BIGINT NOT NULL,"
            + " occurred_at_nano INTEGER NOT NULL, contact_key VARCHAR(1024) NOT NULL, duplicate_key VARCHAR(1024),"
            + " stored_outcomes SMALLINT NOT NULL, assumed_outcome SMALLINT NOT NULL, judgement_hash INTEGER NOT NULL,"
            + " contact_hash INTEGER NOT NULL";
    private static final List<String> REVISIT_COLUMNS = List.of("id", "outcome", "assumed_outcome", "stored_outcomes",
            "judgement_hash");
    private static final String REVISIT_TABLE = "id VARCHAR(255) NOT NULL, outcome SMALLINT NOT NULL,"
            + " assumed_outcome SMALLINT NOT NULL, stored_outcomes SMALLINT NOT NULL, judgement_hash INTEGER NOT NULL";
    private static final List<String> STATE_COLUMNS = List.of("id", "local_day", "exclusion_reason", "duplicate_key",
            "contact_key", "contributions");
    private static final String STATE_TABLE = "id VARCHAR(255) NOT NULL, local_day DATE, exclusion_reason VARCHAR(64),"
            + " duplicate_key VARCHAR(1024), contact_key VARCHAR(1024), contributions CHARACTER VARYING";

    private static final Comparator<Candidate> BY_ID = Comparator.comparing(Candidate::id);
    /** How many columns {@link JdbcPaceStore#SELECT_COLUMNS} reads. */
    private static final int ACTIVITY_COLUMNS = JdbcPaceStore.SELECT_COLUMNS.split(",").length;

    private final Connection connection;
    private final SqlDialect dialect;
    private final ActivityJudge judge;
    private final int batchSize;
    private final long generation;

    private long activities;
    private long candidates;

    /** Every staging table of a recount: its own, then those of the aggregate tables it replaces. */
    static List<StagingTable> stagingTables() {
        List<StagingTable> tables = new ArrayList<>(List.of(
                new StagingTable(CANDIDATES, CANDIDATE_TABLE, "contact_key, occurred_at_epoch_s, occurred_at_nano, id"),
                new StagingTable(REVISITS, REVISIT_TABLE, null),
                new StagingTable(STATES, STATE_TABLE, null)));
        for (AggregateTable table : AggregateTable.values()) {
            tables.add(table.sums());
            tables.add(table.lateSums());
            tables.add(table.changes());
            tables.add(table.fresh());
        }
        return tables;
    }

    /**
     * @param connection the writer's connection, in its transaction, the cursor row locked
     * @param judge      judges each activity
     * @param batchSize  rows fetched and staged per round trip
     * @param generation the current counting generation
     */
    BulkRecount(Connection connection, SqlDialect dialect, ActivityJudge judge, int batchSize, long generation) {
        this.connection = connection;
        this.dialect = dialect;
        this.judge = judge;
        this.batchSize = batchSize;
        this.generation = generation;
    }

    /**
     * Recounts, leaving the commit to the caller.
     *
     * @param step kept up to date with what is being done, for the caller's failure message
     */
    RecountOutcome run(String[] step) throws SQLException {
        long start = System.nanoTime();
        step[0] = "creating the staging tables";
        try (Statement statement = connection.createStatement()) {
            dialect.beginRecount(statement);
            dialect.createStagingTables(statement, stagingTables());
        }
        long states;
        long[][] partialSums;
        long revisits;
        long judged;
        long elected;
        long revisited;
        Sender sender = new Sender(dialect.overlapsRoundTrips());
        try (sender;
             StagingRows stateRows = dialect.stagingRows(connection, STATES, STATE_COLUMNS, batchSize, sender.executor);
             Sums sums = new Sums(connection, dialect, batchSize, sender.executor)) {
            try (StagingRows candidateRows = dialect.stagingRows(connection, CANDIDATES, CANDIDATE_COLUMNS,
                    batchSize, sender.executor)) {
                judgeLog(step, candidateRows, stateRows, sums);
                step[0] = "staging the touch candidates";
                candidateRows.flush();
            }
            judged = System.nanoTime();

            step[0] = "electing the first touch of each duplicate key and the first contact of each contact key among "
                    + candidates + " candidates";
            try (StagingRows revisitRows = dialect.stagingRows(connection, REVISITS, REVISIT_COLUMNS, batchSize,
                    sender.executor)) {
                Election election = new Election(revisitRows);
                dialect.streamQuery(connection, "SELECT " + String.join(", ", ELECTION_COLUMNS) + " FROM "
                        + CANDIDATES + " ORDER BY " + dialect.electionOrder(), batchSize,
                        rows -> election.next(candidate(rows)));
                election.finish();
                revisitRows.flush();
                revisits = revisitRows.count();
            }
            elected = System.nanoTime();

            step[0] = "judging again the " + revisits + " candidates whose outcome or state changed";
            if (revisits > 0) {
                revisit(stateRows, sums);
            }
            step[0] = "staging the changed states and the sums of the contributions";
            stateRows.flush();
            sums.flush();
            states = stateRows.count();
            partialSums = sums.counts();
            revisited = System.nanoTime();
        } catch (SQLException e) {
            throw sender.rootCause(e);
        }

        step[0] = "writing " + states + " changed counting states";
        if (states > 0) {
            long written = dialect.writeRecountedStates(connection, generation);
            if (written != states) {
                throw new IllegalStateException("the recount staged " + states + " changed states but " + written
                        + " activity rows were written");
            }
        }
        long stored = System.nanoTime();

        long aggregates = 0;
        StringBuilder replaced = new StringBuilder();
        long from = stored;
        for (AggregateTable table : AggregateTable.values()) {
            step[0] = "replacing " + table.table() + " by the sums of the new contributions";
            long changed = dialect.replaceRows(connection, table);
            if (table == AggregateTable.DAILY) {
                aggregates = changed; // a weekly or monthly row changes only with daily ones
            }
            long to = System.nanoTime();
            long[] sums = partialSums[table.ordinal()];
            replaced.append(replaced.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT,
                    "%s: %d rows changed in %d ms (from %d sums and %d late ones)", table.table(), changed,
                    millis(from, to), sums[0], sums[1]));
            from = to;
        }
        LOG.info("Recount on {}: {} activities judged ({} touch candidates) in {} ms, elected in {} ms, {} revisited in"
                        + " {} ms; {} changed states written in {} ms; {}", dialect.displayName(), activities,
                candidates, millis(start, judged), millis(judged, elected), revisits, millis(elected, revisited),
                states, millis(revisited, stored), replaced);
        return new RecountOutcome(activities, candidates, states, aggregates);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /**
     * The thread that sends staged rows while the recount goes on, if the dialect overlaps its round trips. At most
     * {@link #WAITING} batches wait for it; beyond that the caller waits. Only this thread and the log's reader use the
     * connection meanwhile: pgjdbc's connection lock wakes one waiting thread when a COPY ends, so a third would wait
     * for ever. Closing it waits until everything given to it is done, so that the connection is the recount's alone
     * afterwards (to commit or roll back).
     */
    private static final class Sender implements AutoCloseable {
        static final int WAITING = 3;

        private final ExecutorService thread;
        private final Semaphore room = new Semaphore(WAITING);
        private final AtomicReference<SQLException> firstFailure = new AtomicReference<>();
        /** Null when the dialect sends rows at once. */
        final Executor executor;

        Sender(boolean wanted) {
            this.thread = wanted ? Executors.newSingleThreadExecutor(runnable -> {
                Thread sending = new Thread(runnable, "pace-recount-sender");
                sending.setDaemon(true);
                return sending;
            }) : null;
            this.executor = wanted ? this::send : null;
        }

        private void send(Runnable task) {
            room.acquireUninterruptibly(); // the task's rows are already in memory: waiting bounds how many
            thread.execute(() -> {
                try {
                    task.run();
                } finally {
                    noteFailure(task);
                    room.release();
                }
            });
        }

        private void noteFailure(Runnable task) {
            if (task instanceof Future<?> sent && sent.isDone()) {
                try {
                    sent.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SQLException sql) {
                        firstFailure.compareAndSet(null, sql);
                    }
                } catch (InterruptedException | CancellationException e) {
                    // not a failure of the database
                }
            }
        }

        /**
         * The failure to report for {@code failure}, which may only be a consequence of a batch that failed before it
         * (PostgreSQL refuses every statement of a transaction after a failed one): that batch's failure, with this
         * one suppressed.
         */
        SQLException rootCause(SQLException failure) {
            SQLException first = firstFailure.get();
            if (first == null || first == failure || first == failure.getCause()) {
                return failure;
            }
            SQLException root = new SQLException(first.getMessage(), first.getSQLState(), first.getErrorCode(), first);
            root.addSuppressed(failure);
            return root;
        }

        @Override
        public void close() {
            if (thread == null) {
                return;
            }
            thread.shutdown();
            boolean interrupted = false;
            while (true) {
                try {
                    if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // the connection must be free before the caller goes on: wait all the same
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The new contributions added up for every table of sums ({@link AggregateTable}), each by its own day and staged in
     * its own tables of partial sums, so that the weekly and monthly tables are compared with far fewer rows than the
     * daily one.
     */
    private static final class Sums implements AutoCloseable {
        private final List<AggregateSums.Target> targets = new ArrayList<>();
        private final List<StagingRows> opened = new ArrayList<>();
        private final AggregateSums sums;

        Sums(Connection connection, SqlDialect dialect, int batchSize, Executor sender) throws SQLException {
            try {
                for (AggregateTable table : AggregateTable.values()) {
                    StagingRows staged = dialect.stagingRows(connection, table.sums().name(), table.sumColumns(),
                            batchSize, sender);
                    opened.add(staged);
                    StagingRows late = dialect.stagingRows(connection, table.lateSums().name(), table.sumColumns(),
                            batchSize, sender);
                    opened.add(late);
                    targets.add(new AggregateSums.Target(table, staged, late));
                }
            } catch (SQLException | RuntimeException e) {
                closeAll(e);
                throw e;
            }
            this.sums = new AggregateSums(Math.max(1, batchSize * SUMS_PER_BATCH_ACTIVITY), targets);
        }

        /**
         * Adds the contributions to every table, or takes them away.
         *
         * @param negative true to take them away (a sum assumed earlier that turned out otherwise)
         */
        void add(List<Contribution> contributions, boolean negative) throws SQLException {
            sums.add(contributions, negative);
        }

        /** Stages every sum still in memory. */
        void flush() throws SQLException {
            sums.flush();
        }

        /** Per table of sums ({@link AggregateTable#ordinal()}): its partial sums staged, and its late ones. */
        long[][] counts() {
            return targets.stream().map(target -> new long[] {target.staged().count(), target.late().count()})
                    .toArray(long[][]::new);
        }

        @Override
        public void close() throws SQLException {
            SQLException failure = closeAll(null);
            if (failure != null) {
                throw failure;
            }
        }

        /** Closes every staging, each failure added to {@code pending} if given, else returned (the first). */
        private SQLException closeAll(Exception pending) {
            SQLException first = null;
            for (StagingRows rows : opened) {
                try {
                    rows.close();
                } catch (SQLException e) {
                    if (pending != null) {
                        pending.addSuppressed(e);
                    } else if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            return first;
        }
    }

    // ------------------------------------------------------------------------------------------------ judge

    private void judgeLog(String[] step, StagingRows candidateRows, StagingRows stateRows, Sums sums)
            throws SQLException {
        step[0] = "reading and judging the activity log";
        String log = "SELECT " + JdbcPaceStore.SELECT_COLUMNS + " FROM pace_activity a";
        if (!dialect.overlapsRoundTrips()) {
            dialect.streamLog(connection, log, batchSize, rows -> judged(JdbcPaceStore.readActivityColumns(rows,
                    true), step, candidateRows, stateRows, sums));
            return;
        }
        try (ReadAhead<JdbcPaceStore.Row> rows = new ReadAhead<>(
                reader -> dialect.streamLog(connection, log, batchSize, reader), batchSize,
                row -> JdbcPaceStore.readActivityColumns(row, true), "pace-recount-log-reader")) {
            for (List<JdbcPaceStore.Row> batch = rows.next(); batch != null; batch = rows.next()) {
                for (JdbcPaceStore.Row row : batch) {
                    judged(row, step, candidateRows, stateRows, sums);
                }
            }
        }
    }

    private void judged(JdbcPaceStore.Row row, String[] step, StagingRows candidateRows, StagingRows stateRows,
                        Sums sums) throws SQLException {
        LoggedActivity activity = row.logged();
        Judgement judgement = judge(activity);
        StoredState stored = row.storedState(generation);
        CountingState own = judgement.own();
        if (judgement.candidate()) {
            candidates++;
            int storedOutcomes = storedOutcomes(stored, judgement);
            int assumed = storedOutcomes == 0 ? TOUCH_COUNTS : Integer.numberOfTrailingZeros(storedOutcomes);
            candidateRows.add(activity.id(), activity.occurredAt().getEpochSecond(), activity.occurredAt().getNano(),
                    own.contactKey(), own.duplicateKey(), (short) storedOutcomes, (short) assumed,
                    judgement.hashCode(), own.contactKey().hashCode());
            sums.add(groupContributions(judgement, assumed), false);
        } else if (stored == null || !stored.sameAs(own)) {
            stage(stateRows, activity.id(), own);
        }
        sums.add(own.contributions(), false);
        if (++activities % batchSize == 0) {
            step[0] = "reading and judging the activity log (" + activities + " activities judged)";
        }
    }

    private Judgement judge(LoggedActivity activity) {
        Judgement judgement = judge.judge(activity);
        if (judgement == null) {
            throw new IllegalStateException("The judge gave no judgement of activity " + activity.id());
        }
        if (activity.deleted() && (judgement.candidate() || !judgement.own().contributions().isEmpty())) {
            throw new IllegalStateException("The judge made deleted activity " + activity.id() + " a touch candidate"
                    + " or gave it contributions; a deleted activity counts for nothing");
        }
        return judgement;
    }

    /**
     * Bit {@code 1 << outcome} for each outcome ({@link #outcome}) whose state ({@link Judgement#state}) the stored
     * state equals; none if there is no stored state.
     */
    static int storedOutcomes(StoredState stored, Judgement judgement) {
        CountingState own = judgement.own();
        if (stored == null || !stored.sameDayAndKeys(own)) {
            return 0;
        }
        int outcomes = 0;
        for (int outcome = 0; outcome < 4; outcome++) {
            boolean touchCounts = touchCounts(outcome);
            boolean firstContact = firstContact(outcome);
            if (Objects.equals(stored.exclusionReason(), touchCounts ? null : judgement.notCountedReason())
                    && stored.holds(own.contributions(), touchCounts ? judgement.touchContributions() : List.of(),
                    firstContact ? judgement.firstContactContributions() : List.of())) {
                outcomes |= 1 << outcome;
            }
        }
        return outcomes;
    }

    /** The index of an election outcome: bit 0 the touch counts, bit 1 it is a first contact. */
    static int outcome(boolean touchCounts, boolean firstContact) {
        return (touchCounts ? 1 : 0) | (firstContact ? 2 : 0);
    }

    private static boolean touchCounts(int outcome) {
        return (outcome & 1) != 0;
    }

    private static boolean firstContact(int outcome) {
        return (outcome & 2) != 0;
    }

    /** What a candidate's groups add for an outcome. */
    private static List<Contribution> groupContributions(Judgement judgement, int outcome) {
        List<Contribution> touch = touchCounts(outcome) ? judgement.touchContributions() : List.of();
        List<Contribution> first = firstContact(outcome) ? judgement.firstContactContributions() : List.of();
        if (first.isEmpty()) {
            return touch;
        }
        if (touch.isEmpty()) {
            return first;
        }
        List<Contribution> both = new ArrayList<>(touch);
        both.addAll(first);
        return both;
    }

    private static void stage(StagingRows stateRows, String id, CountingState state) throws SQLException {
        stateRows.add(id, state.localDay(), state.exclusionReason(), state.duplicateKey(), state.contactKey(),
                PackedLists.packContributions(state.contributions()));
    }

    // ------------------------------------------------------------------------------------------------ elect

    /** A staged candidate as read back for the elections. */
    private record Candidate(String id, long second, int nano, String contactKey, String duplicateKey,
                             int storedOutcomes, int assumedOutcome, int judgementHash) {
    }

    private static Candidate candidate(ResultSet rows) throws SQLException {
        return new Candidate(rows.getString(1), rows.getLong(2), rows.getInt(3), rows.getString(4), rows.getString(5),
                rows.getInt(6), rows.getInt(7), rows.getInt(8));
    }

    /**
     * Walks the candidates of each contact key oldest first. Holds the duplicate keys already counted in the current
     * contact and the candidates of one instant, whose order is decided here by id.
     */
    private static final class Election {
        private final StagingRows revisitRows;
        private final Set<String> countedDuplicateKeys = new HashSet<>();
        private final List<Candidate> sameInstant = new ArrayList<>();
        private String contactKey;
        private boolean firstContactTaken;

        Election(StagingRows revisitRows) {
            this.revisitRows = revisitRows;
        }

        void next(Candidate candidate) throws SQLException {
            if (!sameInstant.isEmpty()) {
                Candidate previous = sameInstant.get(0);
                if (!previous.contactKey().equals(candidate.contactKey()) || previous.second() != candidate.second()
                        || previous.nano() != candidate.nano()) {
                    decideSameInstant();
                }
            }
            if (!candidate.contactKey().equals(contactKey)) {
                contactKey = candidate.contactKey();
                firstContactTaken = false;
                countedDuplicateKeys.clear();
            }
            sameInstant.add(candidate);
        }

        void finish() throws SQLException {
            decideSameInstant();
        }

        private void decideSameInstant() throws SQLException {
            if (sameInstant.size() > 1) {
                sameInstant.sort(BY_ID);
            }
            for (Candidate candidate : sameInstant) {
                boolean firstContact = !firstContactTaken;
                firstContactTaken = true;
                boolean touchCounts = candidate.duplicateKey() == null
                        || countedDuplicateKeys.add(candidate.duplicateKey());
                int outcome = outcome(touchCounts, firstContact);
                if (outcome != candidate.assumedOutcome() || (candidate.storedOutcomes() & 1 << outcome) == 0) {
                    revisitRows.add(candidate.id(), (short) outcome, (short) candidate.assumedOutcome(),
                            (short) candidate.storedOutcomes(), candidate.judgementHash());
                }
            }
            sameInstant.clear();
        }
    }

    // ------------------------------------------------------------------------------------------------ revisit

    private void revisit(StagingRows stateRows, Sums sums) throws SQLException {
        int extra = ACTIVITY_COLUMNS;
        dialect.streamQuery(connection, "SELECT " + JdbcPaceStore.SELECT_COLUMNS + ", r.outcome, r.assumed_outcome,"
                + " r.stored_outcomes, r.judgement_hash FROM " + REVISITS + " r JOIN pace_activity a ON a.id = r.id",
                batchSize, rows -> {
                    JdbcPaceStore.Row row = JdbcPaceStore.readActivityColumns(rows, true);
                    int outcome = rows.getInt(extra + 1);
                    int assumed = rows.getInt(extra + 2);
                    int storedOutcomes = rows.getInt(extra + 3);
                    Judgement judgement = judge(row.logged());
                    if (!judgement.candidate() || judgement.hashCode() != rows.getInt(extra + 4)) {
                        throw new IllegalStateException("The judge judged activity " + row.id + " differently when"
                                + " asked again during one recount; a recount needs the same judgement every time");
                    }
                    if (outcome != assumed) {
                        sums.add(groupContributions(judgement, assumed), true);
                        sums.add(groupContributions(judgement, outcome), false);
                    }
                    if ((storedOutcomes & 1 << outcome) == 0) {
                        stage(stateRows, row.id, judgement.state(touchCounts(outcome), firstContact(outcome)));
                    }
                });
    }
}
