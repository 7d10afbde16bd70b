package org.pacekpi.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a command printed, as lines, and the cells of its table rows. */
final class Output {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Forgets what was printed so far. */
    void clear() {
        bytes.reset();
    }

    List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The cells of the first table row whose first cell is {@code key} (ShellTable separates cells by │ or |). */
    Optional<List<String>> row(String key) {
        return lines().stream().map(Output::cells).filter(cells -> cells.get(0).equals(key)).findFirst();
    }

    /** The cells of the {@code n}th (from 0) table row whose first cell is {@code key}. */
    Optional<List<String>> row(String key, int n) {
        return lines().stream().map(Output::cells).filter(cells -> cells.get(0).equals(key)).skip(n).findFirst();
    }

    static List<String> cells(String line) {
        return Arrays.stream(line.split("[│|]", -1)).map(String::strip).toList();
    }
}
