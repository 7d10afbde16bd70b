package org.pacekpi.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Splits a set of values into chunks for {@code IN (?, ?, ...)} lists. Each chunk is padded (with its last value
 * repeated, which changes nothing in an IN list) to one of a few sizes, so that only a handful of distinct statement
 * texts exist: the drivers and the databases then reuse their prepared plans instead of parsing a new text for every
 * list length.
 */
final class InList {

    /** Values per statement at most: well below every driver's parameter limit. */
    static final int MAX = 1000;

    private static final int[] SIZES = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, MAX};

    private final List<String> values;
    /** One array parameter ({@code = ANY(?)}) instead of a padded list; for PostgreSQL. */
    private final boolean array;

    private InList(List<String> values) {
        this(values, false);
    }

    private InList(List<String> values, boolean array) {
        this.values = values;
        this.array = array;
    }

    /**
     * The distinct values for {@link #condition}: on PostgreSQL one array parameter however many values (one short
     * statement, bound at once, instead of a thousand parameters), elsewhere {@link #chunks}.
     */
    static List<InList> lookups(Collection<String> values, SqlDialect dialect) {
        if (dialect != SqlDialect.POSTGRESQL) {
            return chunks(values);
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values));
        return distinct.isEmpty() ? List.of() : List.of(new InList(distinct, true));
    }

    /** "{@code column} is one of the values", as SQL with this chunk's parameters. */
    String condition(String column) {
        return array ? column + " = ANY(CAST(? AS VARCHAR[]))" : column + " IN (" + placeholders() + ")";
    }

    /** The chunks of the distinct values, in the order first seen; none for no values. */
    static List<InList> chunks(Collection<String> values) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values));
        List<InList> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += MAX) {
            chunks.add(new InList(distinct.subList(from, Math.min(distinct.size(), from + MAX))));
        }
        return chunks;
    }

    /** The values of this chunk, without padding. */
    List<String> values() {
        return values;
    }

    /** {@code ?, ?, ?} for the padded size. */
    String placeholders() {
        return String.join(", ", Collections.nCopies(paddedSize(), "?"));
    }

    /**
     * Binds the padded values from parameter {@code first} on.
     *
     * @return the index of the next parameter
     */
    int bind(PreparedStatement statement, int first) throws SQLException {
        if (array) {
            statement.setArray(first, statement.getConnection().createArrayOf("varchar",
                    values.toArray(String[]::new)));
            return first + 1;
        }
        int padded = paddedSize();
        for (int i = 0; i < padded; i++) {
            statement.setString(first + i, values.get(Math.min(i, values.size() - 1)));
        }
        return first + padded;
    }

    int paddedSize() {
        for (int size : SIZES) {
            if (size >= values.size()) {
                return size;
            }
        }
        throw new IllegalStateException("chunk larger than " + MAX);
    }
}
