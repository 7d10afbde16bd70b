package org.pacekpi.engine.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TransferredDaysTest {

    private static TransferredDays parse(String text) {
        return TransferredDays.parse(new StringReader(text), "test.csv");
    }

    @Test
    void readsLinesWithCommentsAndNotesHoldingCommas() {
        TransferredDays days = parse("""
                # a comment
                country,date,kind,note

                RU,2025-11-01,WORKING,working Saturday, by decree
                ru,2025-11-03,day_off
                """);
        assertThat(days.all()).containsExactly(
                new DayTransfer(HolidayCalendarId.parse("RU"), LocalDate.parse("2025-11-01"), DayTransfer.Kind.WORKING, "working Saturday, by decree"),
                new DayTransfer(HolidayCalendarId.parse("RU"), LocalDate.parse("2025-11-03"), DayTransfer.Kind.DAY_OFF, ""));
    }

    @Test
    void malformedLinesAreNamedByLine() {
        assertThatThrownBy(() -> parse("RU,2025-11-01,WORKING,x")).hasMessageContaining("test.csv line 1").hasMessageContaining("header");
        assertThatThrownBy(() -> parse("country,date,kind,note\nRU,2025-13-01,WORKING,x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2").hasMessageContaining("2025-13-01");
        assertThatThrownBy(() -> parse("country,date,kind,note\nRU,2025-11-01,HOLIDAY,x"))
                .hasMessageContaining("line 2").hasMessageContaining("HOLIDAY");
        assertThatThrownBy(() -> parse("country,date,kind,note\n1U,2025-11-01,WORKING,x")).hasMessageContaining("line 2").hasMessageContaining("1U");
        assertThatThrownBy(() -> parse("country,date,kind,note\nRU,2025-11-01"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> parse("country,date,kind,note\nRU,2025-11-01,WORKING,a\nRU,2025-11-01,DAY_OFF,b"))
                .hasMessageContaining("line 3").hasMessageContaining("second line");
    }

    @Test
    void aSubdivisionGetsItsCountrysTransfersAndItsOwnWin() {
        TransferredDays days = TransferredDays.of(List.of(
                new DayTransfer(HolidayCalendarId.parse("DE"), LocalDate.parse("2026-05-02"), DayTransfer.Kind.WORKING, "country"),
                new DayTransfer(HolidayCalendarId.parse("DE/BY"), LocalDate.parse("2026-05-02"), DayTransfer.Kind.DAY_OFF, "state"),
                new DayTransfer(HolidayCalendarId.parse("DE/BE"), LocalDate.parse("2026-05-04"), DayTransfer.Kind.DAY_OFF, "other state")));
        Map<LocalDate, DayTransfer> bavaria = days.forCalendar(HolidayCalendarId.parse("DE/BY"));
        assertThat(bavaria).containsOnlyKeys(LocalDate.parse("2026-05-02"));
        assertThat(bavaria.get(LocalDate.parse("2026-05-02")).note()).isEqualTo("state");
        assertThat(days.forCalendar(HolidayCalendarId.parse("DE")).get(LocalDate.parse("2026-05-02")).note()).isEqualTo("country");
        assertThat(days.forCalendar(HolidayCalendarId.parse("RU"))).isEmpty();
    }

    @Test
    void theBundledFileHoldsRussia2025And2026WithTheirDecrees() {
        Map<LocalDate, DayTransfer> russia = TransferredDays.bundled().forCalendar(HolidayCalendarId.parse("RU"));
        assertThat(russia.get(LocalDate.parse("2025-11-01")).kind()).isEqualTo(DayTransfer.Kind.WORKING);
        assertThat(russia.get(LocalDate.parse("2025-11-01")).note()).contains("1335");
        assertThat(russia.get(LocalDate.parse("2026-12-31")).kind()).isEqualTo(DayTransfer.Kind.DAY_OFF);
        assertThat(russia.get(LocalDate.parse("2026-12-31")).note()).contains("1466");
        assertThat(russia.values()).allSatisfy(transfer -> assertThat(transfer.note()).isNotBlank());
        assertThat(russia.keySet()).allSatisfy(day -> assertThat(day.getYear()).isBetween(2025, 2026));
        // A Moscow calendar lies within Russia's.
        assertThat(TransferredDays.bundled().forCalendar(HolidayCalendarId.parse("RU/MOW"))).isEqualTo(russia);
    }
}
