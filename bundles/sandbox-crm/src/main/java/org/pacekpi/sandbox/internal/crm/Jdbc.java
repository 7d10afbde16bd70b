package org.pacekpi.sandbox.internal.crm;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC conversions shared by the table classes: instants as UTC timestamps with time zone, nullable values. */
public final class Jdbc {

    private Jdbc() {
    }

    /** Binds an instant (or null) as TIMESTAMP WITH TIME ZONE; both H2 and pgjdbc take an OffsetDateTime. */
    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    /** Reads a TIMESTAMP WITH TIME ZONE column as an instant, or null. */
    public static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Binds a long or null. */
    public static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** Reads a nullable BIGINT. */
    public static Long getLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** Binds a decimal or null. */
    public static void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NUMERIC);
        } else {
            statement.setBigDecimal(index, value);
        }
    }

    /** Reads a CHAR column without the padding some databases add. */
    public static String getTrimmed(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : value.strip();
    }
}
