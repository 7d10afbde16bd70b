package org.pacekpi.store.jdbc.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pacekpi.api.store.Contribution;

/**
 * The sums of a recount's contributions per manager, metric and day, added up in memory up to a number of keys and
 * then staged as partial sums ({@link BulkRecount#SUMS}) that the database adds up at the end. The log is read in
 * about the order it was written, which is about the order of time, so most contributions land on a key already in
 * memory, and the rows staged are few more than the aggregates.
 *
 * <p>A recount adds millions of contributions: the key is packed into a {@code long} (manager and metric as numbers
 * given on first sight, the day as its epoch day) in a table of primitives, rather than a map of objects.
 */
final class AggregateSums {

    private static final int MANAGER_BITS = 19; // bit 63 stays clear: a key is never negative, never EMPTY
    private static final int METRIC_BITS = 12;
    private static final long EMPTY = Long.MIN_VALUE;

    private final int limit;
    private final StagingRows staged;

    private final Map<String, Integer> managerNumbers = new HashMap<>();
    private final List<String> managers = new ArrayList<>();
    private final Map<String, Integer> metricNumbers = new HashMap<>();
    private final List<String> metrics = new ArrayList<>();

    /**
     * Open addressing, linear probing: slot {@code i} holds its key at {@code 2 * i} and its sum next to it, so that a
     * sum is found in the memory line of its key (a rebuild adds millions, all over the table).
     */
    private final long[] slots;
    private final int mask;
    private int size;
    /** The last manager numbered, compared by identity: an activity's contributions share their manager's string. */
    private String lastManager;
    private int lastManagerNumber;

    /**
     * @param limit  the most keys held in memory
     * @param staged where the partial sums go
     */
    AggregateSums(int limit, StagingRows staged) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.staged = staged;
        int capacity = Integer.highestOneBit(Math.max(2, limit) * 2 - 1) << 1; // load factor at most 1/2
        this.slots = new long[2 * capacity];
        this.mask = capacity - 1;
        for (int slot = 0; slot < capacity; slot++) {
            slots[2 * slot] = EMPTY;
        }
    }

    /**
     * Adds the contributions, or takes them away.
     *
     * @param negative true to take them away (a sum assumed earlier that turned out otherwise)
     */
    void add(List<Contribution> contributions, boolean negative) throws SQLException {
        for (Contribution c : contributions) {
            add(c, negative ? Math.negateExact(c.value()) : c.value());
        }
    }

    private void add(Contribution c, long value) throws SQLException {
        int manager = managerNumber(c.managerId());
        int metric = number(c.metric(), metricNumbers, metrics, METRIC_BITS);
        if (manager < 0 || metric < 0) {
            // More names than a key has bits for: start again with fresh numbers.
            flush();
            managerNumbers.clear();
            managers.clear();
            lastManager = null;
            metricNumbers.clear();
            metrics.clear();
            add(c, value);
            return;
        }
        long key = ((long) manager << (METRIC_BITS + 32)) | ((long) metric << 32)
                | (c.day().toEpochDay() & 0xFFFF_FFFFL);
        int slot = slot(key);
        while (slots[2 * slot] != EMPTY) {
            if (slots[2 * slot] == key) {
                slots[2 * slot + 1] = Math.addExact(slots[2 * slot + 1], value);
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size >= limit) {
            flush();
            slot = slot(key);
        }
        slots[2 * slot] = key;
        slots[2 * slot + 1] = value;
        size++;
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

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
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

    /** Stages every sum held (but those that are zero) and forgets them. */
    void flush() throws SQLException {
        for (int at = 0; at < slots.length; at += 2) {
            long key = slots[at];
            if (key != EMPTY) {
                long sum = slots[at + 1];
                if (sum != 0) {
                    String manager = managers.get((int) (key >>> (METRIC_BITS + 32)));
                    String metric = metrics.get((int) (key >>> 32) & ((1 << METRIC_BITS) - 1));
                    staged.add(manager, metric, LocalDate.ofEpochDay((int) key), sum);
                }
                slots[at] = EMPTY;
            }
        }
        size = 0;
        staged.flush();
    }
}
