package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values in COPY's binary format, read back by the server as it reads an INSERT's. */
class PostgresCopyTest {

    private final PostgresSchema schema = new PostgresSchema();
    private Connection connection;

    @BeforeAll
    static void requirePostgres() {
        PostgresSchema.require();
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = DriverManager.getConnection(schema.fresh(), PostgresSchema.USER, "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE copied (n INTEGER NOT NULL, amount NUMERIC, money NUMERIC(19, 4),"
                    + " flag BOOLEAN, day DATE, label VARCHAR(8))");
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        connection.close();
        schema.drop();
    }

    @Test
    void numbersOfEveryScaleSignAndSizeArriveExactly() throws SQLException {
        List<BigDecimal> amounts = List.of(BigDecimal.ZERO, new BigDecimal("0.0000"), new BigDecimal("0.0001"),
                new BigDecimal("-0.0001"), new BigDecimal("0.5"), new BigDecimal("12500.5"),
                new BigDecimal("12500.5000"), new BigDecimal("9999.9999"), new BigDecimal("10000"),
                new BigDecimal("-98765.4321"), new BigDecimal("123456789012345.6789"),
                new BigDecimal("100000000.00001"), new BigDecimal("-7.123456789"),
                new BigDecimal("98765432109876543210987654321.5"), new BigDecimal("1E+3"));
        try (StagingRows rows = PostgresCopy.open(connection, "copied", List.of("n", "amount"), 4, null)) {
            for (int i = 0; i < amounts.size(); i++) {
                rows.add(i, amounts.get(i));
            }
            rows.flush();
        }

        List<BigDecimal> read = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT amount FROM copied ORDER BY n")) {
            while (result.next()) {
                read.add(result.getBigDecimal(1));
            }
        }
        assertThat(read).hasSameSizeAs(amounts);
        for (int i = 0; i < amounts.size(); i++) {
            BigDecimal expected = amounts.get(i);
            if (expected.scale() >= 0) {
                assertThat(read.get(i)).as("amount %s", expected).isEqualTo(expected); // the same scale too
            } else {
                assertThat(read.get(i)).as("amount %s", expected).isEqualByComparingTo(expected).hasScaleOf(0);
            }
        }
    }

    @Test
    void flagsDaysAndTextArriveAsSentAndTheColumnsLimitsHoldAsForAnInsert() throws SQLException {
        try (StagingRows rows = PostgresCopy.open(connection, "copied", List.of("n", "flag", "day", "label", "money"),
                10, null)) {
            rows.add(1, true, LocalDate.of(1999, 12, 31), "ünï", new BigDecimal("0.1235"));
            rows.add(2, false, LocalDate.of(2026, 3, 2), null, null);
            rows.flush();
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT flag, day, label, money FROM copied ORDER BY n")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getBoolean(1)).isTrue();
            assertThat(result.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
            assertThat(result.getString(3)).isEqualTo("ünï");
            assertThat(result.getBigDecimal(4)).isEqualTo(new BigDecimal("0.1235"));
            assertThat(result.next()).isTrue();
            assertThat(result.getBoolean(1)).isFalse();
            assertThat(result.getString(3)).isNull();
            assertThat(result.next()).isFalse();
        }

        try (StagingRows rows = PostgresCopy.open(connection, "copied", List.of("n", "label"), 10, null)) {
            rows.add(3, "nine char");
            assertThatThrownBy(rows::flush).isInstanceOf(SQLException.class)
                    .hasMessageContaining("value too long for type character varying(8)");
        }
        try (StagingRows rows = PostgresCopy.open(connection, "copied", List.of("n", "money"), 10, null)) {
            rows.add(4, new BigDecimal("1000000000000000"));
            assertThatThrownBy(rows::flush).isInstanceOf(SQLException.class)
                    .hasMessageContaining("numeric field overflow");
        }
    }

    @Test
    void aValueOfAnotherTypeIsRefusedBeforeAnythingIsSent() throws SQLException {
        try (StagingRows rows = PostgresCopy.open(connection, "copied", List.of("n", "amount"), 10, null)) {
            assertThatThrownBy(() -> rows.add(1, 2.5d)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.Double")
                    .hasMessageContaining("not a String, Long, Integer, Short, Boolean, BigDecimal or LocalDate");
        }
    }
}
