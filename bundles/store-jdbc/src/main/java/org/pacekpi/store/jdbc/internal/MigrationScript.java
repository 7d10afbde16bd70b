package org.pacekpi.store.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned SQL migration: {@code V<version>__<description>.sql}, its statements and its checksum. Once
 * released a script never changes (the checksum recorded in the database catches an edit); a change to the schema
 * is a new script with the next version.
 *
 * @param version     the version, from 1, without gaps
 * @param description what it does, from the file name ({@code activity_log} becomes {@code activity log})
 * @param sql         the script text
 */
public record MigrationScript(int version, String description, String sql) {

    private static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__([A-Za-z0-9_]+)\\.sql");

    /** Checks the fields. */
    public MigrationScript {
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be at least 1, was " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
    }

    /** {@code V1 (activity log)}: how messages name this script. */
    public String label() {
        return "V" + version + " (" + description + ")";
    }

    /**
     * SHA-256 of the text, hex. Line endings are normalised first so that a checkout with CRLF line endings does not
     * look like an edited script.
     */
    public String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(sql.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The statements of the script, in order. */
    public List<String> statements() {
        return splitStatements(sql);
    }

    /**
     * Reads a script from this bundle: the dialect's own folder first, then {@code common} (for SQL both databases
     * accept). Resources are named in code rather than discovered because a bundle's class loader cannot list a
     * folder portably.
     */
    static MigrationScript load(SqlDialect dialect, String fileName) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("migration file name must look like V1__what_it_does.sql, was " + fileName);
        }
        String base = "/org/pacekpi/store/jdbc/migration/";
        String[] candidates = {base + dialect.migrationFolder() + "/" + fileName, base + "common/" + fileName};
        for (String resource : candidates) {
            try (InputStream in = MigrationScript.class.getResourceAsStream(resource)) {
                if (in != null) {
                    return new MigrationScript(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + resource, e);
            }
        }
        throw new IllegalStateException("migration " + fileName + " is missing from the bundle: looked for "
                + String.join(" and ", candidates));
    }

    /**
     * Splits SQL text at semicolons outside quotes and comments, dropping comments and empty statements. Enough for
     * our DDL; dollar-quoted PostgreSQL bodies are not supported (no script needs them).
     */
    static List<String> splitStatements(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated /* comment in migration script");
                }
                current.append(' ');
                i = end + 2;
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (true) {
                    if (end >= n) {
                        throw new IllegalArgumentException("unterminated " + c + " quote in migration script");
                    }
                    if (text.charAt(end) == c) {
                        if (end + 1 < n && text.charAt(end + 1) == c) {
                            end += 2; // doubled quote: an escaped quote inside the literal
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                current.append(text, i, end + 1);
                i = end + 1;
            } else if (c == ';') {
                addStatement(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        addStatement(statements, current);
        return List.copyOf(statements);
    }

    private static void addStatement(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
