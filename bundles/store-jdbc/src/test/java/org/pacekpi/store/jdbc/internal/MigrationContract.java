package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.pacekpi.store.jdbc.internal.Activities.MONDAY;
import static org.pacekpi.store.jdbc.internal.Activities.TOUCHES;
import static org.pacekpi.store.jdbc.internal.Activities.counting;
import static org.pacekpi.store.jdbc.internal.Activities.dealEvent;
import static org.pacekpi.store.jdbc.internal.Activities.touch;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.DealEvent;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.api.store.StoreException;
import org.pacekpi.api.store.StoredTarget;

/** The schema migrations on every database the store runs on: subclasses give each test a fresh, empty one. */
abstract class MigrationContract extends StoreContractBase {

    @Test
    void migrationsCreateTheSchemaOnFirstUseAndRerunningIsANoOp() throws SQLException {
        assertThat(tableExists("pace_schema_version")).as("nothing before first use").isFalse();

        assertThat(store.appliedSequence()).isZero();

        List<Object[]> versions = versionRows();
        List<MigrationScript> scripts = Migrations.standardScripts(dialect());
        assertThat(versions).hasSize(8);
        assertThat(versions.get(0)).containsExactly(1, "activity log", scripts.get(0).checksum(), versions.get(0)[3]);
        assertThat(versions.get(1)).containsExactly(2, "counting state", scripts.get(1).checksum(),
                versions.get(1)[3]);
        assertThat(versions.get(2)).containsExactly(3, "packed activity rows", scripts.get(2).checksum(),
                versions.get(2)[3]);
        assertThat(versions.get(3)).containsExactly(4, "monthly aggregates", scripts.get(3).checksum(),
                versions.get(3)[3]);
        assertThat(versions.get(4)).containsExactly(5, "deal events and targets", scripts.get(4).checksum(),
                versions.get(4)[3]);
        assertThat(versions.get(5)).containsExactly(6, "key columns in code point order", scripts.get(5).checksum(),
                versions.get(5)[3]);
        assertThat(versions.get(6)).containsExactly(7, "weekly aggregates", scripts.get(6).checksum(),
                versions.get(6)[3]);
        assertThat(versions.get(7)).containsExactly(8, "covering weekly key", scripts.get(7).checksum(),
                versions.get(7)[3]);
        for (String table : List.of("pace_activity", "pace_daily_aggregate", "pace_weekly_aggregate",
                "pace_monthly_aggregate",
                "pace_cursor", "pace_deal_event", "pace_goal", "pace_target", "pace_target_change")) {
            assertThat(tableExists(table)).as(table).isTrue();
        }
        for (String table : List.of("pace_activity_counterpart", "pace_contribution")) {
            assertThat(tableExists(table)).as(table + " moved into pace_activity by V3").isFalse();
        }
        assertThat(columns("pace_activity")).contains("local_day", "exclusion_reason", "duplicate_key",
                "contact_key", "counterparts", "contributions");
        assertThat(indexes("pace_activity")).contains("pace_activity_contact_ix", "pace_activity_excluded_ix")
                .doesNotContain("pace_activity_duplicate_key_ix", "pace_activity_contact_key_ix");
        assertThat(columns("pace_monthly_aggregate")).containsExactlyInAnyOrder("manager_id", "metric", "local_month",
                "metric_value");
        assertThat(columns("pace_weekly_aggregate")).containsExactlyInAnyOrder("manager_id", "metric", "local_week",
                "metric_value");
        assertThat(columns("pace_deal_event")).containsExactlyInAnyOrder("activity_id", "deal_id", "manager_id",
                "kind", "stage", "occurred_at_epoch_s", "occurred_at_nano", "amount", "currency");
        assertThat(indexes("pace_deal_event")).contains("pace_deal_event_manager_ix", "pace_deal_event_deal_ix");

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
        assertThat(SqlDialect.fromUrl(url())).isEqualTo(dialect());
    }

