package org.pacekpi.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;

class KpisCommandTest {

    /** Sunday 2026-11-22 15:30 UTC: still Sunday in Moscow, already Monday in Vladivostok. */
    static final Clock SUNDAY_AFTERNOON_UTC = Clock.fixed(Instant.parse("2026-11-22T15:30:00Z"), ZoneOffset.UTC);

    private final FakeKpis kpis = new FakeKpis();
    private final Output output = new Output();

    private KpisCommand command(String managerId) {
        KpisCommand command = new KpisCommand();
        command.kpis = kpis;
        command.directory = new FakeDirectory();
        command.clock = SUNDAY_AFTERNOON_UTC;
        command.out = output.stream;
        command.managerId = managerId;
        return command;
    }

    @Test
    void aTableOfMetricsWithWorkingDaysAndRevenue() {
        KpisCommand command = command("m1");
        command.period = "week";
        command.date = "2026-11-18";
        assertThat(command.execute()).isNull();

        assertThat(kpis.calls).containsExactly("kpis m1 WEEK 2026-11-18");
        List<String> lines = output.lines();
        assertThat(lines.get(0)).isEqualTo("Zoe North (m1): week 2026-11-18 .. 2026-11-18 (Europe/Moscow)");
        assertThat(lines.get(1)).isEqualTo("Working days: 5 in the period, 2 elapsed, 3 left as of 2026-11-18");
        assertThat(output.row("Metric")).contains(List.of("Metric", "Value", "What it counts"));
        assertThat(output.row("touches")).contains(List.of("touches", "12", "client touches, any channel"));
        assertThat(output.row("touches:phone")).contains(List.of("touches:phone", "9", "client touches by phone"));
        assertThat(output.row("callAttempts")).contains(List.of("callAttempts", "14",
                "calls to clients, connected or not"));
        assertThat(output.row("firstContacts")).hasValueSatisfying(row -> assertThat(row.get(1)).isEqualTo("3"));
        assertThat(output.row("EUR")).contains(List.of("EUR", "1250.50"));
        assertThat(output.row("RUB")).contains(List.of("RUB", "90000"));
        // metrics in the report's order, then revenue
        assertThat(lines.indexOf(lines.stream().filter(l -> l.startsWith("callAttempts")).findFirst().orElseThrow()))
                .isLessThan(lines.indexOf(lines.stream().filter(l -> l.startsWith("touches ")).findFirst()
                        .orElseThrow()));
    }

    @Test
    void thisWeekInTheManagersTimeZoneByDefault() {
        command("m1").execute();
        command("m3").execute();
        command("m1").period = "quarter";
        KpisCommand quarter = command("m1");
        quarter.period = "Quarter";
        quarter.execute();
        // Moscow is still on Sunday, Vladivostok already on Monday
        assertThat(kpis.calls).containsExactly("kpis m1 WEEK 2026-11-22", "kpis m3 WEEK 2026-11-23",
                "kpis m1 QUARTER 2026-11-22");
    }

    @Test
    void aCustomRange() {
        KpisCommand command = command("m1");
        command.from = "2026-11-01";
        command.to = "2026-11-30";
        command.execute();
        assertThat(kpis.calls).containsExactly("kpis m1 2026-11-01..2026-11-30");
        assertThat(output.lines().get(0)).isEqualTo("Zoe North (m1): custom 2026-11-01 .. 2026-11-30 (Europe/Moscow)");
    }

    @Test
    void nothingCountedAndNoWorkingDaysAreSaid() {
        kpis.metrics = List.of();
        kpis.revenue = List.of();
        kpis.workingDays = null;
        command("m1").execute();
        assertThat(output.text()).contains("Working days: not reported").contains("no activity counted")
                .contains("Revenue: none");
    }

    @Test
    void badOptionsNameTheOption() {
        KpisCommand both = command("m1");
        both.period = "month";
        both.from = "2026-11-01";
        both.to = "2026-11-30";
        assertThatThrownBy(both::execute).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give either --period (with an optional --date) or --from and --to, not both");

        KpisCommand half = command("m1");
        half.from = "2026-11-01";
        assertThatThrownBy(half::execute).hasMessage("--from and --to go together: --to is missing");

        KpisCommand year = command("m1");
        year.period = "year";
        assertThatThrownBy(year::execute).hasMessage("--period must be one of day, week, month, quarter; was 'year'");

        KpisCommand badDate = command("m1");
        badDate.date = "18.11.2026";
        assertThatThrownBy(badDate::execute).hasMessage("--date must be YYYY-MM-DD, was '18.11.2026'");

        KpisCommand backwards = command("m1");
        backwards.from = "2026-11-30";
        backwards.to = "2026-11-01";
        assertThatThrownBy(backwards::execute).hasMessage("--from 2026-11-30 is after --to 2026-11-01");
        assertThat(kpis.calls).isEmpty();
        assertThat(output.text()).isEmpty();
    }

    @Test
    void anUnknownManagerIsTheServicesAnswer() {
        assertThatThrownBy(command("nosuch")::execute).isInstanceOf(NotFoundException.class)
                .hasMessage("no manager with id 'nosuch'");
    }
}
