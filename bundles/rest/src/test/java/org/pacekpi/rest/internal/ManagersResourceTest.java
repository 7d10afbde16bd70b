package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.KpiService;
import org.pacekpi.api.Metrics;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.api.dto.MetricValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ManagersResourceTest {

    /** Sunday 2026-11-22 15:30 UTC: still Sunday evening in Moscow, already Monday 01:30 in Vladivostok. */
    private static final Clock SUNDAY_AFTERNOON_UTC = Clock.fixed(Instant.parse("2026-11-22T15:30:00Z"),
            ZoneOffset.UTC);

    private final RecordingKpis kpis = new RecordingKpis();
    private final ManagersResource resource = new ManagersResource(kpis, FakeDirectory.sales(), new FakeIdentity(),
            SUNDAY_AFTERNOON_UTC);
    private final ObjectMapper json = PaceJson.newMapper();

    @Test
    void kpisAsJsonHaveMetricsKeyedByIdAndIsoDates() throws Exception {
        KpiView view = resource.kpis("m1", "week", "2026-11-18", FakeHeaders.session("session-m1"));

        JsonNode tree = json.readTree(json.writeValueAsString(view));
        assertThat(tree.get("managerId").asText()).isEqualTo("m1");
        assertThat(tree.get("period").asText()).isEqualTo("week");
        assertThat(tree.get("from").asText()).isEqualTo("2026-11-16");
        assertThat(tree.get("to").asText()).isEqualTo("2026-11-22");
        assertThat(tree.get("timeZone").asText()).isEqualTo("Europe/Moscow");
        assertThat(tree.get("metrics").isObject()).isTrue();
        assertThat(tree.get("metrics").get(Metrics.TOUCHES).isIntegralNumber()).isTrue();
        assertThat(tree.get("metrics").get(Metrics.TOUCHES).asLong()).isEqualTo(kpis.touches);
        assertThat(kpis.calls).containsExactly("m1 WEEK 2026-11-18");
    }

    @Test
    void dateDefaultsToTodayInTheManagersTimeZone() {
        resource.kpis("m1", "month", null, FakeHeaders.session("session-m1"));
        resource.kpis("m3", "day", "", FakeHeaders.basic("m3", "demo"));
        // m1 counts in Moscow (Sunday), m3 in Vladivostok (Monday)
        assertThat(kpis.calls).containsExactly("m1 MONTH 2026-11-22", "m3 DAY 2026-11-23");
    }

    @Test
    void badQueryParametersAreIllegalArgumentsNamingTheParameter() {
        var me = FakeHeaders.session("session-m1");
        assertThatThrownBy(() -> resource.kpis("m1", "year", null, me)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period must be one of day, week, month; was 'year'");
        assertThatThrownBy(() -> resource.kpis("m1", null, null, me)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("period is required");
        assertThatThrownBy(() -> resource.kpis("m1", "week", "2026-13-01", me))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("date must be YYYY-MM-DD, was '2026-13-01'");
        assertThatThrownBy(() -> resource.kpis("m1", "week", "garbage", me))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("date must be YYYY-MM-DD");
        assertThat(kpis.calls).isEmpty();
    }

    @Test
    void authorisationComesBeforeTheKpiService() {
        assertThatThrownBy(() -> resource.kpis("m1", "week", null, FakeHeaders.none()))
                .isInstanceOf(NotSignedInException.class);
        assertThatThrownBy(() -> resource.kpis("m1", "week", null, FakeHeaders.basic("m1", "wrong")))
                .isInstanceOf(NotSignedInException.class);
        assertThatThrownBy(() -> resource.kpis("m2", "week", null, FakeHeaders.session("session-m1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.kpis("m3", "week", null, FakeHeaders.basic("hedda", "demo")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resource.kpis("nosuch", "week", null, FakeHeaders.basic("root", "demo")))
                .isInstanceOf(org.pacekpi.api.NotFoundException.class);
        assertThat(kpis.calls).isEmpty();

        resource.kpis("m2", "week", "2026-11-18", FakeHeaders.basic("hedda", "demo"));
        assertThat(kpis.calls).containsExactly("m2 WEEK 2026-11-18");
    }

    @Test
    void managersAreTheVisibleOnesAsViews() throws Exception {
        List<ManagerView> managers = resource.managers(FakeHeaders.basic("hedda", "demo"));
        assertThat(managers).containsExactly(new ManagerView("m2", "Anna North", "north", "Europe/Moscow"),
                new ManagerView("m1", "Zoe North", "north", "Europe/Moscow"));

        JsonNode first = json.readTree(json.writeValueAsString(managers)).get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "displayName", "teamId", "timeZone");

        assertThatThrownBy(() -> resource.managers(FakeHeaders.none())).isInstanceOf(NotSignedInException.class);
    }

    /** Answers a fixed number of touches for the real week or month around the date, and records each call. */
    private static final class RecordingKpis implements KpiService {
        final long touches = 12;
        final List<String> calls = new ArrayList<>();

        @Override
        public KpiReport managerKpis(String managerId, PeriodType period, LocalDate date) {
            calls.add(managerId + " " + period + " " + date);
            LocalDate from = switch (period) {
                case DAY -> date;
                case WEEK -> date.minusDays(date.getDayOfWeek().getValue() - 1L);
                case MONTH -> date.withDayOfMonth(1);
            };
            LocalDate to = switch (period) {
                case DAY -> date;
                case WEEK -> from.plusDays(6);
                case MONTH -> date.withDayOfMonth(date.lengthOfMonth());
            };
            return new KpiReport(managerId, period.id(), from, to, "Europe/Moscow",
                    List.of(new MetricValue(Metrics.TOUCHES, touches)));
        }
    }
}
