package org.pacekpi.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pacekpi.api.dto.ExcludedActivity;

class WhyCommandTest {

    private final FakeKpis kpis = new FakeKpis();
    private final Output output = new Output();

    @BeforeEach
    void tenExclusionsTwoListed() {
        // scrambled on purpose: the command orders them
        kpis.byReason.put("SHORT_CALL", 1L);
        kpis.byReason.put("A_REASON_FROM_A_NEWER_ENGINE", 4L);
        kpis.byReason.put("DUPLICATE", 2L);
        kpis.byReason.put("COLLEAGUE", 3L);
        kpis.excluded.add(new ExcludedActivity("a-42", Instant.parse("2026-11-20T09:15:00Z"), "CALL", "PHONE",
                "+7 999 123-45-67", "SHORT_CALL", "call of 12 s, shorter than the minimum of 30 s"));
        kpis.excluded.add(new ExcludedActivity("a-41", Instant.parse("2026-11-19T22:30:00Z"), "EMAIL", "EMAIL",
                "boss@ourcompany.example", "COLLEAGUE", "ourcompany.example is one of the company's domains"));
    }

    private WhyCommand command(String managerId) {
        WhyCommand command = new WhyCommand();
        command.kpis = kpis;
        command.directory = new FakeDirectory();
        command.clock = KpisCommandTest.SUNDAY_AFTERNOON_UTC;
        command.out = output.stream;
        command.managerId = managerId;
        return command;
    }

    @Test
    void countsByReasonThenTheNewestExcludedActivities() {
        WhyCommand command = command("m1");
        command.period = "week";
        command.date = "2026-11-18";
        command.execute();

        assertThat(kpis.calls).containsExactly("exclusions m1 2026-11-16..2026-11-22 limit 20");
        List<String> lines = output.lines();
        assertThat(lines.get(0)).isEqualTo("Zoe North (m1), week 2026-11-16 .. 2026-11-22: 10 interactions did not"
                + " count.");
        assertThat(output.row("COLLEAGUE")).contains(List.of("COLLEAGUE", "3", "with a colleague, not a client"));
        assertThat(output.row("DUPLICATE")).contains(List.of("DUPLICATE", "2",
                "repeat: same contact and channel already counted"));
        assertThat(output.row("A_REASON_FROM_A_NEWER_ENGINE")).contains(List.of("A_REASON_FROM_A_NEWER_ENGINE", "4",
                "a reason from a newer engine"));
        // declared order of the reasons, unknown ones last
        assertThat(lines.stream().map(Output::cells).map(cells -> cells.get(0))
                .filter(k -> k.matches("[A-Z_]+") && !k.equals("CALL") && !k.equals("EMAIL")).toList())
                .containsExactly("COLLEAGUE", "DUPLICATE", "SHORT_CALL", "A_REASON_FROM_A_NEWER_ENGINE");

        assertThat(output.text()).contains("The newest 2 of 10, times in Europe/Moscow:");
        // 09:15 UTC is 12:15 in Moscow; 22:30 UTC on the 19th is already the 20th there
        assertThat(output.row("2026-11-20 12:15")).contains(List.of("2026-11-20 12:15", "CALL", "PHONE",
                "+7 999 123-45-67", "SHORT_CALL", "call of 12 s, shorter than the minimum of 30 s", "a-42"));
        assertThat(output.row("2026-11-20 01:30")).hasValueSatisfying(row -> assertThat(row)
                .contains("boss@ourcompany.example", "COLLEAGUE", "a-41"));
    }

    @Test
    void defaultIsThisWeekInTheManagersTimeZoneAndLimitIsPassedOn() {
        WhyCommand boris = command("m3");
        boris.limit = 0;
        boris.execute();
        // Monday in Vladivostok; with --limit 0, the counts only
        assertThat(kpis.calls).containsExactly("exclusions m3 2026-11-23..2026-11-29 limit 0");
        assertThat(output.text()).contains("Boris South (m3), week 2026-11-23 .. 2026-11-29: 10 interactions")
                .doesNotContain("The newest");
        assertThat(output.row("COLLEAGUE")).isPresent();
    }

    @Test
    void aCustomRangeAndAMonth() {
        WhyCommand range = command("m1");
        range.from = "2026-11-01";
        range.to = "2026-11-05";
        range.limit = 1;
        range.execute();
        WhyCommand month = command("m1");
        month.period = "month";
        month.execute();
        assertThat(kpis.calls).containsExactly("exclusions m1 2026-11-01..2026-11-05 limit 1",
                "exclusions m1 2026-11-01..2026-11-30 limit 20");
        assertThat(output.lines().get(0)).isEqualTo("Zoe North (m1), 2026-11-01 .. 2026-11-05: 10 interactions did"
                + " not count.");
        assertThat(output.text()).contains("The newest 1 of 10");
    }

    @Test
    void whenEverythingCountedItSaysSo() {
        kpis.byReason.clear();
        kpis.excluded.clear();
        command("m1").execute();
        assertThat(output.lines()).containsExactly("Zoe North (m1), week 2026-11-16 .. 2026-11-22: every interaction"
                + " counted.");
    }

    @Test
    void badOptionsNameTheOption() {
        WhyCommand negative = command("m1");
        negative.limit = -1;
        assertThatThrownBy(negative::execute).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--limit must not be negative, was -1");
        WhyCommand both = command("m1");
        both.date = "2026-11-18";
        both.to = "2026-11-30";
        assertThatThrownBy(both::execute).hasMessageStartingWith("give either --period");
        assertThat(kpis.calls).isEmpty();
    }
}
