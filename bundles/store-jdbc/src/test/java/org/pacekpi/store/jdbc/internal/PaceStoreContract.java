package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.pacekpi.store.jdbc.internal.Activities.MEETINGS;
import static org.pacekpi.store.jdbc.internal.Activities.MONDAY;
import static org.pacekpi.store.jdbc.internal.Activities.TOUCHES;
import static org.pacekpi.store.jdbc.internal.Activities.deletion;
import static org.pacekpi.store.jdbc.internal.Activities.entry;
import static org.pacekpi.store.jdbc.internal.Activities.touch;
import static org.pacekpi.store.jdbc.internal.Activities.withMoney;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pacekpi.api.store.ActivityEntry;
import org.pacekpi.api.store.ApplyResult;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.api.store.StoreException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The behaviour every database under {@link JdbcPaceStore} must show: the {@link org.pacekpi.api.store.PaceStore}
 * contract plus the migrations. Subclasses give each test a fresh, empty database.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class PaceStoreContract {

    private final List<HikariDataSource> pools = new ArrayList<>();
    private String url;

    /** The pool of the test's database. */
    protected DataSource db;
    /** A store on {@link #db}. */
    protected JdbcPaceStore store;

    /** A fresh, empty database for one test; returns its JDBC URL. */
    protected abstract String freshDatabase() throws Exception;

    /** The user to connect as. */
    protected abstract String user();

    /** The dialect under test. */
    protected abstract SqlDialect dialect();

    @BeforeEach
    void openStore() throws Exception {
        url = freshDatabase();
        db = newPool();
        store = new JdbcPaceStore(db, dialect());
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    /** Another pool on the same database, as a second Pace instance would have. */
    protected HikariDataSource newPool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user());
        config.setMaximumPoolSize(6);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    // ---------------------------------------------------------------- migrations

    @Test
    void migrationsCreateTheSchemaOnFirstUseAndRerunningIsANoOp() throws SQLException {
        assertThat(tableExists("pace_schema_version")).as("nothing before first use").isFalse();

        assertThat(store.appliedSequence()).isZero();

        List<Object[]> versions = versionRows();
        MigrationScript v1 = Migrations.standardScripts(dialect()).get(0);
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0)).containsExactly(1, "activity log", v1.checksum(), versions.get(0)[3]);
        for (String table : List.of("pace_activity", "pace_activity_counterpart", "pace_contribution",
                "pace_daily_aggregate", "pace_cursor")) {
            assertThat(tableExists(table)).as(table).isTrue();
        }

        assertThat(Migrations.standard(db, dialect()).migrate()).as("versions applied by a second run").isEmpty();
        assertThat(new JdbcPaceStore(newPool(), dialect()).activityCount()).isZero();
        assertThat(versionRows()).as("unchanged, installed_on included").usingRecursiveComparison()
                .isEqualTo(versions);
    }

    @Test
    void theDialectIsRecognisedFromTheConnection() throws SQLException {
        try (Connection connection = db.getConnection()) {
            assertThat(SqlDialect.of(connection.getMetaData())).isEqualTo(dialect());
        }
        assertThat(SqlDialect.fromUrl(url)).isEqualTo(dialect());
    }

    @Test
    void theFirstScriptCanRunAgainOverItself() throws SQLException {
        // H2 commits each DDL statement, so a migration that failed half-way leaves part of it behind: the script
        // must run again cleanly over that, and must not reset the cursor.
        store.apply(List.of(), 42);
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : Migrations.standardScripts(dialect()).get(0).statements()) {
                statement.execute(sql);
            }
        }
        assertThat(store.appliedSequence()).isEqualTo(42);
    }

    @Test
    void aScriptChangedAfterItWasAppliedIsRefused() {
        Migrations.standard(db, dialect()).migrate();
        MigrationScript released = Migrations.standardScripts(dialect()).get(0);
        MigrationScript edited = new MigrationScript(1, released.description(),
                released.sql() + "\nCREATE INDEX pace_extra_ix ON pace_activity (actor_id);\n");

        assertThatThrownBy(() -> new Migrations(db, dialect(), List.of(edited)).migrate())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("V1 (activity log) was changed after it was applied")
                .hasMessageContaining(released.checksum())
                .hasMessageContaining(edited.checksum());
    }

    @Test
    void aSchemaNewerThanThisPaceIsRefused() throws SQLException {
        Migrations.standard(db, dialect()).migrate();
        execute("INSERT INTO pace_schema_version (version, description, checksum, installed_on)"
                + " VALUES (2, 'from the future', 'x', CURRENT_TIMESTAMP)");

        assertThatThrownBy(() -> Migrations.standard(db, dialect()).migrate())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("V2 (from the future)")
                .hasMessageContaining("newer than this Pace knows (up to V1)");
    }

    @Test
    void aFailedMigrationFailsEveryUseWithTheOriginalCause() {
        MigrationScript broken = new MigrationScript(1, "broken",
                "CREATE TABLE pace_broken (id INTEGER);\nCREATE TABLE pace_broken (id INTEGER);");
        JdbcPaceStore failing = new JdbcPaceStore(db, dialect(), new Migrations(db, dialect(), List.of(broken)));

        StoreException first = catchThrowableOfType(StoreException.class, failing::appliedSequence);
        assertThat(first).hasMessageContaining("V1 (broken), statement 2 of 2 failed")
                .hasCauseInstanceOf(SQLException.class);
        StoreException second = catchThrowableOfType(StoreException.class,
                () -> failing.apply(List.of(touch("a1", 1, "m1", MONDAY)), 1));
        assertThat(second).hasMessageContaining("migration failed earlier")
                .hasMessageContaining("V1 (broken), statement 2 of 2 failed");
        assertThat(second.getCause()).isSameAs(first.getCause());
        assertThat(catchThrowableOfType(StoreException.class, failing::activityCount).getCause())
                .isSameAs(first.getCause());
    }

    @Test
    void twoInstancesMigratingAtOnceApplyEachScriptOnce() throws Exception {
        List<Migrations> instances = List.of(Migrations.standard(newPool(), dialect()),
                Migrations.standard(newPool(), dialect()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (Migrations migrations : instances) {
                results.add(threads.submit(() -> {
                    start.await();
                    return migrations.migrate();
                }));
            }
            start.countDown();
            List<Integer> applied = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                applied.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(applied).as("versions applied, over both instances").containsExactly(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(versionRows()).hasSize(1);
        assertThat(store.appliedSequence()).isZero();
    }

    // ---------------------------------------------------------------- apply and read

    @Test
    void anActivityIsStoredWithEveryFieldAndItsContributionsCount() {
        LoggedActivity activity = new LoggedActivity("a1", 7, false, Instant.parse("2026-03-02T09:15:30.123456789Z"),
                "m1", "MEETING", "IN_PERSON", "OUTBOUND", "HELD", 3600L,
                List.of(new LoggedCounterpart("c1", "acc1", "buyer@client.example", "+4930111", false),
                        new LoggedCounterpart(null, null, "colleague@crm.example", null, true),
                        new LoggedCounterpart("c3", null, null, null, false)),
                "deal-1", "presentation", new BigDecimal("12500.5"), "EUR", true);
        ActivityEntry entry = new ActivityEntry(activity, List.of(new Contribution("m1", TOUCHES, MONDAY, 1),
                new Contribution("m1", MEETINGS, MONDAY, 1)));

        assertThat(store.apply(List.of(entry), 0)).isEqualTo(new ApplyResult(1, 0, 0));

        assertThat(store.activity("a1")).get().usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(activity);
        assertThat(store.activity("a1").orElseThrow().amount()).isEqualTo(new BigDecimal("12500.5000"));
        assertThat(store.activity("nope")).isEmpty();
        assertThat(store.activityCount()).isEqualTo(1);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 1L, MEETINGS, 1L));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void optionalFieldsMayBeAbsentAndAmountsKeepFourDecimals() {
        LoggedActivity bare = new LoggedActivity("a1", 1, false, Instant.ofEpochSecond(-86_400L * 400, 1), "m1",
                "CONTACT_CREATED", null, null, null, null, List.of(), null, null, new BigDecimal("0.123456"), "USD",
                false);
        store.apply(List.of(new ActivityEntry(bare, List.of())), 0);

        LoggedActivity read = store.activity("a1").orElseThrow();
        assertThat(read.occurredAt()).isEqualTo(bare.occurredAt());
        assertThat(read.durationSeconds()).isNull();
        assertThat(read.counterparts()).isEmpty();
        assertThat(read.channel()).isNull();
        assertThat(read.amount()).isEqualTo(new BigDecimal("0.1235"));
        assertThat(store.totals("m1", MONDAY.minusYears(5), MONDAY)).isEmpty();
    }

    @Test
    void applyingTheSameBatchTwiceChangesNothing() {
        List<ActivityEntry> batch = List.of(touch("a1", 1, "m1", MONDAY), touch("a2", 2, "m1", MONDAY),
                touch("a3", 3, "m2", MONDAY.plusDays(1)));

        assertThat(store.apply(batch, 3)).isEqualTo(new ApplyResult(3, 0, 3));
        Map<String, Long> aggregates = AggregateAudit.stored(db);
        assertThat(store.apply(batch, 3)).isEqualTo(new ApplyResult(0, 3, 3));

        assertThat(AggregateAudit.stored(db)).isEqualTo(aggregates);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 2L));
        assertThat(store.totals("m2", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.activityCount()).isEqualTo(3);
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void severalVersionsOfOneActivityInABatchStoreTheNewest() {
        ActivityEntry v3 = touch("a1", 3, "m2", MONDAY.plusDays(2));
        ApplyResult result = store.apply(List.of(touch("a1", 2, "m1", MONDAY), v3, touch("a1", 1, "m1", MONDAY), v3),
                0);

        assertThat(result).isEqualTo(new ApplyResult(1, 3, 0));
        assertThat(store.activity("a1").orElseThrow().sequence()).isEqualTo(3);
        assertThat(store.totals("m1", MONDAY, MONDAY.plusDays(6))).isEmpty();
        assertThat(store.totals("m2", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 1L));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aNewerVersionReplacesTheContributionsExactly() {
        store.apply(List.of(touch("a1", 1, "m1", MONDAY), touch("a2", 2, "m1", MONDAY)), 0);

        // The correction credits another manager, on another day, with two metrics.
        ApplyResult result = store.apply(List.of(entry("a1", 5, "m2", new Contribution("m2", TOUCHES,
                MONDAY.plusDays(3), 1), new Contribution("m2", MEETINGS, MONDAY.plusDays(3), 2))), 0);

        assertThat(result).isEqualTo(new ApplyResult(1, 0, 0));
        assertThat(store.totals("m1", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.totals("m2", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 1L, MEETINGS, 2L));
        assertThat(store.totals("m2", MONDAY, MONDAY.plusDays(2))).isEmpty();
        assertThat(store.activity("a1").orElseThrow().sequence()).isEqualTo(5);
        assertThat(store.activity("a1").orElseThrow().actorId()).isEqualTo("m2");
        assertThat(AggregateAudit.stored(db)).isEqualTo(AggregateAudit.expected(List.of(touch("a2", 2, "m1", MONDAY),
                entry("a1", 5, "m2", new Contribution("m2", TOUCHES, MONDAY.plusDays(3), 1),
                        new Contribution("m2", MEETINGS, MONDAY.plusDays(3), 2)))));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aCorrectionThatNoLongerCountsRemovesTheAggregateRow() {
        store.apply(List.of(touch("a1", 1, "m1", MONDAY)), 0);
        store.apply(List.of(entry("a1", 2, "m1")), 0);

        assertThat(store.totals("m1", MONDAY, MONDAY)).isEmpty();
        assertThat(AggregateAudit.stored(db)).isEmpty();
    }

    @Test
    void anOlderVersionAfterANewerOneIsSkipped() {
        store.apply(List.of(touch("a1", 5, "m2", MONDAY.plusDays(1))), 0);

        assertThat(store.apply(List.of(touch("a1", 4, "m1", MONDAY)), 0)).isEqualTo(new ApplyResult(0, 1, 0));
        assertThat(store.apply(List.of(touch("a1", 5, "m1", MONDAY)), 0)).as("same sequence")
                .isEqualTo(new ApplyResult(0, 1, 0));

        assertThat(store.activity("a1").orElseThrow().actorId()).isEqualTo("m2");
        assertThat(store.totals("m1", MONDAY, MONDAY.plusDays(6))).isEmpty();
        assertThat(store.totals("m2", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 1L));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aDeletionLeavesATombstoneAndALaterReplayOfTheCreateIsSkipped() {
        ActivityEntry created = touch("a1", 1, "m1", MONDAY);
        store.apply(List.of(created, touch("a2", 2, "m1", MONDAY)), 0);

        assertThat(store.apply(List.of(deletion("a1", 3, "m1")), 0)).isEqualTo(new ApplyResult(1, 0, 0));

        LoggedActivity tombstone = store.activity("a1").orElseThrow();
        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.sequence()).isEqualTo(3);
        assertThat(store.activityCount()).as("tombstones count").isEqualTo(2);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(contributionCount("a1")).isZero();

        assertThat(store.apply(List.of(created), 1)).isEqualTo(new ApplyResult(0, 1, 1));
        assertThat(store.activity("a1").orElseThrow().deleted()).isTrue();
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 1L));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aDeletionSeenBeforeItsCreateKeepsTheCreateOut() {
        assertThat(store.apply(List.of(deletion("a1", 9, "m1")), 0)).isEqualTo(new ApplyResult(1, 0, 0));
        assertThat(store.apply(List.of(touch("a1", 4, "m1", MONDAY)), 0)).isEqualTo(new ApplyResult(0, 1, 0));

        assertThat(store.activity("a1").orElseThrow().deleted()).isTrue();
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEmpty();
    }

    @Test
    void theCursorMovesOnlyForwardAndOnlyWithAHistoryCursor() {
        assertThat(store.appliedSequence()).isZero();

        assertThat(store.apply(List.of(touch("a1", 10, "m1", MONDAY)), 10).appliedSequence()).isEqualTo(10);
        assertThat(store.apply(List.of(touch("a2", 30, "m1", MONDAY)), 0).appliedSequence())
                .as("live events do not move the cursor").isEqualTo(10);
        assertThat(store.apply(List.of(), 5).appliedSequence()).as("never backwards").isEqualTo(10);
        assertThat(store.apply(List.of(touch("a1", 10, "m1", MONDAY)), 8).appliedSequence()).isEqualTo(10);
        assertThat(store.apply(List.of(), 25)).as("an empty page still completes the history")
                .isEqualTo(new ApplyResult(0, 0, 25));
        assertThat(store.appliedSequence()).isEqualTo(25);
        assertThatThrownBy(() -> store.apply(List.of(), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThat(store.appliedSequence()).isEqualTo(25);
    }

    @Test
    void totalsSumTheDaysOfAnInclusiveRange() {
        store.apply(List.of(
                touch("a1", 1, "m1", MONDAY),
                touch("a2", 2, "m1", MONDAY.plusDays(1)),
                entry("a3", 3, "m1", new Contribution("m1", TOUCHES, MONDAY.plusDays(2), 3),
                        new Contribution("m1", MEETINGS, MONDAY.plusDays(2), 1)),
                touch("a4", 4, "m1", MONDAY.plusDays(4)),
                touch("a5", 5, "m2", MONDAY.plusDays(1)),
                touch("a6", 6, "m1", MONDAY.minusDays(1))), 0);

        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.totals("m1", MONDAY.plusDays(1), MONDAY.plusDays(2)))
                .isEqualTo(Map.of(TOUCHES, 4L, MEETINGS, 1L));
        assertThat(store.totals("m1", MONDAY.plusDays(3), MONDAY.plusDays(3))).isEmpty();
        assertThat(store.totals("m1", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 6L, MEETINGS, 1L));
        assertThat(store.totals("m1", MONDAY.minusDays(7), MONDAY.plusDays(6)))
                .isEqualTo(Map.of(TOUCHES, 7L, MEETINGS, 1L));
        assertThat(store.totals("m2", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.totals("m3", MONDAY, MONDAY.plusDays(6))).isEmpty();
        assertThat(store.totals("m1", MONDAY.plusDays(2), MONDAY)).as("an empty range").isEmpty();
    }

    @Test
    void aBatchThatFailsMidWayIsRolledBackWhole() {
        store.apply(List.of(touch("a1", 1, "m1", MONDAY), touch("a2", 2, "m1", MONDAY)), 5);
        Map<String, Long> aggregatesBefore = AggregateAudit.stored(db);

        // A new activity, a correction of a1, and a won deal whose currency does not fit the column.
        ActivityEntry fresh = touch("a3", 6, "m1", MONDAY);
        ActivityEntry correction = touch("a1", 7, "m2", MONDAY.plusDays(1));
        ActivityEntry tooLong = withMoney(touch("a4", 8, "m1", MONDAY), new BigDecimal("900"), "EURO");

        StoreException failure = catchThrowableOfType(StoreException.class,
                () -> store.apply(List.of(fresh, correction, tooLong), 20));

        assertThat(failure).hasMessageContaining("applying 3 activity changes (sequences 6..8) with history cursor 20")
                .hasMessageContaining("while writing activity rows")
                .hasMessageContaining("nothing of the batch was stored")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(failure.getMessage().toLowerCase()).contains("value too long");
        assertThat(store.appliedSequence()).isEqualTo(5);
        assertThat(store.activity("a3")).isEmpty();
        assertThat(store.activity("a4")).isEmpty();
        assertThat(store.activity("a1").orElseThrow().sequence()).isEqualTo(1);
        assertThat(store.activityCount()).isEqualTo(2);
        assertThat(contributionCount("a1")).isEqualTo(1);
        assertThat(AggregateAudit.stored(db)).isEqualTo(aggregatesBefore);
        AggregateAudit.assertConsistent(db);

        // The store stays usable: the same batch without the bad entry goes through.
        assertThat(store.apply(List.of(fresh, correction), 20)).isEqualTo(new ApplyResult(2, 0, 20));
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 2L));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void concurrentOverlappingAppliesFromFourThreadsAndTwoInstances() throws Exception {
        List<ActivityEntry> history = randomHistory(new Random(4242), 60, 240);
        JdbcPaceStore other = new JdbcPaceStore(newPool(), dialect());
        List<JdbcPaceStore> stores = List.of(store, other, store, other);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                // Each thread delivers the whole history, shuffled differently, in batches of 9: every activity is
                // written by several threads at once, in different orders.
                List<ActivityEntry> delivery = new ArrayList<>(history);
                Collections.shuffle(delivery, new Random(t));
                JdbcPaceStore target = stores.get(t);
                Callable<Integer> writer = () -> {
                    start.await();
                    int applied = 0;
                    for (int from = 0; from < delivery.size(); from += 9) {
                        List<ActivityEntry> batch = delivery.subList(from, Math.min(delivery.size(), from + 9));
                        ApplyResult result = target.apply(batch, 0);
                        assertThat(result.applied() + result.skipped()).isEqualTo(batch.size());
                        applied += result.applied();
                    }
                    return applied;
                };
                results.add(threads.submit(writer));
            }
            start.countDown();
            int applied = 0;
            for (Future<Integer> result : results) {
                applied += result.get(120, TimeUnit.SECONDS);
            }
            Map<String, ActivityEntry> newest = newestById(history);
            assertThat(applied).as("each activity stored at least once").isGreaterThanOrEqualTo(newest.size());
            assertFinalState(newest, "concurrent");
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Property: any stream of creates, updates and deletes, delivered out of order, with duplicates and in batches
     * of any size, keeps the aggregates equal to their recomputation and to the newest versions delivered.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void randomStreamsKeepTheAggregatesEqualToTheirRecomputation(long seed) {
        Random random = new Random(seed);
        List<ActivityEntry> history = randomHistory(random, 25, 150);
        List<ActivityEntry> delivery = disorder(random, history);

        Map<String, ActivityEntry> model = new HashMap<>();
        long expectedCursor = 0;
        long maxDelivered = 0;
        int from = 0;
        while (from < delivery.size()) {
            int size = 1 + random.nextInt(12);
            List<ActivityEntry> batch = delivery.subList(from, Math.min(delivery.size(), from + size));
            from += batch.size();
            for (ActivityEntry entry : batch) {
                model.merge(entry.activity().id(), entry,
                        (kept, next) -> next.activity().sequence() > kept.activity().sequence() ? next : kept);
                maxDelivered = Math.max(maxDelivered, entry.activity().sequence());
            }
            long historyCursor = switch (random.nextInt(3)) {
                case 0 -> 0;
                case 1 -> maxDelivered;
                default -> random.nextInt((int) maxDelivered + 1);
            };
            expectedCursor = Math.max(expectedCursor, historyCursor);

            ApplyResult result = store.apply(batch, historyCursor);

            assertThat(result.applied() + result.skipped()).as("seed %d", seed).isEqualTo(batch.size());
            assertThat(result.appliedSequence()).as("seed %d", seed).isEqualTo(expectedCursor);
            assertThat(AggregateAudit.stored(db)).as("seed %d: aggregates after %d entries", seed, from)
                    .isEqualTo(AggregateAudit.expected(model.values()));
        }
        assertFinalState(model, "seed " + seed);
        assertThat(store.appliedSequence()).isEqualTo(expectedCursor);
    }

    // ---------------------------------------------------------------- helpers

    private void assertFinalState(Map<String, ActivityEntry> newest, String label) {
        AggregateAudit.assertConsistent(db);
        assertThat(AggregateAudit.stored(db)).as(label).isEqualTo(AggregateAudit.expected(newest.values()));
        assertThat(store.activityCount()).as(label).isEqualTo(newest.size());
        for (ActivityEntry entry : newest.values()) {
            LoggedActivity stored = store.activity(entry.activity().id()).orElseThrow();
            assertThat(stored.sequence()).as("%s: %s", label, entry.activity().id())
                    .isEqualTo(entry.activity().sequence());
            assertThat(stored.deleted()).isEqualTo(entry.activity().deleted());
            assertThat(stored.actorId()).isEqualTo(entry.activity().actorId());
        }
        Map<String, Long> byManager = new TreeMap<>();
        for (ActivityEntry entry : newest.values()) {
            for (Contribution c : entry.contributions()) {
                if (c.metric().equals(TOUCHES)) {
                    byManager.merge(c.managerId(), c.value(), Long::sum);
                }
            }
        }
        for (String manager : List.of("m0", "m1", "m2", "m3")) {
            assertThat(store.totals(manager, MONDAY, MONDAY.plusDays(13)).getOrDefault(TOUCHES, 0L))
                    .as("%s: touches of %s", label, manager).isEqualTo(byManager.getOrDefault(manager, 0L));
        }
    }

    /**
     * A host's history: {@code changes} creates, corrections and deletions of activities (at most
     * {@code liveActivities} alive at once), with increasing sequence numbers. Nothing changes after a deletion, as
     * in a real CRM.
     */
    static List<ActivityEntry> randomHistory(Random random, int liveActivities, int changes) {
        List<ActivityEntry> history = new ArrayList<>();
        List<String> live = new ArrayList<>();
        int created = 0;
        long sequence = 0;
        while (history.size() < changes) {
            sequence += 1 + random.nextInt(3);
            String actor = "m" + random.nextInt(4);
            String id;
            if (live.isEmpty() || live.size() < liveActivities && random.nextInt(3) == 0) {
                id = "a" + created++;
                live.add(id);
            } else {
                id = live.get(random.nextInt(live.size()));
                if (random.nextInt(5) == 0) {
                    history.add(deletion(id, sequence, actor));
                    live.remove(id);
                    continue;
                }
            }
            int count = random.nextInt(3);
            Contribution[] contributions = new Contribution[count];
            for (int i = 0; i < count; i++) {
                contributions[i] = new Contribution(random.nextInt(5) == 0 ? "m" + random.nextInt(4) : actor,
                        random.nextBoolean() ? TOUCHES : MEETINGS, MONDAY.plusDays(random.nextInt(14)),
                        1 + random.nextInt(3));
            }
            history.add(entry(id, sequence, actor, contributions));
        }
        return history;
    }

    /** The history as delivery mangles it: neighbours swapped, some changes sent again later. */
    private static List<ActivityEntry> disorder(Random random, List<ActivityEntry> history) {
        List<ActivityEntry> delivery = new ArrayList<>(history);
        for (int i = 0; i < delivery.size(); i++) {
            int j = Math.min(delivery.size() - 1, i + random.nextInt(6));
            Collections.swap(delivery, i, j);
        }
        int duplicates = history.size() / 5;
        for (int i = 0; i < duplicates; i++) {
            delivery.add(random.nextInt(delivery.size() + 1), history.get(random.nextInt(history.size())));
        }
        return delivery;
    }

    private static Map<String, ActivityEntry> newestById(List<ActivityEntry> entries) {
        Map<String, ActivityEntry> newest = new HashMap<>();
        for (ActivityEntry entry : entries) {
            newest.merge(entry.activity().id(), entry,
                    (kept, next) -> next.activity().sequence() > kept.activity().sequence() ? next : kept);
        }
        return newest;
    }

    private List<Object[]> versionRows() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version, description, checksum, installed_on"
                     + " FROM pace_schema_version ORDER BY version")) {
            while (result.next()) {
                rows.add(new Object[] {result.getInt(1), result.getString(2), result.getString(3),
                        result.getObject(4).toString()});
            }
        }
        return rows;
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection connection = db.getConnection()) {
            String schema = connection.getSchema();
            for (String name : List.of(table, table.toUpperCase())) {
                try (ResultSet tables = connection.getMetaData().getTables(null, schema, name, null)) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private long contributionCount(String activityId) {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT COUNT(*) FROM pace_contribution WHERE activity_id = '" + activityId + "'")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
