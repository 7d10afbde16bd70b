package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MigrationScriptTest {

    @Test
    void statementsAreSplitAtSemicolonsOutsideQuotesAndComments() {
        String sql = """
                -- a comment; with a semicolon
                CREATE TABLE t (a VARCHAR(10) DEFAULT 'x;y', "b;c" INTEGER);
                /* block; comment */ INSERT INTO t (a) VALUES ('it''s; fine');

                ;
                UPDATE t SET a = 'z'""";

        assertThat(MigrationScript.splitStatements(sql)).containsExactly(
                "CREATE TABLE t (a VARCHAR(10) DEFAULT 'x;y', \"b;c\" INTEGER)",
                "INSERT INTO t (a) VALUES ('it''s; fine')",
                "UPDATE t SET a = 'z'");
    }

    @Test
    void unterminatedQuotesAndCommentsAreErrors() {
        assertThatThrownBy(() -> MigrationScript.splitStatements("SELECT 'open;")).hasMessageContaining("quote");
        assertThatThrownBy(() -> MigrationScript.splitStatements("SELECT 1 /* open")).hasMessageContaining("comment");
    }

    @Test
    void theChecksumIgnoresLineEndingsButNotContent() {
        MigrationScript unix = new MigrationScript(1, "x", "CREATE TABLE a (b INTEGER);\nSELECT 1;\n");
        MigrationScript windows = new MigrationScript(1, "x", "CREATE TABLE a (b INTEGER);\r\nSELECT 1;\r\n");
        MigrationScript edited = new MigrationScript(1, "x", "CREATE TABLE a (b BIGINT);\nSELECT 1;\n");

        assertThat(unix.checksum()).hasSize(64).isEqualTo(windows.checksum()).isNotEqualTo(edited.checksum());
    }

    @Test
    void scriptsAreLoadedByFileNameForEachDialect() {
        for (SqlDialect dialect : SqlDialect.values()) {
            MigrationScript v1 = MigrationScript.load(dialect, "V1__activity_log.sql");
            assertThat(v1.version()).isEqualTo(1);
            assertThat(v1.description()).isEqualTo("activity log");
            assertThat(v1.label()).isEqualTo("V1 (activity log)");
            assertThat(v1.statements()).anyMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS pace_activity ("));
            MigrationScript v2 = MigrationScript.load(dialect, "V2__counting_state.sql");
            assertThat(v2.label()).isEqualTo("V2 (counting state)");
            assertThat(v2.statements()).anyMatch(s -> s.contains("ADD COLUMN IF NOT EXISTS duplicate_key"));
        }
        // PostgreSQL has its own V2 with partial indexes, which H2 cannot create.
        assertThat(MigrationScript.load(SqlDialect.POSTGRESQL, "V2__counting_state.sql").statements())
                .anyMatch(s -> s.contains("WHERE exclusion_reason IS NOT NULL"));
        assertThat(MigrationScript.load(SqlDialect.H2, "V2__counting_state.sql").statements())
                .noneMatch(s -> s.startsWith("CREATE INDEX") && s.contains("WHERE"));
        assertThatThrownBy(() -> MigrationScript.load(SqlDialect.H2, "V9__missing.sql"))
                .hasMessageContaining("V9__missing.sql is missing");
        assertThatThrownBy(() -> MigrationScript.load(SqlDialect.H2, "activity.sql"))
                .hasMessageContaining("V1__what_it_does.sql");
    }

    @Test
    void everyScriptInTheBundleIsListedInOrder() throws IOException, URISyntaxException {
        Path folder = Path.of(MigrationScript.class.getResource("/org/pacekpi/store/jdbc/migration").toURI());
        List<String> files;
        try (Stream<Path> paths = Files.walk(folder)) {
            files = paths.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).distinct().sorted()
                    .toList();
        }
        assertThat(files).as("scripts under " + folder).containsExactlyInAnyOrderElementsOf(Migrations.SCRIPT_FILES);
        for (int i = 0; i < Migrations.SCRIPT_FILES.size(); i++) {
            assertThat(Migrations.SCRIPT_FILES.get(i)).startsWith("V" + (i + 1) + "__");
        }
    }

    @Test
    void migrationVersionsMustRunInOrderWithoutGaps() {
        assertThatThrownBy(() -> new Migrations(new org.h2.jdbcx.JdbcDataSource(), SqlDialect.H2,
                List.of(new MigrationScript(2, "two", "SELECT 1"))))
                .hasMessageContaining("position 1 holds V2 (two)");
    }
}
