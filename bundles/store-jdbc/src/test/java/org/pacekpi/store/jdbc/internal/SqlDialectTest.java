package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SqlDialectTest {

    @Test
    void theDialectFollowsTheUrlScheme() {
        assertThat(SqlDialect.fromUrl("jdbc:h2:file:/var/karaf/data/pace/pace")).isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.fromUrl("JDBC:H2:mem:x")).isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.fromUrl(" jdbc:postgresql://db:5432/pace")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.POSTGRESQL.driverClass()).isEqualTo("org.postgresql.Driver");
        assertThat(SqlDialect.H2.driverClass()).isEqualTo("org.h2.Driver");
    }

    @Test
    void anotherDatabaseIsRefusedWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> SqlDialect.fromUrl("jdbc:mysql://db/pace?password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'jdbc:mysql:...'")
                .hasMessageContaining("jdbc:h2:").hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> SqlDialect.fromUrl("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsAreSentInChunksOfAtMostTheStatementLimitInTheirOrder() {
        int max = SqlDialect.MAX_ROWS_PER_STATEMENT;
        List<Integer> rows = IntStream.range(0, 2 * max + 1).boxed().toList();

        List<List<Integer>> chunks = SqlDialect.chunks(rows);

        assertThat(chunks).extracting(List::size).containsExactly(max, max, 1);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(rows);
        assertThat(SqlDialect.chunks(rows.subList(0, max))).hasSize(1);
        assertThat(SqlDialect.chunks(List.of())).isEmpty();
    }
}