    @Test
    void everyScriptCanRunAgainOverItself() throws SQLException {
        // H2 commits each DDL statement, so a migration that failed half-way leaves part of it behind: each script
        // must run again cleanly over that, and must not reset the cursor or lose counting state.
        store.write(List.of(touch("a1", 1, "m1", MONDAY)), 42);
        Instant nine = MONDAY.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
        store.write(List.of(dealEvent("d1", 43, "m1", "DEAL_STAGE_CHANGED", "deal-1", "intro", nine, null, null)), 0);
        JdbcTargetStore targets = new JdbcTargetStore(db, dialect());
        targets.insertTarget(new StoredTarget("t1", 0, "manager", "m1", TOUCHES, "2026-03", MONDAY.withDayOfMonth(1),
                MONDAY.withDayOfMonth(31), 40, null, null, "admin", nine));
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (MigrationScript script : Migrations.standardScripts(dialect())) {
                for (String sql : script.statements()) {
                    statement.execute(sql);
                }
            }
        }
        assertThat(store.appliedSequence()).isEqualTo(42);
        assertThat(store.activities(List.of("a1")).get("a1").state().duplicateKey()).isEqualTo("dup-a1");
        assertThat(store.dealHistories(List.of("m1"), nine, nine.plusSeconds(1))).as("not projected twice")
                .extracting(DealEvent::activityId).containsExactly("d1");
        assertThat(targets.targets(null, null, null, null)).extracting(StoredTarget::id).containsExactly("t1");
        assertThat(targets.history("t1")).hasSize(1);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.totals("m1", MONDAY.withDayOfMonth(1), MONDAY.withDayOfMonth(31)))
                .as("the monthly sums are not added twice").isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.totals("m1", MONDAY, MONDAY.plusDays(6)))
                .as("the weekly sums are not added twice").isEqualTo(Map.of(TOUCHES, 1L));
        AggregateAudit.assertConsistent(db);
    }

    @Test
    void aScriptChangedAfterItWasAppliedIsRefused() {
        Migrations.standard(db, dialect()).migrate();
        List<MigrationScript> released = Migrations.standardScripts(dialect());
        MigrationScript edited = new MigrationScript(1, released.get(0).description(),
                released.get(0).sql() + "\nCREATE INDEX pace_extra_ix ON pace_activity (actor_id);\n");

        assertThatThrownBy(() -> new Migrations(db, dialect(), List.of(edited, released.get(1))).migrate())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("V1 (activity log) was changed after it was applied")
                .hasMessageContaining(released.get(0).checksum())
                .hasMessageContaining(edited.checksum());
    }

    @Test
    void aSchemaNewerThanThisPaceIsRefused() throws SQLException {
        Migrations.standard(db, dialect()).migrate();
        int known = Migrations.SCRIPT_FILES.size();
        execute("INSERT INTO pace_schema_version (version, description, checksum, installed_on)"
                + " VALUES (" + (known + 1) + ", 'from the future', 'x', CURRENT_TIMESTAMP)");

        assertThatThrownBy(() -> Migrations.standard(db, dialect()).migrate())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("V" + (known + 1) + " (from the future)")
                .hasMessageContaining("newer than this Pace knows (up to V" + known + ")");
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
                () -> failing.write(List.of(touch("a1", 1, "m1", MONDAY)), 1));
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
            assertThat(applied).as("versions applied, over both instances").containsExactlyInAnyOrder(1, 2, 3, 4,
                    5, 6, 7, 8);
        } finally {
            threads.shutdownNow();
        }
        assertThat(versionRows()).hasSize(8);
        assertThat(store.appliedSequence()).isZero();
    }

    /**
     * A database that an issue-2 Pace (schema V1) filled: V2 adds the counting state as unknown (nulls), keeps the
     * log, the contributions, the aggregates and the cursor, so the KPIs do not move until the engine recounts.
     */
    @Test
    void aV1DatabaseWithDataIsMigratedKeepingItsCountsUntilItIsRecounted() throws SQLException {
        new Migrations(db, dialect(), Migrations.standardScripts(dialect()).subList(0, 1)).migrate();
        assertThat(columns("pace_activity")).doesNotContain("local_day");
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        // As the issue-2 store wrote them: a counted call with two counterparts, and a tombstone.
        execute("INSERT INTO pace_activity (id, sequence, deleted, occurred_at_epoch_s, occurred_at_nano, actor_id,"
                        + " kind, channel, direction, outcome, duration_s, deal_id, stage, amount, currency, automated)"
                        + " VALUES ('a1', 5, FALSE, " + at.getEpochSecond() + ", 0, 'm1', 'CALL', 'PHONE', 'OUTBOUND',"
                        + " 'CONNECTED', 120, NULL, NULL, NULL, NULL, FALSE)",
                "INSERT INTO pace_activity (id, sequence, deleted, occurred_at_epoch_s, occurred_at_nano, actor_id,"
                        + " kind, automated) VALUES ('a2', 9, TRUE, " + at.getEpochSecond() + ", 0, 'm1', 'EMAIL',"
                        + " FALSE)",
                "INSERT INTO pace_activity_counterpart (activity_id, position, contact_id, account_id, email, phone,"
                        + " internal) VALUES ('a1', 0, 'c1', NULL, NULL, '+4930', FALSE),"
                        + " ('a1', 1, NULL, NULL, 'x%7E~@crm.example', NULL, TRUE)",
                "INSERT INTO pace_contribution (activity_id, manager_id, metric, local_day, metric_value)"
                        + " VALUES ('a1', 'm1', 'touches', DATE '2026-03-02', 1)",
                "INSERT INTO pace_daily_aggregate (manager_id, metric, local_day, metric_value)"
                        + " VALUES ('m1', 'touches', DATE '2026-03-02', 1)",
                "UPDATE pace_cursor SET applied_sequence = 17 WHERE id = 1");

        assertThat(store.appliedSequence()).as("first use migrates to the latest version").isEqualTo(17);
        assertThat(versionRows()).extracting(row -> row[0]).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(AggregateAudit.storedMonths(db)).as("V4's monthly sums of V1's days")
                .isEqualTo(Map.of("m1|touches|2026-03-01", 1L));
        assertThat(AggregateAudit.storedWeeks(db)).as("V7's weekly sums of V1's days")
                .isEqualTo(Map.of("m1|touches|2026-03-02", 1L));

        Map<String, CountedActivity> stored = store.activities(List.of("a1", "a2"));
        CountedActivity a1 = stored.get("a1");
        assertThat(a1.activity().counterparts()).containsExactly(
                new LoggedCounterpart("c1", null, null, "+4930", false),
                new LoggedCounterpart(null, null, "x%7E~@crm.example", null, true));
        assertThat(a1.state()).as("counting state unknown, contributions as V1 stored them").isEqualTo(
                new CountingState(null, null, null, null, List.of(new Contribution("m1", TOUCHES, MONDAY, 1))));
        assertThat(stored.get("a2").activity().deleted()).isTrue();
        assertThat(stored.get("a2").state()).isEqualTo(CountingState.none(null));
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.activityCount()).isEqualTo(2);
        assertThat(store.logPage(null, 10)).extracting(LoggedActivity::id).containsExactly("a1", "a2");

        // The engine recounts a1 (credited to m2 on Tuesday now): V1's contribution is taken back exactly.
        LoggedActivity logged = a1.activity();
        store.write(List.of(new CountedActivity(logged, new CountingState(MONDAY.plusDays(1), null, "d1", "k1",
                List.of(new Contribution("m2", TOUCHES, MONDAY.plusDays(1), 1))))), 0);
        assertThat(store.totals("m1", MONDAY, MONDAY.plusDays(6))).isEmpty();
        assertThat(store.totals("m2", MONDAY, MONDAY.plusDays(6))).isEqualTo(Map.of(TOUCHES, 1L));
        assertThat(store.earliestCandidates(List.of("k1"), List.of(), 1)).extracting(c -> c.activity().id())
                .containsExactly("a1");
        AggregateAudit.assertConsistent(db);
        assertThat(store.appliedSequence()).isEqualTo(17);
    }

    @Test
    void aV1DatabaseThatIsRecountedFromScratchEndsWithTheNewCountsOnly() throws SQLException {
        new Migrations(db, dialect(), Migrations.standardScripts(dialect()).subList(0, 1)).migrate();
        execute("INSERT INTO pace_activity (id, sequence, deleted, occurred_at_epoch_s, occurred_at_nano, actor_id,"
                        + " kind, automated) VALUES ('a1', 1, FALSE, 1772442000, 0, 'm1', 'CALL', FALSE)",
                "INSERT INTO pace_contribution (activity_id, manager_id, metric, local_day, metric_value)"
                        + " VALUES ('a1', 'm1', 'touches', DATE '2026-03-02', 1)",
                "INSERT INTO pace_daily_aggregate (manager_id, metric, local_day, metric_value)"
                        + " VALUES ('m1', 'touches', DATE '2026-03-02', 1)");

        store.resetCounting();
        assertThat(AggregateAudit.stored(db)).isEmpty();
        for (LoggedActivity logged : store.logPage(null, 100)) {
            store.write(List.of(new CountedActivity(logged, new CountingState(MONDAY, null, null, null,
                    List.of(new Contribution("m1", "callAttempts", MONDAY, 1))))), 0);
        }

        assertThat(store.totals("m1", MONDAY, MONDAY)).isEqualTo(Map.of("callAttempts", 1L));
        assertThat(store.activities(List.of("a1")).get("a1").state().localDay()).isEqualTo(MONDAY);
        AggregateAudit.assertConsistent(db);
        // The V1 rows are ordinary rows now.
        store.write(List.of(counting("a1", 2, "m1", MONDAY)), 2);
        assertThat(store.totals("m1", MONDAY, MONDAY)).isEmpty();
    }
    /**
     * A database that a V3 Pace filled: V4 sums its daily aggregates up by month and V7 by week, so every total reads
     * what V3 read from the days alone, and the writes after the upgrade keep the three tables.
     */
    @Test
    void aV3DatabaseWithDataIsMigratedToWeeklyAndMonthlySumsThatGiveTheSameTotals() throws SQLException {
        new Migrations(db, dialect(), Migrations.standardScripts(dialect()).subList(0, 3)).migrate();
        assertThat(tableExists("pace_monthly_aggregate")).isFalse();
        // Written as the V3 store wrote: the activity rows with their contributions, and the daily aggregates.
        Random random = new Random(3);
        List<CountedActivity> activities = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            LocalDate day = LocalDate.of(2025, 11, 10).plusDays(random.nextInt(130));
            String manager = "m" + random.nextInt(5);
            activities.add(counting("a" + i, i + 1, manager, day, new Contribution(manager, TOUCHES, day, 1),
                    new Contribution(manager, random.nextBoolean() ? "meetingsHeld" : "callAttempts", day,
                            1 + random.nextInt(3))));
        }
        SortedMap<AggregateKey, Long> deltas = new TreeMap<>();
        activities.forEach(a -> a.state().contributions().forEach(c -> deltas.merge(AggregateKey.of(c), c.value(),
                Long::sum)));
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            dialect().upsertActivities(connection, activities, 1);
            dialect().addToAggregates(connection, AggregateTable.DAILY, deltas);
            connection.commit();
        }
        List<LocalDate[]> ranges = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LocalDate from = LocalDate.of(2025, 11, 1).plusDays(random.nextInt(150));
            ranges.add(new LocalDate[] {from, from.plusDays(random.nextInt(100))});
        }
        ranges.add(new LocalDate[] {LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)});
        ranges.add(new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)});
        ranges.add(new LocalDate[] {LocalDate.of(2025, 11, 20), LocalDate.of(2026, 2, 10)});
        ranges.add(new LocalDate[] {LocalDate.of(2025, 11, 1), LocalDate.of(2026, 3, 31)});
        Map<String, Map<String, Long>> before = new HashMap<>();
        for (LocalDate[] range : ranges) {
            for (int m = 0; m < 6; m++) {
                before.put("m" + m + " " + range[0] + ".." + range[1], v3Totals("m" + m, range[0], range[1]));
            }
        }

        assertThat(store.appliedSequence()).as("first use migrates to the latest version").isZero();

        assertThat(versionRows()).extracting(row -> row[0]).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(AggregateAudit.storedMonths(db)).as("four or five months of five managers").hasSizeGreaterThan(40);
        assertThat(AggregateAudit.storedWeeks(db)).as("about 19 weeks of five managers").hasSizeGreaterThan(150);
        AggregateAudit.assertConsistent(db);
        for (LocalDate[] range : ranges) {
            for (int m = 0; m < 6; m++) {
                String what = "m" + m + " " + range[0] + ".." + range[1];
                assertThat(store.totals("m" + m, range[0], range[1])).as(what).isEqualTo(before.get(what));
            }
        }
        assertThat(before.get("m0 2026-01-01..2026-03-31")).as("the data reach the quarter").isNotEmpty();

        // Writes after the upgrade keep the monthly sums: a correction moves a1 to another manager and month.
        String formerManager = activities.get(1).activity().actorId();
        store.write(List.of(counting("a1", 1000, "m9", LocalDate.of(2026, 5, 5),
                new Contribution("m9", TOUCHES, LocalDate.of(2026, 5, 5), 1))), 0);
        assertThat(store.totals("m9", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)))
                .isEqualTo(Map.of(TOUCHES, 1L));
        LocalDate first = LocalDate.of(2025, 11, 1);
        LocalDate last = LocalDate.of(2026, 3, 31);
        assertThat(store.totals(formerManager, first, last)).isEqualTo(v3Totals(formerManager, first, last))
                .isNotEqualTo(before.get(formerManager + " " + first + ".." + last));
        AggregateAudit.assertConsistent(db);
    }

    /**
     * A database that a V4 Pace filled: V5 projects the deal events of its log (not deleted, of a deal kind, with a
     * deal) into pace_deal_event, so the funnel sees the whole history from the upgrade on, and the writes after it
     * keep the projection; the goal and target tables start empty.
     */
    @Test
    void aV4DatabaseWithDealEventsIsMigratedWithItsDealHistories() throws SQLException {
        new Migrations(db, dialect(), Migrations.standardScripts(dialect()).subList(0, 4)).migrate();
        assertThat(tableExists("pace_deal_event")).isFalse();
        Instant nine = Instant.parse("2026-03-02T09:00:00.000000123Z");
        CountedActivity won = dealEvent("w1", 4, "m2", "DEAL_WON", "d1", "paid", nine.plusSeconds(86_400),
                new BigDecimal("1500.25"), "EUR");
        CountedActivity lost = dealEvent("l1", 5, "m1", "DEAL_LOST", "d2", null, nine, null, null);
        List<CountedActivity> v4Log = List.of(
                dealEvent("s1", 1, "m1", "DEAL_STAGE_CHANGED", "d1", "intro", nine, null, null),
                dealEvent("s0", 2, "m3", "DEAL_STAGE_CHANGED", "d1", "meeting", nine.minusSeconds(86_400 * 40L),
                        null, null),
                won,
                Activities.deleted(lost, 6),
                dealEvent("s2", 7, "m1", "DEAL_STAGE_CHANGED", null, "intro", nine, null, null),
                dealEvent("s3", 8, "m3", "DEAL_STAGE_CHANGED", "d3", "proposal", nine, null, null),
                touch("t1", 9, "m1", MONDAY));
        // A call that names a deal is no deal event.
        LoggedActivity call = Activities.with(touch("t2", 10, "m1", MONDAY).activity(), nine);
        List<CountedActivity> rows = new ArrayList<>(v4Log);
        rows.add(new CountedActivity(new LoggedActivity(call.id(), call.sequence(), false, call.occurredAt(), "m1",
                "CALL", call.channel(), call.direction(), call.outcome(), call.durationSeconds(), call.counterparts(),
                "d2", "intro", null, null, false), CountingState.none(MONDAY)));
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            dialect().upsertActivities(connection, rows, 1); // as the V4 store wrote them
            connection.commit();
        }

        Instant from = nine.minusSeconds(3600);
        Instant to = nine.plusSeconds(3600);
        List<DealEvent> m1 = store.dealHistories(List.of("m1"), from, to);

        assertThat(versionRows()).extracting(row -> row[0]).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(m1).extracting(DealEvent::activityId).as("d1 whole; d2's loss was deleted")
                .containsExactly("s0", "s1", "w1");
        assertThat(m1.get(2)).isEqualTo(new DealEvent("w1", "d1", "m2", "DEAL_WON", "paid", nine.plusSeconds(86_400),
                new BigDecimal("1500.2500"), "EUR"));
        assertThat(m1.get(1)).isEqualTo(new DealEvent("s1", "d1", "m1", "DEAL_STAGE_CHANGED", "intro", nine, null,
                null));
        assertThat(store.dealHistories(List.of("m3"), from, to)).extracting(DealEvent::activityId)
                .containsExactly("s3");
        Instant longBefore = nine.minusSeconds(86_400 * 41L);
        assertThat(store.dealHistories(List.of("m3"), longBefore, to)).extracting(DealEvent::activityId)
                .containsExactly("s0", "s1", "w1", "s3");
        assertThat(countRows("pace_deal_event")).as("s0, s1, w1, s3").isEqualTo(4);
        assertThat(countRows("pace_goal") + countRows("pace_target") + countRows("pace_target_change")).isZero();

        // After the upgrade the writes keep it: the loss of d2 is logged again (undeleted), s1 is deleted.
        store.write(List.of(dealEvent("l1", 11, "m1", "DEAL_LOST", "d2", null, nine, null, null),
                Activities.deleted(v4Log.get(0), 12)), 0);
        assertThat(store.dealHistories(List.of("m1"), from, to)).extracting(DealEvent::activityId)
                .containsExactly("l1");
        assertThat(store.dealHistories(List.of("m3"), longBefore, to)).extracting(DealEvent::activityId)
                .containsExactly("s0", "w1", "s3");
    }

    private long countRows(String table) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** What a V3 store read as a manager's totals: the sums of the daily rows of the range. */
    private Map<String, Long> v3Totals(String manager, LocalDate from, LocalDate to) throws SQLException {
        Map<String, Long> totals = new TreeMap<>();
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT metric, SUM(metric_value) FROM pace_daily_aggregate WHERE manager_id = ?"
                        + " AND local_day BETWEEN ? AND ? GROUP BY metric")) {
            query.setString(1, manager);
            query.setObject(2, from);
            query.setObject(3, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return totals;
    }
}
