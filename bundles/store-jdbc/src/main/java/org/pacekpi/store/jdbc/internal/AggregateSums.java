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

    /** Open addressing, linear probing. */
    private final long[] keys;
    private final long[] sums;
    private final int mask;
    private int size;

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
        this.keys = new long[capacity];
        this.sums = new long[capacity];
        this.mask = capacity - 1;
        Arrays.fill(keys, EMPTY);
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
        int manager = number(c.managerId(), managerNumbers, managers, MANAGER_BITS);
        int metric = number(c.metric(), metricNumbers, metrics, METRIC_BITS);
        if (manager < 0 || metric < 0) {
            // More names than a key has bits for: start again with fresh numbers.
            flush();
            managerNumbers.clear();
            managers.clear();
            metricNumbers.clear();
            metrics.clear();
            add(c, value);
            return;
        }
        long key = ((long) manager << (METRIC_BITS + 32)) | ((long) metric << 32)
                | (c.day().toEpochDay() & 0xFFFF_FFFFL);
        int slot = slot(key);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                sums[slot] = Math.addExact(sums[slot], value);
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size >= limit) {
            flush();
            slot = slot(key);
        }
        keys[slot] = key;
        sums[slot] = value;
        size++;
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
        for (int slot = 0; slot < keys.length; slot++) {
            long key = keys[slot];
            if (key != EMPTY) {
                if (sums[slot] != 0) {
                    String manager = managers.get((int) (key >>> (METRIC_BITS + 32)));
                    String metric = metrics.get((int) (key >>> 32) & ((1 << METRIC_BITS) - 1));
                    staged.add(manager, metric, LocalDate.ofEpochDay((int) key), sums[slot]);
                }
                keys[slot] = EMPTY;
            }
        }
        size = 0;
        staged.flush();
    }
}
