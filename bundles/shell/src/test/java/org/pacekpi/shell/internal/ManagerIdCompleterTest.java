package org.pacekpi.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;

class ManagerIdCompleterTest {

    private final ManagerIdCompleter completer = new ManagerIdCompleter();

    ManagerIdCompleterTest() {
        completer.directory = new FakeDirectory();
    }

    @Test
    void completesActiveManagersOnly() {
        assertThat(complete("")).containsExactly("m1 ", "m3 ", "mia ");
        assertThat(complete("m")).containsExactly("m1 ", "m3 ", "mia ");
        assertThat(complete("mi")).containsExactly("mia ");
        // inactive managers, heads without the manager role and admins are no candidates
        assertThat(complete("g")).isEmpty();
        assertThat(complete("h")).isEmpty();
        assertThat(complete("r")).isEmpty();
    }

    private List<String> complete(String typed) {
        List<String> candidates = new ArrayList<>();
        String buffer = "pace:kpis " + typed;
        completer.complete(null, new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 1;
            }

            @Override
            public String getCursorArgument() {
                return typed;
            }

            @Override
            public int getArgumentPosition() {
                return typed.length();
            }

            @Override
            public String[] getArguments() {
                return new String[] { "pace:kpis", typed };
            }

            @Override
            public int getBufferPosition() {
                return buffer.length();
            }

            @Override
            public String getBuffer() {
                return buffer;
            }
        }, candidates);
        return candidates;
    }
}
