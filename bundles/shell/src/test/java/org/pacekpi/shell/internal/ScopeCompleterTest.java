package org.pacekpi.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.junit.jupiter.api.Test;

class ScopeCompleterTest {

    private final ScopeCompleter completer = new ScopeCompleter();

    ScopeCompleterTest() {
        completer.directory = new FakeDirectory();
    }

    @Test
    void teamsAndActiveManagers() {
        assertThat(complete("")).containsExactlyInAnyOrder("team:north ", "manager:m1 ", "manager:m3 ",
                "manager:mia ");
        assertThat(complete("team")).containsExactly("team:north ");
        assertThat(complete("manager:mi")).containsExactly("manager:mia ");
        // inactive managers and users without the manager role are no candidates
        assertThat(complete("manager:g")).isEmpty();
        assertThat(complete("manager:h")).isEmpty();
    }

    private List<String> complete(String typed) {
        List<String> candidates = new ArrayList<>();
        String buffer = "pace:derive " + typed;
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
                return new String[] { "pace:derive", typed };
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
