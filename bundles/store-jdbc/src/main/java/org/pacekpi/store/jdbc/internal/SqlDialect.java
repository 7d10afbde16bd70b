package org.pacekpi.store.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.DuplicateGroup;
import org.pacekpi.api.store.LoggedActivity;

/**
 * The databases the store runs on, and the few statements that differ between them. Everything else the store
 * writes is plain SQL that both accept.
 */
public enum SqlDialect {

    /** Embedded H2 2.x, the default. */
    H2("H2", "jdbc:h2:", "org.h2.Driver", "h2") {
        @Override
        void addToAggregates(Connection connection, AggregateTable table, SortedMap<AggregateKey, Long> deltas)
                throws SQLException {
            // H2 has no INSERT ... ON CONFLICT; its standard MERGE adds to an existing row, inserts a missing one and
            // deletes the row whose sum reaches zero, all in one statement. Statements are cheap in embedded H2.
            String day = table.dayColumn();
            try (PreparedStatement merge = connection.prepareStatement("MERGE INTO " + table.table() + " a"
                    + " USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(64)), CAST(? AS DATE),"
                    + " CAST(? AS BIGINT))) AS d (manager_id, metric, " + day + ", delta)"
                    + " ON a.manager_id = d.manager_id AND a.metric = d.metric AND a." + day + " = d." + day
                    + " WHEN MATCHED AND a.metric_value + d.delta = 0 THEN DELETE"
                    + " WHEN MATCHED THEN UPDATE SET metric_value = a.metric_value + d.delta"
                    + " WHEN NOT MATCHED THEN INSERT (manager_id, metric, " + day + ", metric_value)"
                    + " VALUES (d.manager_id, d.metric, d." + day + ", d.delta)")) {
                for (Map.Entry<AggregateKey, Long> delta : deltas.entrySet()) {
                    merge.setString(1, delta.getKey().managerId());
                    merge.setString(2, delta.getKey().metric());
                    merge.setObject(3, delta.getKey().day());
                    merge.setLong(4, delta.getValue());
                    merge.addBatch();
                }
                merge.executeBatch();
            }
        }

        @Override
        void upsertActivities(Connection connection, Collection<CountedActivity> activities, long generation,
                              Predicate<String> mayExist) throws SQLException {
            // Statements are cheap in embedded H2: a batch of MERGE ... KEY (id), one per row (MERGE costs H2 no more
            // than an INSERT, so mayExist is not needed).
            try (PreparedStatement merge = connection.prepareStatement("MERGE INTO pace_activity ("
                    + ActivityColumns.NAMES + ") KEY (id) VALUES (" + "?, ".repeat(ActivityColumns.COLUMNS.size() - 1)
                    + "?)")) {
                for (CountedActivity activity : activities) {
                    Object[] values = ActivityColumns.values(activity, generation);
                    for (int i = 0; i < values.length; i++) {
                        int type = ActivityColumns.COLUMNS.get(i).sqlType();
                        if (values[i] == null) {
                            merge.setNull(i + 1, type == Types.CLOB ? Types.VARCHAR : type);
                        } else {
                            merge.setObject(i + 1, values[i]);
                        }
                    }
                    merge.addBatch();
                }
                merge.executeBatch();
            }
        }

        @Override
        void upsertDealEvents(Connection connection, Collection<LoggedActivity> dealEvents) throws SQLException {
            try (PreparedStatement merge = connection.prepareStatement("MERGE INTO pace_deal_event ("
                    + DealEvents.NAMES + ") KEY (activity_id) VALUES (" + "?, ".repeat(DealEvents.COLUMNS.size() - 1)
                    + "?)")) {
                for (LoggedActivity event : dealEvents) {
                    Object[] values = DealEvents.values(event);
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] == null) {
                            merge.setNull(i + 1, DealEvents.COLUMNS.get(i).sqlType());
                        } else {
                            merge.setObject(i + 1, values[i]);
                        }
                    }
                    merge.addBatch();
                }
                merge.executeBatch();
            }
        }

        @Override
        void earliestCandidates(Connection connection, String select, Collection<String> contactKeys,
                                List<DuplicateGroup> duplicateGroups, int perGroup, long generation, RowReader reader)
                throws SQLException {
            // One indexed lookup per group: cheap in an embedded database, and H2 has no LATERAL join.
            // Ordered by the whole index, equal contact key first: only then does H2 read the index in order and stop
            // after the limit, instead of reading every member of the group and sorting them.
            try (PreparedStatement query = connection.prepareStatement(select + EARLIEST_OF_CONTACT + " ORDER BY"
                    + " a.contact_key, a.occurred_at_epoch_s, a.occurred_at_nano, a.id LIMIT ?")) {
                for (String contactKey : contactKeys) {
                    query.setString(1, contactKey);
                    query.setLong(2, generation);
                    query.setInt(3, perGroup);
                    readAll(query, reader);
                }
            }
            try (PreparedStatement query = connection.prepareStatement(select + EARLIEST_OF_DUPLICATE_GROUP
                    + " ORDER BY a.contact_key, a.occurred_at_epoch_s, a.occurred_at_nano, a.id LIMIT ?")) {
                for (DuplicateGroup group : duplicateGroups) {
                    query.setString(1, group.contactKey());
                    query.setLong(2, fromSecond(group));
                    query.setLong(3, untilSecond(group));
                    query.setString(4, group.duplicateKey());
                    query.setLong(5, generation);
                    query.setInt(6, perGroup);
                    readAll(query, reader);
                }
            }
        }

        @Override
        void beginSnapshot(Connection connection) throws SQLException {
            // Local to the embedded session; the pool restores the default level when the connection returns.
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }

        @Override
        void beginReplayableWrite(Connection connection) {
            // Nothing to relax: H2's MVStore writes committed changes to its file in the background anyway (its
            // WRITE_DELAY), and an embedded database dies with the JVM that would replay them.
        }

        @Override
        void clearCounting(Statement statement) throws SQLException {
            // H2's TRUNCATE commits the open transaction, which would split the reset in two.
            for (AggregateTable table : AggregateTable.values()) {
                statement.executeUpdate("DELETE FROM " + table.table());
            }
        }

        @Override
        List<String> analyzeStaleTables(Connection connection) {
            return List.of(); // H2 analyzes a table by itself after every 2000 changed rows (ANALYZE_AUTO)
        }

        @Override
        void prepareStagingTables(DataSource dataSource, List<StagingTable> tables) throws SQLException {
            // Plain tables, created before the recount's transaction (H2 commits at every DDL statement) and dropped
            // after it: H2 keeps a temporary table in memory, which would take the JVM's heap for millions of rows.
            // Embedded H2 belongs to one JVM, whose recounts the store's write lock serializes: fixed names are safe.
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (StagingTable table : tables) {
                    statement.execute("DROP TABLE IF EXISTS " + table.name());
                    // The key is a primary key: H2 then reads the table in its order without sorting, and joins on
                    // it by lookups.
                    statement.execute("CREATE TABLE " + table.name() + " (" + table.columns()
                            + (table.key() == null ? "" : ", PRIMARY KEY (" + table.key() + ")") + ")");
                }
            }
        }

        @Override
        void createStagingTables(Statement statement, List<StagingTable> tables) {
            // created before the transaction (see prepareStagingTables)
        }

        @Override
        void dropStagingTables(DataSource dataSource, List<StagingTable> tables) throws SQLException {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (StagingTable table : tables) {
                    statement.execute("DROP TABLE IF EXISTS " + table.name());
                }
            }
        }

        @Override
        void beginRecount(Statement statement) {
            // nothing to tune: H2 runs in this JVM, within its own memory settings
        }

        @Override
        StagingRows stagingRows(Connection connection, String table, List<String> columns, int batchSize,
                                Executor sender) throws SQLException {
            return new BatchedInserts(connection, table, columns, batchSize); // embedded: no round trip to overlap
        }

        @Override
        void streamQuery(Connection connection, String query, int fetchSize, RowReader reader) throws SQLException {
            // H2 computes the whole result first, and keeps it on disk beyond MAX_MEMORY_ROWS, so the heap stays
            // bounded. Not lazily (SET LAZY_QUERY_EXECUTION): a lazy result read while the same transaction writes
            // millions of rows can fail with "Chunk ... not found" (h2database issue 4142, H2 2.3.232).
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }

        @Override
        void streamLog(Connection connection, String select, int batchSize, RowReader reader) throws SQLException {
            // Page after page by primary key: short queries with small results. One result of the whole log would be
            // written to disk first (see streamQuery), and a lazy one is unsafe.
            try (PreparedStatement first = connection.prepareStatement(select + " ORDER BY a.id LIMIT ?");
                 PreparedStatement next = connection.prepareStatement(select + " WHERE a.id > ? ORDER BY a.id"
                         + " LIMIT ?")) {
                String after = null;
                while (true) {
                    PreparedStatement page = after == null ? first : next;
                    if (after != null) {
                        page.setString(1, after);
                    }
                    page.setInt(after == null ? 1 : 2, batchSize);
                    int rows = 0;
                    try (ResultSet result = page.executeQuery()) {
                        while (result.next()) {
                            after = result.getString(1);
                            reader.read(result);
                            rows++;
                        }
                    }
                    if (rows < batchSize) {
                        return;
                    }
                }
            }
        }

        @Override
        boolean overlapsRoundTrips() {
            // Embedded: a statement costs no round trip, and decoding a row is little work.
            return false;
        }

        @Override
        String electionOrder() {
            // The candidates table's primary key (see prepareStagingTables): read in order, no sort.
            return "contact_key, occurred_at_epoch_s, occurred_at_nano, id";
        }

        @Override
        long writeRecountedStates(Connection connection, long generation) throws SQLException {
            try (PreparedStatement merge = connection.prepareStatement("MERGE INTO pace_activity a USING "
                    + BulkRecount.STATES + " s ON a.id = s.id WHEN MATCHED THEN UPDATE SET " + RECOUNTED_STATE)) {
                merge.setLong(1, generation);
                return merge.executeUpdate();
            }
        }

        @Override
        void applyChanges(Statement statement, String table, List<String> keys, String changes) throws SQLException {
            // One MERGE, driven by the (usually few) changes, each found by the table's primary key.
            statement.executeUpdate("MERGE INTO " + table + " a USING " + changes + " c ON " + joinOn(keys, "a", "c")
                    + " WHEN MATCHED AND c.metric_value IS NULL THEN DELETE"
                    + " WHEN MATCHED THEN UPDATE SET metric_value = c.metric_value"
                    + " WHEN NOT MATCHED AND c.metric_value IS NOT NULL THEN INSERT (" + String.join(", ", keys)
                    + ", metric_value) VALUES (" + keys.stream().map(k -> "c." + k).collect(Collectors.joining(", "))
                    + ", c.metric_value)");
        }

        @Override
        long stageChanges(Statement statement, AggregateTable table) throws SQLException {
            // No FULL JOIN in H2: the new rows into a table keyed like the target, then a left join each way, each
            // row found by a primary key lookup.
            String fresh = table.fresh().name();
            String changes = table.changes().name();
            List<String> keys = table.keys();
            String keyList = String.join(", ", keys);
            statement.executeUpdate("INSERT INTO " + fresh + " (" + keyList + ", metric_value) "
                    + table.recountedRows(false));
            long changed = statement.executeUpdate("INSERT INTO " + changes + " (" + keyList + ", metric_value)"
                    + " SELECT " + columns(keys, "n") + ", n.metric_value FROM " + fresh + " n LEFT JOIN "
                    + table.table() + " a ON " + joinOn(keys, "a", "n") + " WHERE a.metric_value IS NULL"
                    + " OR a.metric_value <> n.metric_value");
            return changed + statement.executeUpdate("INSERT INTO " + changes + " (" + keyList + ", metric_value)"
                    + " SELECT " + columns(keys, "a") + ", NULL FROM " + table.table() + " a LEFT JOIN " + fresh
                    + " n ON " + joinOn(keys, "a", "n") + " WHERE n.metric_value IS NULL");
        }

        @Override
        MigrationLock lockForMigration(Connection connection) {
            // H2 commits every DDL statement, which would release a row lock at the first CREATE. An embedded H2
            // database belongs to one JVM (the file lock keeps other processes out), so a JVM-wide lock serializes
            // every store that could migrate it. Migrations are rare and short: one lock for all H2 databases.
            H2MigrationLock.LOCK.lock();
            return H2MigrationLock.LOCK::unlock;
        }
    },

    /** PostgreSQL (tested on 15), chosen by configuration. */
    POSTGRESQL("PostgreSQL", "jdbc:postgresql:", "org.postgresql.Driver", "postgresql") {
        @Override
        void addToAggregates(Connection connection, AggregateTable table, SortedMap<AggregateKey, Long> deltas)
                throws SQLException {
            // Set-based: every delta in one statement (arrays, so the text is the same for any number of rows), and
            // the rows that reached zero come back so that only they are deleted, usually none. A row is touched at
            // most once because the keys are distinct.
            int size = deltas.size();
            String[] managers = new String[size];
            String[] metrics = new String[size];
            String[] days = new String[size];
            Long[] values = new Long[size];
            int i = 0;
            for (Map.Entry<AggregateKey, Long> delta : deltas.entrySet()) {
                managers[i] = delta.getKey().managerId();
                metrics[i] = delta.getKey().metric();
                days[i] = delta.getKey().day().toString();
                values[i] = delta.getValue();
                i++;
            }
            List<AggregateKey> zeros = new ArrayList<>();
            String name = table.table();
            String day = table.dayColumn();
            try (PreparedStatement upsert = connection.prepareStatement("WITH changed AS ("
                    + "INSERT INTO " + name + " (manager_id, metric, " + day + ", metric_value)"
                    + " SELECT * FROM unnest(CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS DATE[]),"
                    + " CAST(? AS BIGINT[]))"
                    + " ON CONFLICT (manager_id, metric, " + day + ")"
                    + " DO UPDATE SET metric_value = " + name + ".metric_value + EXCLUDED.metric_value"
                    + " RETURNING manager_id, metric, " + day + ", metric_value)"
                    + " SELECT * FROM changed WHERE metric_value = 0")) {
                upsert.setArray(1, connection.createArrayOf("varchar", managers));
                upsert.setArray(2, connection.createArrayOf("varchar", metrics));
                upsert.setArray(3, connection.createArrayOf("varchar", days));
                upsert.setArray(4, connection.createArrayOf("int8", values));
                try (ResultSet rows = upsert.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getLong(4) == 0) {
                            zeros.add(new AggregateKey(rows.getString(1), rows.getString(2),
                                    rows.getObject(3, LocalDate.class)));
                        }
                    }
                }
            }
            if (!zeros.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + name
                        + " WHERE manager_id = ? AND metric = ? AND " + day + " = ? AND metric_value = 0")) {
                    for (AggregateKey key : zeros) {
                        delete.setString(1, key.managerId());
                        delete.setString(2, key.metric());
                        delete.setObject(3, key.day());
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
            }
        }

        @Override
        void upsertActivities(Connection connection, Collection<CountedActivity> activities, long generation,
                              Predicate<String> mayExist) throws SQLException {
            // The rows known to be new are inserted without ON CONFLICT: PostgreSQL's speculative insertion (a
            // conflict check in the primary key before the insert, and a confirmation after it) costs a sixth more per
            // row, measured on 49,000 rows. If one exists after all, the insert fails on the primary key.
            List<CountedActivity> fresh = new ArrayList<>(activities.size());
            List<CountedActivity> maybeStored = new ArrayList<>();
            for (CountedActivity activity : activities) {
                (mayExist.test(activity.activity().id()) ? maybeStored : fresh).add(activity);
            }
            writeActivities(connection, INSERT_ACTIVITIES, fresh, generation);
            writeActivities(connection, UPSERT_ACTIVITIES, maybeStored, generation);
        }

        /**
         * Writes the rows by statements of up to {@link #MAX_ROWS_PER_STATEMENT} rows with one array per column, whose
         * text does not depend on the number of rows; nothing for no rows. Numbers and days travel as text and are
         * cast by the server.
         */
        private void writeActivities(Connection connection, String statement, Collection<CountedActivity> activities,
                                     long generation) throws SQLException {
            for (List<CountedActivity> chunk : chunks(activities)) {
                writeActivityRows(connection, statement, chunk, generation);
            }
        }

        private void writeActivityRows(Connection connection, String statement, List<CountedActivity> activities,
                                       long generation) throws SQLException {
            List<ActivityColumns.Column> columns = ActivityColumns.COLUMNS;
            Object[][] arrays = new Object[columns.size()][];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = typedArray(columns.get(i).sqlType(), activities.size());
            }
            int row = 0;
            for (CountedActivity activity : activities) {
                Object[] values = ActivityColumns.values(activity, generation);
                for (int i = 0; i < values.length; i++) {
                    int type = columns.get(i).sqlType();
                    arrays[i][row] = type == Types.NUMERIC ? ActivityColumns.plain(values[i])
                            : type == Types.DATE && values[i] != null ? values[i].toString() : values[i];
                }
                row++;
            }
            try (PreparedStatement upsert = connection.prepareStatement(statement)) {
                for (int i = 0; i < columns.size(); i++) {
                    upsert.setArray(i + 1, connection.createArrayOf(arrayElementType(columns.get(i).sqlType()),
                            arrays[i]));
                }
                upsert.executeUpdate();
            }
        }

        @Override
        void upsertDealEvents(Connection connection, Collection<LoggedActivity> dealEvents) throws SQLException {
            // Set-based, as upsertActivities: one array per column, a statement per chunk.
            for (List<LoggedActivity> chunk : chunks(dealEvents)) {
                upsertDealEventRows(connection, chunk);
            }
        }

        private void upsertDealEventRows(Connection connection, List<LoggedActivity> dealEvents) throws SQLException {
            List<ActivityColumns.Column> columns = DealEvents.COLUMNS;
            Object[][] arrays = new Object[columns.size()][];
            for (int i = 0; i < arrays.length; i++) {
                arrays[i] = typedArray(columns.get(i).sqlType(), dealEvents.size());
            }
            int row = 0;
            for (LoggedActivity event : dealEvents) {
                Object[] values = DealEvents.values(event);
                for (int i = 0; i < values.length; i++) {
                    arrays[i][row] = columns.get(i).sqlType() == Types.NUMERIC ? ActivityColumns.plain(values[i])
                            : values[i];
                }
                row++;
            }
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_DEAL_EVENTS)) {
                for (int i = 0; i < columns.size(); i++) {
                    upsert.setArray(i + 1, connection.createArrayOf(arrayElementType(columns.get(i).sqlType()),
                            arrays[i]));
                }
                upsert.executeUpdate();
            }
        }

        @Override
        void earliestCandidates(Connection connection, String select, Collection<String> contactKeys,
                                List<DuplicateGroup> duplicateGroups, int perGroup, long generation, RowReader reader)
                throws SQLException {
            // One statement per kind of group: a LATERAL join runs the indexed "first n" lookup once per key.
            String order = " ORDER BY a.occurred_at_epoch_s, a.occurred_at_nano, a.id COLLATE \"C\" LIMIT ?) m";
            if (!contactKeys.isEmpty()) {
                try (PreparedStatement query = connection.prepareStatement("SELECT m.* FROM"
                        + " unnest(CAST(? AS VARCHAR[])) AS k(contact_key) CROSS JOIN LATERAL (" + select
                        + EARLIEST_OF_CONTACT.replace("a.contact_key = ?", "a.contact_key = k.contact_key")
                        + order)) {
                    query.setArray(1, connection.createArrayOf("varchar", contactKeys.toArray(String[]::new)));
                    query.setLong(2, generation);
                    query.setInt(3, perGroup);
                    readAll(query, reader);
                }
            }
            if (!duplicateGroups.isEmpty()) {
                int size = duplicateGroups.size();
                String[] contacts = new String[size];
                Long[] froms = new Long[size];
                Long[] untils = new Long[size];
                String[] keys = new String[size];
                for (int i = 0; i < size; i++) {
                    DuplicateGroup group = duplicateGroups.get(i);
                    contacts[i] = group.contactKey();
                    froms[i] = fromSecond(group);
                    untils[i] = untilSecond(group);
                    keys[i] = group.duplicateKey();
                }
                try (PreparedStatement query = connection.prepareStatement("SELECT m.* FROM"
                        + " unnest(CAST(? AS VARCHAR[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]),"
                        + " CAST(? AS VARCHAR[])) AS g(contact_key, from_s, until_s, duplicate_key)"
                        + " CROSS JOIN LATERAL (" + select + EARLIEST_OF_DUPLICATE_GROUP
                        .replace("a.contact_key = ?", "a.contact_key = g.contact_key")
                        .replace("a.occurred_at_epoch_s >= ?", "a.occurred_at_epoch_s >= g.from_s")
                        .replace("a.occurred_at_epoch_s < ?", "a.occurred_at_epoch_s < g.until_s")
                        .replace("a.duplicate_key = ?", "a.duplicate_key = g.duplicate_key") + order)) {
                    query.setArray(1, connection.createArrayOf("varchar", contacts));
                    query.setArray(2, connection.createArrayOf("int8", froms));
                    query.setArray(3, connection.createArrayOf("int8", untils));
                    query.setArray(4, connection.createArrayOf("varchar", keys));
                    query.setLong(5, generation);
                    query.setInt(6, perGroup);
                    readAll(query, reader);
                }
            }
        }

        @Override
        void beginSnapshot(Connection connection) throws SQLException {
            // For this transaction only, so nothing needs restoring; pgjdbc sends it with its BEGIN.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
        }

        @Override
        void beginReplayableWrite(Connection connection) throws SQLException {
            // SET LOCAL: for this transaction only, the connection goes back to the pool unchanged.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = off");
            }
        }

        @Override
        void clearCounting(Statement statement) throws SQLException {
            // TRUNCATE is transactional here, and far quicker than deleting millions of rows one by one. Its lock
            // blocks readers of the tables until the reset commits; callers run it last for that reason.
            statement.executeUpdate("TRUNCATE " + Arrays.stream(AggregateTable.values()).map(AggregateTable::table)
                    .collect(Collectors.joining(", ")));
        }

        @Override
        void prepareStagingTables(DataSource dataSource, List<StagingTable> tables) {
            // temporary tables of the recount's transaction (see createStagingTables)
        }

        @Override
        void createStagingTables(Statement statement, List<StagingTable> tables) throws SQLException {
            // Temporary: private to the session, so that Pace instances sharing the database never meet in them, not
            // written to the WAL, and dropped when the transaction ends, whether it commits or rolls back (or the
            // session dies). No key: loading is quicker without an index, and each table is read once, sorted or
            // hashed by the statement that reads it.
            for (StagingTable table : tables) {
                statement.execute("CREATE TEMPORARY TABLE " + table.name() + " (" + table.columns()
                        + ") ON COMMIT DROP");
            }
        }

        @Override
        void dropStagingTables(DataSource dataSource, List<StagingTable> tables) {
            // dropped with the transaction
        }

        @Override
        void beginRecount(Statement statement) throws SQLException {
            // The election sorts the candidates, and the aggregates are compared by hash joins: room for both in
            // memory, for this transaction only, instead of the server's default of a few MB.
            statement.execute("SET LOCAL work_mem = '" + RECOUNT_WORK_MEM + "'");
        }

        @Override
        StagingRows stagingRows(Connection connection, String table, List<String> columns, int batchSize,
                                Executor sender) throws SQLException {
            return PostgresCopy.open(connection, table, columns, batchSize, sender);
        }

        @Override
        void streamQuery(Connection connection, String query, int fetchSize, RowReader reader) throws SQLException {
            // A fetch size in a transaction makes pgjdbc read through a server-side cursor, fetchSize rows at a time;
            // other statements may run on the connection between two fetches.
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(fetchSize);
                PostgresBinaryResults.ask(statement);
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        }

        @Override
        void streamLog(Connection connection, String select, int batchSize, RowReader reader) throws SQLException {
            streamQuery(connection, select, batchSize, reader); // one cursor, in the table's physical order
        }

        @Override
        boolean overlapsRoundTrips() {
            // Fetching and decoding the log, and waiting for the server to load what was sent, are each about a third
            // of a recount's first step: on threads of their own they overlap with judging. pgjdbc serializes the
            // threads' round trips on the connection.
            return true;
        }

        @Override
        String electionOrder() {
            // Each contact's candidates together, oldest first. By the key's hash first: a number compares quicker
            // than a key, whose first bytes (what the sort compares first) many keys share ("c:k00012..."); the key
            // after it keeps equal keys together, in byte order, which compares quickest. Which contact comes first
            // does not matter. Ties in time are broken by id in Java (see BulkRecount), whatever the collation.
            return "contact_hash, contact_key COLLATE \"C\", occurred_at_epoch_s, occurred_at_nano";
        }

        @Override
        long writeRecountedStates(Connection connection, long generation) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                // Statistics, so that a few changed states are written by primary key lookups, and many by one join.
                statement.execute("ANALYZE " + BulkRecount.STATES);
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE pace_activity a SET "
                    + RECOUNTED_STATE + " FROM " + BulkRecount.STATES + " s WHERE a.id = s.id")) {
                update.setLong(1, generation);
                return update.executeUpdate();
            }
        }

        @Override
        void applyChanges(Statement statement, String table, List<String> keys, String changes) throws SQLException {
            // MERGE would need PostgreSQL 15: a delete of every changed key, then an insert of the new values.
            statement.execute("ANALYZE " + changes);
            statement.executeUpdate("DELETE FROM " + table + " a USING " + changes + " c WHERE "
                    + joinOn(keys, "a", "c"));
            statement.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", keys) + ", metric_value)"
                    + " SELECT " + String.join(", ", keys) + ", metric_value FROM " + changes
                    + " WHERE metric_value IS NOT NULL");
        }

        @Override
        long stageChanges(Statement statement, AggregateTable table) throws SQLException {
            // One pass: the new rows (the sums joined with their few late sums) hash-joined with the table both ways.
            List<String> keys = table.keys();
            return statement.executeUpdate("INSERT INTO " + table.changes().name() + " (" + String.join(", ", keys)
                    + ", metric_value) SELECT " + keys.stream().map(k -> "COALESCE(n." + k + ", a." + k + ")")
                    .collect(Collectors.joining(", ")) + ", n.metric_value FROM (" + table.recountedRows(true)
                    + ") n FULL JOIN "
                    + table.table() + " a ON " + joinOn(keys, "a", "n")
                    + " WHERE n.metric_value IS DISTINCT FROM a.metric_value");
        }

        @Override
        List<String> analyzeStaleTables(Connection connection) throws SQLException {
            // Half of the table changed since its last analyze (autovacuum's own threshold is 10 %, which during a bulk
            // load means an analyze every few seconds): the lookups are by primary key or by index prefix, whose
            // plans need statistics that are roughly right, not fresh. Checked by row counts PostgreSQL keeps anyway,
            // so a server whose autovacuum keeps up never needs this.
            List<String> stale = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT relname FROM pg_stat_user_tables"
                         + " WHERE relid IN (" + String.join(", ", STATISTICS_TABLES.stream()
                         .map(table -> "'" + table + "'::regclass").toList()) + ")"
                         + " AND n_mod_since_analyze > 1000 + n_live_tup / 2")) {
                while (rows.next()) {
                    stale.add(rows.getString(1));
                }
            }
            stale.retainAll(STATISTICS_TABLES); // only our own, fixed names go into the statement
            if (!stale.isEmpty()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ANALYZE " + String.join(", ", stale));
                }
            }
            return stale;
        }

        @Override
        MigrationLock lockForMigration(Connection connection) throws SQLException {
            // Several CRM nodes may share one database and start together. PostgreSQL's DDL is transactional, so a
            // transaction-scoped advisory lock (per schema) covers the whole migration and dies with the session.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext(COALESCE(current_schema(), '')"
                        + " || '/org.pacekpi.store/migrations'))");
            }
            return () -> { };
        }
    };

    /** PostgreSQL's work_mem during a recount (see beginRecount). */
    static final String RECOUNT_WORK_MEM = "64MB";

    /**
     * The most activity or deal event rows one array statement sends (PostgreSQL). A statement is one message, which
     * the server unpacks into rows in memory: chunks keep both bounded however large a write is (a catch-up batch of
     * 50,000 activities is some 20 MB). The sums' rows are narrow and go in one statement each.
     */
    static final int MAX_ROWS_PER_STATEMENT = 5_000;

    /** The state columns a recount writes, from its staged state {@code s}; parameter: the counting generation. */
    private static final String RECOUNTED_STATE = "local_day = s.local_day, exclusion_reason = s.exclusion_reason,"
            + " duplicate_key = s.duplicate_key, contact_key = s.contact_key, contributions = s.contributions,"
            + " counted_generation = ?";

    /** The tables whose statistics matter to the store's lookups. */
    static final List<String> STATISTICS_TABLES = List.of("pace_activity", "pace_daily_aggregate",
            "pace_weekly_aggregate", "pace_monthly_aggregate", "pace_deal_event");

    /** A contact's touch candidates counted in a generation; parameters: contact key, generation. */
    private static final String EARLIEST_OF_CONTACT = " FROM pace_activity a WHERE a.contact_key = ?"
            + " AND a.deleted = FALSE AND a.counted_generation = ?";
    /**
     * A duplicate group's candidates, found through the contact index within the group's span of time; parameters:
     * contact key, first epoch second, epoch second after the span, duplicate key, generation.
     */
    private static final String EARLIEST_OF_DUPLICATE_GROUP = " FROM pace_activity a WHERE a.contact_key = ?"
            + " AND a.occurred_at_epoch_s >= ? AND a.occurred_at_epoch_s < ? AND a.duplicate_key = ?"
            + " AND a.deleted = FALSE AND a.counted_generation = ?";

    private static final String INSERT_ACTIVITIES = "INSERT INTO pace_activity (" + ActivityColumns.NAMES + ")"
            + " SELECT * FROM unnest(" + ActivityColumns.COLUMNS.stream()
            .map(c -> "CAST(? AS " + sqlArrayType(c.sqlType()) + ")").collect(Collectors.joining(", ")) + ")";
    private static final String UPSERT_ACTIVITIES = INSERT_ACTIVITIES
            + " ON CONFLICT (id) DO UPDATE SET " + ActivityColumns.COLUMNS.stream().skip(1)
            .map(c -> c.name() + " = EXCLUDED." + c.name()).collect(Collectors.joining(", "));

    private static final String UPSERT_DEAL_EVENTS = "INSERT INTO pace_deal_event (" + DealEvents.NAMES + ")"
            + " SELECT * FROM unnest(" + DealEvents.COLUMNS.stream()
            .map(c -> "CAST(? AS " + sqlArrayType(c.sqlType()) + ")").collect(Collectors.joining(", ")) + ")"
            + " ON CONFLICT (activity_id) DO UPDATE SET " + DealEvents.COLUMNS.stream().skip(1)
            .map(c -> c.name() + " = EXCLUDED." + c.name()).collect(Collectors.joining(", "));

    private final String displayName;
    private final String urlPrefix;
    private final String driverClass;
    private final String migrationFolder;

    SqlDialect(String displayName, String urlPrefix, String driverClass, String migrationFolder) {
        this.displayName = displayName;
        this.urlPrefix = urlPrefix;
        this.driverClass = driverClass;
        this.migrationFolder = migrationFolder;
    }

    /** The product name, as people call it. */
    public String displayName() {
        return displayName;
    }

    /** How JDBC URLs for this database start, e.g. {@code jdbc:h2:}. */
    public String urlPrefix() {
        return urlPrefix;
    }

    /**
     * The JDBC driver class, as the driver bundle's {@code DataSourceFactory} service announces it in
     * {@code osgi.jdbc.driver.class}.
     */
    public String driverClass() {
        return driverClass;
    }

    /** The resource folder of this dialect's own migration scripts (beside {@code common}). */
    String migrationFolder() {
        return migrationFolder;
    }

    /**
     * Adds each delta (none of them zero) to its row of {@code table} (keys of the weekly and monthly tables carry the
     * week's Monday and the month's first day), creating missing rows and deleting the rows whose sum becomes zero:
     * {@code totals()} promises absent metrics, not zeros. Called inside the write transaction; the rows are touched
     * in key order.
     */
    abstract void addToAggregates(Connection connection, AggregateTable table, SortedMap<AggregateKey, Long> deltas)
            throws SQLException;

    /** Inserts or replaces the rows of the activities, counted in {@code generation}, in the write transaction. */
    final void upsertActivities(Connection connection, Collection<CountedActivity> activities, long generation)
            throws SQLException {
        upsertActivities(connection, activities, generation, id -> true);
    }

    /**
     * Inserts or replaces the rows of the activities, counted in {@code generation}, in the write transaction.
     *
     * @param mayExist false for the ids known to have no row (read in the same transaction, under the cursor row lock):
     *                 a dialect may insert those without checking, and fails if one has a row after all
     */
    abstract void upsertActivities(Connection connection, Collection<CountedActivity> activities, long generation,
                                   Predicate<String> mayExist) throws SQLException;

    /**
     * Inserts or replaces the {@code pace_deal_event} rows of these deal events ({@link DealEvents#isDealEvent}), in
     * the write transaction.
     */
    abstract void upsertDealEvents(Connection connection, Collection<LoggedActivity> dealEvents) throws SQLException;

    /**
     * Reads, for each contact key and each duplicate group, its first {@code perGroup} touch candidates counted in
     * {@code generation}, not deleted, by time then id (see {@link org.pacekpi.api.store.PaceStore#earliestCandidates});
     * a row may come more than once.
     *
     * @param select the {@code SELECT} of the columns to read from {@code pace_activity a}
     */
    abstract void earliestCandidates(Connection connection, String select, Collection<String> contactKeys,
                                     List<DuplicateGroup> duplicateGroups, int perGroup, long generation,
                                     RowReader reader) throws SQLException;

    /** Reads one row of a result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void readAll(PreparedStatement query, RowReader reader) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    private static long fromSecond(DuplicateGroup group) {
        return group.from().getEpochSecond();
    }

    private static long untilSecond(DuplicateGroup group) {
        return group.until().getEpochSecond() + (group.until().getNano() > 0 ? 1 : 0);
    }

    /** {@code rows} in consecutive lists of at most {@link #MAX_ROWS_PER_STATEMENT}, in iteration order. */
    static <T> List<List<T>> chunks(Collection<T> rows) {
        List<T> all = List.copyOf(rows);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_ROWS_PER_STATEMENT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + MAX_ROWS_PER_STATEMENT)));
        }
        return chunks;
    }

    /** PostgreSQL's array type for a column of the given {@link Types} type (numbers and days are sent as text). */
    private static String sqlArrayType(int sqlType) {
        return switch (sqlType) {
            case Types.BIGINT -> "BIGINT[]";
            case Types.INTEGER -> "INTEGER[]";
            case Types.BOOLEAN -> "BOOLEAN[]";
            case Types.NUMERIC -> "NUMERIC[]";
            case Types.DATE -> "DATE[]";
            case Types.CLOB -> "TEXT[]";
            default -> "VARCHAR[]";
        };
    }

    /**
     * An empty array of {@code size} for the values sent for a column of the given {@link Types} type, of the Java
     * type pgjdbc sends in its binary form (String, Long, Integer, Boolean: see {@link #arrayElementType}), so that
     * neither pgjdbc nor the server spells or parses every element as array text. Numbers kept as text (NUMERIC) and
     * days (DATE) travel as strings and are cast by the server.
     */
    private static Object[] typedArray(int sqlType, int size) {
        return switch (sqlType) {
            case Types.BIGINT -> new Long[size];
            case Types.INTEGER -> new Integer[size];
            case Types.BOOLEAN -> new Boolean[size];
            default -> new String[size];
        };
    }

    /** The element type pgjdbc is given for an array sent for a column of the given {@link Types} type. */
    private static String arrayElementType(int sqlType) {
        return switch (sqlType) {
            case Types.BIGINT -> "int8";
            case Types.INTEGER -> "int4";
            case Types.BOOLEAN -> "bool";
            case Types.CLOB -> "text";
            default -> "varchar";
        };
    }

    /**
     * Makes the transaction just begun on the connection (auto-commit off, nothing run yet) read one snapshot: a
     * read of several statements (the counting generation, then rows) must not see half of a write.
     */
    abstract void beginSnapshot(Connection connection) throws SQLException;

    /**
     * Lets the write transaction just begun (auto-commit off, nothing run yet) commit without waiting for the database
     * to flush it to disk, for a write that can be replayed: an ingest batch. A database or operating-system crash may
     * then lose the last such commits (on PostgreSQL at most about three times {@code wal_writer_delay}, 600 ms by
     * default), but only whole transactions and only the latest ones, never one before another that survives. Each
     * holds its history cursor, so what is lost is exactly what the cursor no longer covers, and the catch-up on the
     * next start reads it again from the host's history (live events do not move the cursor, so they are always
     * covered by it). Never for a recount, a reset or a target store write, whose callers are told they are done.
     */
    abstract void beginReplayableWrite(Connection connection) throws SQLException;

    /** Empties the tables of sums ({@link AggregateTable}) inside the current transaction. */
    abstract void clearCounting(Statement statement) throws SQLException;

    /**
     * Refreshes the planner statistics of the store's tables that changed a lot since they were last analyzed, as
     * autovacuum would, for a server where it is off or lags behind a bulk load. Without statistics PostgreSQL
     * may plan the lookups of pace_activity as scans of the whole table, which makes ingest slow down as it grows.
     *
     * @return the tables analyzed
     */
    abstract List<String> analyzeStaleTables(Connection connection) throws SQLException;

    /**
     * Takes the lock that serializes schema migrations of one database among every Pace instance that may run them
     * at once. Called on the migration connection, inside its transaction, before anything is read.
     */
    abstract MigrationLock lockForMigration(Connection connection) throws SQLException;

    /**
     * Readies a recount's staging tables before its transaction, on a connection of its own, under the store's write
     * lock: where they are plain tables (H2), drops what a recount that crashed may have left and creates them empty.
     */
    abstract void prepareStagingTables(DataSource dataSource, List<StagingTable> tables) throws SQLException;

    /**
     * Creates a recount's staging tables in its open transaction, where they are temporary tables of it (PostgreSQL):
     * private to the session and gone when the transaction ends, committed or rolled back.
     */
    abstract void createStagingTables(Statement statement, List<StagingTable> tables) throws SQLException;

    /** Drops a recount's staging tables after its transaction ended, where they outlive it (H2). */
    abstract void dropStagingTables(DataSource dataSource, List<StagingTable> tables) throws SQLException;

    /** Tunes the open transaction for a recount, before it reads or stages anything. */
    abstract void beginRecount(Statement statement) throws SQLException;

    /**
     * Appends rows to a staging table of a recount in bulk, sending them {@code batchSize} at a time.
     *
     * @param sender where full batches may be sent from while the caller goes on (see {@link #overlapsRoundTrips}),
     *               or null
     */
    abstract StagingRows stagingRows(Connection connection, String table, List<String> columns, int batchSize,
                                     Executor sender) throws SQLException;

    /**
     * Runs a query and hands its rows to the reader as they come, {@code fetchSize} at a time, without holding the
     * whole result in memory; other statements may run on the connection meanwhile. In the open transaction.
     */
    abstract void streamQuery(Connection connection, String query, int fetchSize, RowReader reader)
            throws SQLException;

    /**
     * Streams every activity of the log ({@code select}: a SELECT of columns, id first, FROM pace_activity a) to the
     * reader, in any order, {@code batchSize} at a time, without holding the log in memory; other statements may run
     * on the connection meanwhile. In the open transaction.
     */
    abstract void streamLog(Connection connection, String select, int batchSize, RowReader reader)
            throws SQLException;

    /**
     * True if a recount reads the log ({@link ReadAhead}) and sends its staged rows on threads of their own while it
     * judges.
     */
    abstract boolean overlapsRoundTrips();

    /**
     * The ORDER BY of a recount's candidates ({@link BulkRecount#CANDIDATES}) for their election: each contact key's
     * candidates together, by time; the order of ids within one instant is left to the caller.
     */
    abstract String electionOrder();

    /**
     * Writes the states a recount staged ({@link BulkRecount#STATES}) into their activity rows, counted in
     * {@code generation}.
     *
     * @return the rows written
     */
    abstract long writeRecountedStates(Connection connection, long generation) throws SQLException;

    /**
     * Applies the rows of {@code changes} (the key columns, then metric_value: the new value, or null to remove the
     * row) to {@code table}, whose key columns are {@code keys}.
     */
    abstract void applyChanges(Statement statement, String table, List<String> keys, String changes)
            throws SQLException;

    /**
     * Makes an aggregate table hold exactly its new rows ({@link AggregateTable#recountedRows}: the sums of a recount's
     * contributions), in the recount's transaction, writing only the rows that differ, usually none: their differences
     * go to its staging table ({@link #stageChanges}), which is then applied ({@link #applyChanges}). Readers keep
     * seeing the previous rows, complete, until the transaction commits.
     *
     * @return rows added, changed or removed
     */
    long replaceRows(Connection connection, AggregateTable table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long changed = stageChanges(statement, table);
            if (changed > 0) {
                applyChanges(statement, table.table(), table.keys(), table.changes().name());
            }
            return changed;
        }
    }

    /**
     * Fills the table's {@link AggregateTable#changes()} with the differences between the table and its new rows.
     *
     * @return the rows staged
     */
    abstract long stageChanges(Statement statement, AggregateTable table) throws SQLException;

    private static String columns(List<String> keys, String alias) {
        return keys.stream().map(k -> alias + "." + k).collect(Collectors.joining(", "));
    }

    /** {@code left.k = right.k AND ...} for each key column {@code k}. */
    static String joinOn(List<String> keys, String left, String right) {
        return keys.stream().map(k -> left + "." + k + " = " + right + "." + k).collect(Collectors.joining(" AND "));
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException naming the supported schemes when the URL is for another database
     */
    public static SqlDialect fromUrl(String url) {
        String lower = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
        for (SqlDialect dialect : values()) {
            if (lower.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("Unsupported database URL '" + scheme(url) + "...': the Pace store runs on "
                + H2.urlPrefix + " (H2) or " + POSTGRESQL.urlPrefix + " (PostgreSQL)");
    }

    /** The dialect of a live connection, from its product name. */
    public static SqlDialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        for (SqlDialect dialect : values()) {
            if (dialect.displayName.equalsIgnoreCase(product)) {
                return dialect;
            }
        }
        throw new SQLException("Unsupported database '" + product + "': the Pace store runs on H2 or PostgreSQL");
    }

    /** The scheme part of a URL ({@code jdbc:mysql:}), for messages that must not echo credentials. */
    static String scheme(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String trimmed = url.trim();
        int first = trimmed.indexOf(':');
        int second = first < 0 ? -1 : trimmed.indexOf(':', first + 1);
        return second < 0 ? trimmed : trimmed.substring(0, second + 1);
    }

    /** Releases a migration lock once the migration transaction has ended. */
    @FunctionalInterface
    interface MigrationLock {
        void release();
    }

    /** Holder, so the enum constants can share one lock without touching statics during enum initialisation. */
    private static final class H2MigrationLock {
        static final ReentrantLock LOCK = new ReentrantLock();
    }
}
