package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountedActivity;

/**
 * Checks the store's central invariant: every daily aggregate equals the recomputation from the contributions packed
 * in the activity rows counted in the current generation, every weekly and monthly aggregate equals the sum of its
 * ISO week's or month's daily rows, and no aggregate row exists whose sum is zero. Keys read {@code manager|metric|day}
 * (for a week, its Monday; for a month, its first day) so a failing comparison shows where.
 */
final class AggregateAudit {

    private AggregateAudit() {
    }

    /** pace_daily_aggregate as stored. */
    static Map<String, Long> stored(DataSource dataSource) {
        return query(dataSource, "SELECT manager_id, metric, local_day, metric_value FROM pace_daily_aggregate");
    }

    /** pace_weekly_aggregate as stored. */
    static Map<String, Long> storedWeeks(DataSource dataSource) {
        return query(dataSource, "SELECT manager_id, metric, local_week, metric_value FROM pace_weekly_aggregate");
    }

    /** pace_monthly_aggregate as stored. */
    static Map<String, Long> storedMonths(DataSource dataSource) {
        return query(dataSource, "SELECT manager_id, metric, local_month, metric_value FROM pace_monthly_aggregate");
    }

    /** The monthly rows that daily rows add up to (keys as {@link #stored}), months whose sum is zero left out. */
    static Map<String, Long> months(Map<String, Long> days) {
        return regrouped(days, day -> day.withDayOfMonth(1));
    }

    /** The weekly rows that daily rows add up to (keys as {@link #stored}), weeks whose sum is zero left out. */
    static Map<String, Long> weeks(Map<String, Long> days) {
        return regrouped(days, day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    private static Map<String, Long> regrouped(Map<String, Long> days, UnaryOperator<LocalDate> keyDay) {
        Map<String, Long> regrouped = new TreeMap<>();
        days.forEach((key, value) -> {
            int day = key.lastIndexOf('|');
            regrouped.merge(key.substring(0, day + 1) + keyDay.apply(LocalDate.parse(key.substring(day + 1))), value,
                    Long::sum);
        });
        regrouped.values().removeIf(value -> value == 0);
        return regrouped;
    }

    /**
     * What totals over [from, to] must be for a manager, summed here from daily rows (keys as {@link #stored}) one
     * day at a time: metrics whose sum is zero left out.
     */
    static Map<String, Long> totals(Map<String, Long> days, String manager, LocalDate from, LocalDate to) {
        Map<String, Long> totals = new TreeMap<>();
        days.forEach((key, value) -> {
            String[] parts = key.split("\\|");
            LocalDate day = LocalDate.parse(parts[2]);
            if (parts[0].equals(manager) && !day.isBefore(from) && !day.isAfter(to)) {
                totals.merge(parts[1], value, Long::sum);
            }
        });
        totals.values().removeIf(value -> value == 0);
        return totals;
    }

    /** pace_daily_aggregate recomputed from the current contributions of every activity row. */
    static Map<String, Long> recomputed(DataSource dataSource) {
        Map<String, Long> sums = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT a.id, a.contributions FROM pace_activity a"
                     + " WHERE a.counted_generation = (SELECT g.counting_generation FROM pace_cursor g WHERE g.id = 1)")) {
            while (result.next()) {
                for (Contribution c : PackedLists.unpackContributions(result.getString(2), result.getString(1))) {
                    sums.merge(key(c.managerId(), c.metric(), c.day().toString()), c.value(), Long::sum);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot recompute the aggregates: " + e.getMessage(), e);
        }
        sums.values().removeIf(value -> value == 0);
        return sums;
    }

    /** What the aggregates must be when exactly these activities are the stored ones. */
    static Map<String, Long> expected(Iterable<CountedActivity> stored) {
        Map<String, Long> expected = new TreeMap<>();
        for (CountedActivity activity : stored) {
            for (Contribution c : activity.state().contributions()) {
                expected.merge(key(c.managerId(), c.metric(), c.day().toString()), c.value(), Long::sum);
            }
        }
        expected.values().removeIf(value -> value == 0);
        return expected;
    }

    /** Fails unless the stored aggregates, daily, weekly and monthly, equal their recomputation. */
    static void assertConsistent(DataSource dataSource) {
        Map<String, Long> stored = stored(dataSource);
        assertThat(stored).as("pace_daily_aggregate must equal the sum of the current contributions by manager, metric, day")
                .isEqualTo(recomputed(dataSource));
        assertThat(stored.values()).as("aggregate rows whose sum is zero").doesNotContain(0L);
        assertWeeksAndMonthsAddUp(dataSource);
    }

    /**
     * Fails unless every weekly and monthly aggregate is the sum of its ISO week's or month's daily aggregates, and
     * none is zero.
     */
    static void assertWeeksAndMonthsAddUp(DataSource dataSource) {
        Map<String, Long> days = stored(dataSource);
        Map<String, Long> weeks = storedWeeks(dataSource);
        assertThat(weeks)
                .as("pace_weekly_aggregate must equal the sum of pace_daily_aggregate by manager, metric, week")
                .isEqualTo(weeks(days));
        assertThat(weeks.values()).as("weekly rows whose sum is zero").doesNotContain(0L);
        Map<String, Long> months = storedMonths(dataSource);
        assertThat(months).as("pace_monthly_aggregate must equal the sum of pace_daily_aggregate by manager, metric, month")
                .isEqualTo(months(days));
        assertThat(months.values()).as("monthly rows whose sum is zero").doesNotContain(0L);
    }

    /** Rows in a table. */
    static long count(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("cannot count " + table + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> query(DataSource dataSource, String sql) {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.put(key(result.getString(1), result.getString(2),
                        result.getObject(3, LocalDate.class).toString()), result.getLong(4));
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot audit the aggregates: " + e.getMessage(), e);
        }
        return rows;
    }

    private static String key(String manager, String metric, String day) {
        return manager + "|" + metric + "|" + day;
    }
}
