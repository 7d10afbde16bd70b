package org.pacekpi.store.jdbc.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pacekpi.api.store.Contribution;

/**
 * The sums of a recount's contributions for each table of sums ({@link AggregateTable}): per manager, metric and the
 * table's day (the local day, or the first day of its month), added up in memory up to a number of keys per table and
 * then staged as partial sums that the database adds up at the end. A contribution's manager and metric are numbered
 * once for all the tables.
 *
 * <p>The log is read in about the order it was written, which is about the order of time, so the sums of a day are
 * complete long before the log ends. When the memory is full, the oldest days leave it, each whole: every sum of those
 * days is staged at once into the table's {@linkplain AggregateTable#sums() sums}, where each key is therefore staged
 * at most once. A contribution that comes later for a day already staged (an activity logged late, a correction of an
 * old one) is added up apart and staged into the table's {@linkplain AggregateTable#lateSums() late sums}, which may
 * hold a key several times. So the database groups only the few late sums, and adds them to the others by a join
 * ({@link AggregateTable#recountedRows}); a log in no order of time still comes out right, only with more late sums.
 *
 * <p>A recount adds millions of contributions: the key is packed into a {@code long} (manager and metric as numbers
 * given on first sight, the day as its epoch day) in tables of primitives, rather than maps of objects.
 */
final class AggregateSums {

    private static final int MANAGER_BITS = 19; // bit 63 stays clear: a key is never negative, never EMPTY
    private static final int METRIC_BITS = 12;
    private static final long EMPTY = Long.MIN_VALUE;
    /** Days spanned by the sums in memory up to which the oldest are found by counting per day, not by sorting. */
    private static final int COUNTED_SPAN = 4096;

    /**
     * Where one table's sums go.
     *
     * @param table  the table of sums whose rows are added up: its day is the key's
     * @param staged where the sums of a day go when the day leaves the memory, each key once, in the columns
     *               {@link AggregateTable#sumColumns()}
     * @param late   where the late sums go, in the same columns
     */
    record Target(AggregateTable table, StagingRows staged, StagingRows late) {
    }

    private final List<TableSums> tables;

    private final Map<String, Integer> managerNumbers = new HashMap<>();
    private final List<String> managers = new ArrayList<>();
    private final Map<String, Integer> metricNumbers = new HashMap<>();
    private final List<String> metrics = new ArrayList<>();

    /** The last manager numbered, compared by identity: an activity's contributions share their manager's string. */
    private String lastManager;
    private int lastManagerNumber;

    /** The sums of one table. */
    AggregateSums(AggregateTable table, int limit, StagingRows staged, StagingRows stagedLate) {
        this(limit, List.of(new Target(table, staged, stagedLate)));
    }

