package org.pacekpi.sandbox.internal.activity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityTopics;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.crm.Counters;
import org.pacekpi.sandbox.internal.crm.Jdbc;
import org.pacekpi.sandbox.internal.db.CrmDataException;
import org.pacekpi.sandbox.internal.db.CrmDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path by which activities are created, corrected and deleted: the REST API, the deal and contact
 * actions and the simulator all write through it. For each change, in one transaction, it takes the next sequence
 * number, writes the activity's current state and appends the change (with the activity's whole state) to the
 * history; after the commit it posts the change on EventAdmin ({@link ChangeType#topic()}).
 *
 * <p>Writes are serialized by a lock held from taking the sequence number until after the commit. Why: Pace's
 * cursor means "every change up to here is applied" and it pages the history by sequence. If a writer with
 * sequence 6 could commit while the writer with 5 is still open, a reader could see 6, move its cursor past 5, and
 * never see 5 when it commits. One writer at a time makes commit order equal sequence order. (The counter row is
 * also locked by the database, which protects against a writer in another process; the JVM lock keeps our own
 * writers from running into database lock timeouts.)
 */
@Component(service = ActivityLog.class)
public final class ActivityLog {

    /** Counter behind the sequence numbers. */
    public static final String SEQUENCE = "activity_sequence";
    /** Counter behind the activity ids. */
    static final String ACTIVITY_ID = "activity";

    private static final Logger LOG = LoggerFactory.getLogger(ActivityLog.class);

    private final CrmDatabase database;
    private final EventAdmin events;
    private final Clock clock;
    /** Fair, so a burst of REST writes is served in arrival order. */
    private final ReentrantLock writeLock = new ReentrantLock(true);

    /** The OSGi constructor. */
    @Activate
    public ActivityLog(@Reference CrmDatabase database, @Reference EventAdmin events) {
        this(database, events, Clock.systemUTC());
    }

    /** A log with a clock of choice (for the bookkeeping timestamps only; activities carry their own time). */
    public ActivityLog(CrmDatabase database, EventAdmin events, Clock clock) {
        this.database = database;
        this.events = events;
        this.clock = clock;
    }

    /** What a transaction of the log can do. Valid only inside {@link #write}. */
    public interface Writes {
        /** The transaction's connection, for writing contacts, deals and the like in the same transaction. */
        Connection connection();

        /** The current time, for bookkeeping columns. */
        Instant now();

        /** Logs a new activity; returns it with its id and sequence. */
        Activity create(ActivityDraft draft) throws SQLException;

        /** Replaces an activity's state; a new sequence, an UPDATED change. 404 problem if it does not exist. */
        Activity update(String id, ActivityDraft draft) throws SQLException;

        /** Deletes an activity; a new sequence, a DELETED change carrying its last state. 404 if it does not exist. */
        Activity delete(String id) throws SQLException;

        /** The current state of an activity, as this transaction sees it. */
        Optional<Activity> find(String id) throws SQLException;

        /** The next value of a named counter (ids of contacts, deals...). */
        long next(String counter) throws SQLException;

        /** Runs an action after the commit. */
        void afterCommit(Runnable action);

        /** Says that users, teams, contacts or company data changed: the directory reloads after the commit. */
        void directoryChanged();
    }

    /**
     * Work done in one transaction of the log.
     *
     * @param <T> the result
     */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work; throwing rolls everything back and posts nothing. */
        T run(Writes writes) throws SQLException;
    }

    /**
     * Runs work in one transaction while holding the write lock; after the commit, runs the after-commit actions and
     * posts one event per change, in sequence order. If the work throws, nothing is stored and nothing is posted.
     *
     * @param what says what is being written, for error messages
     */
    public <T> T write(String what, Work<T> work) {
        writeLock.lock();
        try {
            Transaction transaction;
            T result;
            try (Connection connection = database.connection()) {
                connection.setAutoCommit(false);
                transaction = new Transaction(connection, clock.instant());
                try {
                    result = work.run(transaction);
                    transaction.flushCounters();
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    transaction.closed = true;
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw new CrmDataException(what + " failed: " + e.getMessage(), e);
            }
            if (transaction.directoryChanged) {
                // after the commit, never before: a reload in between would cache the old data as new
                database.directoryChanged();
            }
            transaction.afterCommit.forEach(Runnable::run);
            // posted while still holding the lock, so the events leave in sequence order too (postEvent is async
            // and returns at once; Pace does not rely on the order, but a reader of the stream may like it)
            transaction.changes.forEach(this::post);
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    /** Logs one activity. */
    public Activity create(ActivityDraft draft) {
        return write("logging a " + draft.kind() + " activity", writes -> writes.create(draft));
    }

    /** Corrects one activity. */
    public Activity update(String id, ActivityDraft draft) {
        return write("correcting activity " + id, writes -> writes.update(id, draft));
    }

    /** Deletes one activity. */
    public Activity delete(String id) {
        return write("deleting activity " + id, writes -> writes.delete(id));
    }

    /** The current state of an activity; empty if it never existed or was deleted. */
    public Optional<Activity> find(String id) {
        return database.read("reading activity " + id, connection -> ActivityRows.find(connection, id));
    }

    private void post(ActivityChange change) {
        Activity activity = change.activity();
        Map<String, Object> properties = new HashMap<>();
        properties.put(ActivityTopics.PROPERTY_ACTIVITY, activity);
        properties.put(ActivityTopics.PROPERTY_ID, activity.id());
        properties.put(ActivityTopics.PROPERTY_SEQUENCE, Long.valueOf(activity.sequence()));
        try {
            events.postEvent(new Event(change.type().topic(), properties));
        } catch (RuntimeException e) {
            // The change is committed and in the history, which is what Pace catches up from; failing the caller's
            // request now would make them retry a write that already happened. So: log it loudly and carry on.
            LOG.error("Posting {} of activity {} (sequence {}) failed; consumers will find it in the history",
                    change.type(), activity.id(), activity.sequence(), e);
        }
    }

    private static final class Transaction implements Writes {
        private final Connection connection;
        private final Instant now;
        private final Map<String, Long> counters = new LinkedHashMap<>();
        private final List<ActivityChange> changes = new ArrayList<>();
        private final List<Runnable> afterCommit = new ArrayList<>();
        private boolean closed;
        private boolean directoryChanged;

        Transaction(Connection connection, Instant now) {
            this.connection = connection;
            this.now = now;
        }

        @Override
        public Connection connection() {
            checkOpen();
            return connection;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public Activity create(ActivityDraft draft) throws SQLException {
            checkOpen();
            String id = "act-" + next(ACTIVITY_ID);
            Activity activity = draft.toActivity(id, next(SEQUENCE));
            ActivityRows.insert(connection, activity, now);
            appendChange(ChangeType.CREATED, activity);
            return activity;
        }

        @Override
        public Activity update(String id, ActivityDraft draft) throws SQLException {
            checkOpen();
            existing(id);
            Activity activity = draft.toActivity(id, next(SEQUENCE));
            ActivityRows.replace(connection, activity, now);
            appendChange(ChangeType.UPDATED, activity);
            return activity;
        }

        @Override
        public Activity delete(String id) throws SQLException {
            checkOpen();
            Activity last = existing(id).toBuilder().sequence(next(SEQUENCE)).build();
            ActivityRows.delete(connection, id);
            appendChange(ChangeType.DELETED, last);
            return last;
        }

        @Override
        public Optional<Activity> find(String id) throws SQLException {
            checkOpen();
            return ActivityRows.find(connection, id);
        }

        @Override
        public long next(String counter) throws SQLException {
            checkOpen();
            // read (and lock) each counter once per transaction and count in memory: the simulator writes
            // thousands of activities in one transaction, and two round trips per number would dominate
            Long current = counters.get(counter);
            long value = (current == null ? Counters.lockAndRead(connection, counter) : current) + 1;
            counters.put(counter, value);
            return value;
        }

        @Override
        public void afterCommit(Runnable action) {
            checkOpen();
            afterCommit.add(action);
        }

        @Override
        public void directoryChanged() {
            checkOpen();
            directoryChanged = true;
        }

        void flushCounters() throws SQLException {
            for (Map.Entry<String, Long> counter : counters.entrySet()) {
                Counters.write(connection, counter.getKey(), counter.getValue());
            }
        }

        private Activity existing(String id) throws SQLException {
            return ActivityRows.find(connection, id)
                    .orElseThrow(() -> CrmProblem.notFound("no activity '" + id + "' (never logged, or deleted)"));
        }

        private void appendChange(ChangeType type, Activity activity) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_activity_change "
                    + "(seq, activity_id, change_type, changed_at, state) VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, activity.sequence());
                insert.setString(2, activity.id());
                insert.setString(3, type.name());
                Jdbc.setInstant(insert, 4, now);
                insert.setString(5, ActivityCodec.toJson(activity));
                insert.executeUpdate();
            }
            changes.add(new ActivityChange(type, activity));
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException("the activity log transaction is over");
            }
        }
    }
}