    /**
     * @param limit   the most keys held in memory per table for the days not staged yet (and a quarter of it for late
     *                ones)
     * @param targets the tables, and where their sums go
     */
    AggregateSums(int limit, List<Target> targets) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.tables = targets.stream().map(target -> new TableSums(target, limit)).toList();
    }

    /**
     * Adds the contributions, or takes them away.
     *
     * @param negative true to take them away (a sum assumed earlier that turned out otherwise)
     */
    void add(List<Contribution> contributions, boolean negative) throws SQLException {
        for (int i = 0, n = contributions.size(); i < n; i++) {
            Contribution c = contributions.get(i);
            add(c, negative ? Math.negateExact(c.value()) : c.value());
        }
    }

    private void add(Contribution c, long value) throws SQLException {
        int manager = managerNumber(c.managerId());
        int metric = number(c.metric(), metricNumbers, metrics, METRIC_BITS);
        if (manager < 0 || metric < 0) {
            // More names than a key has bits for: stage everything, and start again with fresh numbers.
            flush();
            managerNumbers.clear();
            managers.clear();
            lastManager = null;
            metricNumbers.clear();
            metrics.clear();
            add(c, value);
            return;
        }
        long names = ((long) manager << (METRIC_BITS + 32)) | ((long) metric << 32);
        for (int i = 0, n = tables.size(); i < n; i++) {
            TableSums table = tables.get(i);
            table.add(names, table.target.table().epochDayOf(c.day()), value);
        }
    }

    private int managerNumber(String managerId) {
        if (managerId != lastManager) {
            int number = number(managerId, managerNumbers, managers, MANAGER_BITS);
            if (number < 0) {
                return number;
            }
            lastManager = managerId;
            lastManagerNumber = number;
        }
        return lastManagerNumber;
    }

    /** The number of a name, given on first sight; -1 when the numbers are used up. */
    private static int number(String name, Map<String, Integer> numbers, List<String> names, int bits) {
        Integer number = numbers.get(name);
        if (number != null) {
            return number;
        }
        if (names.size() >= 1 << bits) {
            return -1;
        }
        numbers.put(name, names.size());
        names.add(name);
        return names.size() - 1;
    }

    /**
     * Stages every sum held (but those that are zero) and forgets them; the days staged are late from now on. Sends
     * what is staged.
     */
    void flush() throws SQLException {
        for (TableSums table : tables) {
            table.flush();
        }
    }

    /** One table's sums: those of the days not staged yet, and the late ones. */
    private final class TableSums {
        private final Target target;
        /** The sums of the days not staged yet. */
        private final Slots current;
        /** Where the sums still in memory go when the oldest days leave it. */
        private final Slots spare;
        /** The sums of days already staged, until they are staged themselves (all at once). */
        private final Slots late;
        /** Every day up to this one (an epoch day) has been staged; its contributions are late. */
        private long stagedThrough = Long.MIN_VALUE;

        TableSums(Target target, int limit) {
            this.target = target;
            this.current = new Slots(limit);
            this.spare = new Slots(limit);
            this.late = new Slots(Math.max(1, limit / 4));
        }

        /** Adds to the sum of the manager and metric {@code names} (a key without its day) on {@code day}. */
        void add(long names, long day, long value) throws SQLException {
            long key = names | (day & 0xFFFF_FFFFL);
            if (day > stagedThrough) {
                if (current.add(key, value)) {
                    return;
                }
                stageOldestDays();
                if (day > stagedThrough) {
                    current.put(key, value); // at least half of the keys have left
                    return;
                }
                // its own day has just left the memory: late
            }
            if (!late.add(key, value)) {
                stage(late, target.late(), Long.MAX_VALUE, null);
                late.put(key, value);
            }
        }

        /**
         * Stages the oldest days whole, at least half of the keys in memory (all of them when they share one day), and
         * keeps the others.
         */
        private void stageOldestDays() throws SQLException {
            long oldestKept = oldestDayKept();
            stage(current, target.staged(), oldestKept - 1, spare);
            current.takeFrom(spare);
            stagedThrough = Math.max(stagedThrough, oldestKept - 1);
        }

        /**
         * The oldest day to keep in memory: every day before it leaves, which is at least half of the keys; the day
         * after the newest if half of the keys are on it or before.
         */
        private long oldestDayKept() {
            int size = current.size;
            int[] days = new int[size];
            int n = 0;
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int at = 0; at < current.slots.length; at += 2) {
                long key = current.slots[at];
                if (key != EMPTY) {
                    int day = (int) key;
                    days[n++] = day;
                    min = Math.min(min, day);
                    max = Math.max(max, day);
                }
            }
            int half = (size + 1) / 2;
            if ((long) max - min < COUNTED_SPAN) {
                int[] perDay = new int[max - min + 1];
                for (int i = 0; i < n; i++) {
                    perDay[days[i] - min]++;
                }
                int seen = 0;
                for (int d = 0; d < perDay.length; d++) {
                    seen += perDay[d];
                    if (seen >= half) {
                        return (long) min + d + 1;
                    }
                }
                return (long) max + 1;
            }
            Arrays.sort(days, 0, n);
            return (long) days[half - 1] + 1;
        }

        /**
         * Stages the sums of {@code from} whose day is {@code through} or before, and moves the others into
         * {@code rest} (which must be empty); {@code from} is empty afterwards.
         *
         * @return the newest day staged ({@link Long#MIN_VALUE} if none)
         */
        private long stage(Slots from, StagingRows to, long through, Slots rest) throws SQLException {
            long newest = Long.MIN_VALUE;
            long[] slots = from.slots;
            for (int at = 0; at < slots.length; at += 2) {
                long key = slots[at];
                if (key == EMPTY) {
                    continue;
                }
                long sum = slots[at + 1];
                int day = (int) key;
                if (day <= through) {
                    newest = Math.max(newest, day);
                    if (sum != 0) {
                        String manager = managers.get((int) (key >>> (METRIC_BITS + 32)));
                        String metric = metrics.get((int) (key >>> 32) & ((1 << METRIC_BITS) - 1));
                        to.add(manager, metric, LocalDate.ofEpochDay(day), sum);
                    }
                } else {
                    rest.add(key, sum);
                }
                slots[at] = EMPTY;
            }
            from.size = 0;
            return newest;
        }

        /** Stages every sum held; the days staged are late from now on. Sends what is staged. */
        void flush() throws SQLException {
            stage(late, target.late(), Long.MAX_VALUE, null);
            stagedThrough = Math.max(stagedThrough, stage(current, target.staged(), Long.MAX_VALUE, null));
            target.staged().flush();
            target.late().flush();
        }
    }

    /**
     * Sums by key, open addressing with linear probing: slot {@code i} holds its key at {@code 2 * i} and its sum next
     * to it, so that a sum is found in the memory line of its key (a rebuild adds millions, all over the table).
     */
    private static final class Slots {
        private final int limit;
        private long[] slots;
        private int mask;
        private int size;

        Slots(int limit) {
            this.limit = limit;
            int capacity = Integer.highestOneBit(Math.max(2, limit) * 2 - 1) << 1; // load factor at most 1/2
            this.slots = new long[2 * capacity];
            this.mask = capacity - 1;
            Arrays.fill(slots, EMPTY); // the sums too: harmless, and one call
        }

        /** Adds to the key's sum; false, and nothing added, if the key is new and {@code limit} keys are held. */
        boolean add(long key, long value) {
            int slot = slot(key);
            while (slots[2 * slot] != EMPTY) {
                if (slots[2 * slot] == key) {
                    slots[2 * slot + 1] = Math.addExact(slots[2 * slot + 1], value);
                    return true;
                }
                slot = (slot + 1) & mask;
            }
            if (size >= limit) {
                return false;
            }
            slots[2 * slot] = key;
            slots[2 * slot + 1] = value;
            size++;
            return true;
        }

        /** Adds to the key's sum, where there is room for a new key (the caller has just made it). */
        void put(long key, long value) {
            if (!add(key, value)) {
                throw new IllegalStateException("no room for a sum after " + size + " of " + limit + " were staged");
            }
        }

        /** Takes the other's keys and sums, leaving it empty (with this one's former arrays, which must be empty). */
        void takeFrom(Slots other) {
            long[] mine = slots;
            slots = other.slots;
            size = other.size;
            other.slots = mine;
            other.size = 0;
            int otherMask = other.mask;
            other.mask = mask;
            mask = otherMask;
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
