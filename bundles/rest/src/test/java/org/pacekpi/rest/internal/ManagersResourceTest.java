package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pacekpi.api.Metrics;
import org.pacekpi.api.NotFoundException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ManagersResourceTest {

    /** Sunday 2026-11-22 15:30 UTC: still Sunday evening in Moscow, already Monday 01:30 in Vladivostok. */
    static final Clock SUNDAY_AFTERNOON_UTC = Clock.fixed(Instant.parse("2026-11-22T15:30:00Z"), ZoneOffset.UTC);

    private final FakeKpis kpis = new FakeKpis();
    private final ManagersResource resource = new ManagersResource(kpis, FakeDirectory.sales(), new FakeIdentity(),
            SUNDAY_AFTERNOON_UTC);
    private final ObjectMapper json = PaceJson.newMapper();
    private final FakeHeaders m1 = FakeHeaders.session("session-m1");

    private JsonNode asJson(Object view) throws Exception {
        return json.readTree(json.writeValueAsString(view));
    }

    /** Calls the resource with period/date or from/to, as the query string would. */
    private KpiView kpis(String managerId, String period, String date, String from, String to, FakeHeaders h) {
        return resource.kpis(managerId, period, date, from, to, h);
    }

    @Nested
    class Kpis {

        @Test
        void asJsonWithMetricsKeyedByIdWorkingDaysAndRevenue() throws Exception {
            KpiView view = kpis("m1", "week", "2026-11-18", null, null, m1);
            JsonNode tree = asJson(view);

            assertThat(tree.fieldNames()).toIterable().containsExactly("managerId", "period", "from", "to",
                    "timeZone", "workingDays", "metrics", "revenue");
            assertThat(tree.get("managerId").asText()).isEqualTo("m1");
            assertThat(tree.get("period").asText()).isEqualTo("week");
            assertThat(tree.get("from").asText()).isEqualTo("2026-11-16");
            assertThat(tree.get("to").asText()).isEqualTo("2026-11-22");
            assertThat(tree.get("timeZone").asText()).isEqualTo("Europe/Moscow");
            JsonNode workingDays = tree.get("workingDays");
            assertThat(workingDays.fieldNames()).toIterable()
                    .containsExactly("total", "elapsed", "remaining", "asOf");
            assertThat(workingDays.get("total").asInt()).isEqualTo(5);
            assertThat(workingDays.get("asOf").asText()).isEqualTo("2026-11-18");
            assertThat(tree.get("metrics").isObject()).isTrue();
            assertThat(tree.get("metrics").get(Metrics.TOUCHES).isIntegralNumber()).isTrue();
            assertThat(tree.get("metrics").get(Metrics.TOUCHES).asLong()).isEqualTo(FakeKpis.TOUCHES);
            assertThat(tree.get("metrics").get(Metrics.FIRST_CONTACTS).asLong()).isEqualTo(FakeKpis.FIRST_CONTACTS);
            assertThat(tree.get("revenue").get(0).get("currency").asText()).isEqualTo("EUR");
            assertThat(tree.get("revenue").get(0).get("amount").isNumber()).isTrue();
            // the amount as the engine has it, 1250.50, written as a plain decimal number
            assertThat(json.writeValueAsString(view)).contains("\"revenue\":[{\"currency\":\"EUR\",\"amount\":1250.50}]");
            assertThat(kpis.calls).containsExactly("kpis m1 WEEK 2026-11-18");
        }

        @Test
        void withATargetServiceThePeriodsKpisCarryPacing() throws Exception {
            FakeTargets targets = new FakeTargets();
            resource.targets = targets;

            JsonNode tree = asJson(kpis("m1", "week", "2026-11-18", null, null, m1));
            assertThat(tree.fieldNames()).toIterable().containsExactly("managerId", "period", "from", "to",
                    "timeZone", "workingDays", "metrics", "revenue", "pacing");
            JsonNode pace = tree.get("pacing").get(0);
            assertThat(pace.get("scope").toString()).isEqualTo("{\"type\":\"manager\",\"id\":\"m1\"}");
            assertThat(pace.get("metric").asText()).isEqualTo("meetingsHeld");
            assertThat(pace.get("target").asLong()).isEqualTo(18);
            assertThat(pace.get("actual").asLong()).isEqualTo(12);
            assertThat(pace.get("expectedToDate").asLong()).isEqualTo(10);
            assertThat(pace.get("difference").asLong()).isEqualTo(2);
            assertThat(pace.get("status").asText()).isEqualTo("ahead");
            assertThat(pace.get("neededPerWorkingDay").get("fraction").asText()).isEqualTo("6/11");
            // the metrics stay as they were
            assertThat(tree.get("metrics").get(Metrics.TOUCHES).asLong()).isEqualTo(FakeKpis.TOUCHES);

            // today in the manager's time zone when no date is given; none for a custom range or a series
            kpis("m3", "month", null, null, null, FakeHeaders.basic("root", "demo"));
            assertThat(asJson(kpis("m1", null, null, "2026-11-01", "2026-11-30", m1)).has("pacing")).isFalse();
            assertThat(asJson(resource.series("m1", "week", "2026-11-01", "2026-11-30", m1)).get("points").get(0)
                    .has("pacing")).isFalse();
            assertThat(targets.calls).containsExactly("managerPacing m1 2026-11-18", "managerPacing m3 2026-11-23");

            // the target service gone, the KPIs answer as before
            resource.targets = null;
            assertThat(asJson(kpis("m1", "week", "2026-11-18", null, null, m1)).has("pacing")).isFalse();
        }

        @Test
        void noTargetsIsAnEmptyPacingList() throws Exception {
            FakeTargets targets = new FakeTargets();
            targets.pacing = List.of();
            resource.targets = targets;
            assertThat(asJson(kpis("m1", "week", "2026-11-18", null, null, m1)).get("pacing").toString())
                    .isEqualTo("[]");
        }

        @Test
        void quarterAndCustomRange() throws Exception {
            assertThat(asJson(kpis("m1", "Quarter", "2026-11-18", null, null, m1)).get("from").asText())
                    .isEqualTo("2026-10-01");
            JsonNode custom = asJson(kpis("m1", null, null, "2026-11-03", "2026-11-17", m1));
            assertThat(custom.get("period").asText()).isEqualTo("custom");
            assertThat(custom.get("from").asText()).isEqualTo("2026-11-03");
            assertThat(custom.get("to").asText()).isEqualTo("2026-11-17");
            // a one-day range and the longest one pass
            kpis("m1", "", "", "2026-11-03", "2026-11-03", m1);
            kpis("m1", null, null, "2024-01-01", "2026-12-31", m1);
            assertThat(kpis.calls).containsExactly("kpis m1 QUARTER 2026-11-18", "kpis m1 2026-11-03..2026-11-17",
                    "kpis m1 2026-11-03..2026-11-03", "kpis m1 2024-01-01..2026-12-31");
        }

        @Test
        void dateDefaultsToTodayInTheManagersTimeZone() {
            kpis("m1", "month", null, null, null, m1);
            kpis("m3", "day", "", null, null, FakeHeaders.basic("m3", "demo"));
            // m1 counts in Moscow (Sunday), m3 in Vladivostok (Monday)
            assertThat(kpis.calls).containsExactly("kpis m1 MONTH 2026-11-22", "kpis m3 DAY 2026-11-23");
        }

        @ParameterizedTest(name = "period={0} date={1} from={2} to={3}: {4}")
        @CsvSource(delimiter = '|', nullValues = "-", value = {
                "year  | -          | -          | -          | period must be one of day, week, month, quarter; was 'year'",
                "-     | -          | -          | -          | period is required: one of day, week, month, quarter; or from and to (YYYY-MM-DD) for a custom range",
                "-     | 2026-11-18 | -          | -          | period is required: one of day, week, month, quarter; or from and to (YYYY-MM-DD) for a custom range",
                "week  | 2026-13-01 | -          | -          | date must be YYYY-MM-DD, was '2026-13-01'",
                "week  | garbage    | -          | -          | date must be YYYY-MM-DD, was 'garbage'",
                "week  | -          | 2026-11-01 | 2026-11-30 | give either period (with an optional date) or from and to, not both; this request has period, from, to",
                "month | -          | -          | 2026-11-30 | give either period (with an optional date) or from and to, not both; this request has period, to",
                "-     | -          | 2026-11-01 | -          | from and to (YYYY-MM-DD) go together: to is missing",
                "-     | -          | -          | 2026-11-01 | from and to (YYYY-MM-DD) go together: from is missing",
                "-     | 2026-11-18 | 2026-11-01 | 2026-11-30 | date goes with period; a custom range is from and to only, was date '2026-11-18'",
                "-     | -          | 2026-11-30 | 2026-11-01 | from 2026-11-30 is after to 2026-11-01",
                "-     | -          | 2026-11-01 | 30.11.2026 | to must be YYYY-MM-DD, was '30.11.2026'",
                "-     | -          | 2026-02-30 | 2026-03-01 | from must be YYYY-MM-DD, was '2026-02-30'",
                "-     | -          | 2023-12-31 | 2026-12-31 | from 2023-12-31 to 2026-12-31 spans 1097 days; a custom range may span at most 1096 days" })
        void badParametersAreIllegalArgumentsNamingTheParameter(String period, String date, String from, String to,
                                                                 String message) {
            assertThatThrownBy(() -> kpis("m1", period, date, from, to, m1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
            assertThat(kpis.calls).isEmpty();
        }
    }

    @Nested
    class Series {

        @Test
        void weeklyOverAQuarter() throws Exception {
            JsonNode tree = asJson(resource.series("m1", "week", "2026-10-01", "2026-12-31", m1));

            assertThat(tree.fieldNames()).toIterable().containsExactly("managerId", "step", "from", "to", "points");
            assertThat(tree.get("managerId").asText()).isEqualTo("m1");
            assertThat(tree.get("step").asText()).isEqualTo("week");
            JsonNode points = tree.get("points");
            // the week of Thu 1 October (from Mon 28 September) to the week of Thu 31 December
            assertThat(points).hasSize(14);
            assertThat(points.get(0).get("from").asText()).isEqualTo("2026-09-28");
            assertThat(points.get(13).get("to").asText()).isEqualTo("2027-01-03");
            assertThat(points.get(0).get("metrics").get(Metrics.TOUCHES).asLong()).isEqualTo(FakeKpis.TOUCHES);
            assertThat(points.get(0).get("workingDays").get("total").asInt()).isEqualTo(5);
            assertThat(kpis.calls).containsExactly("series m1 WEEK 2026-10-01..2026-12-31");
        }

        @Test
        void atMost400Points() {
            // 400 days is the most a daily series may cover; 400 weeks likewise
            resource.series("m1", "day", "2026-01-01", "2027-02-04", m1);
            resource.series("m1", "week", "2020-01-01", "2027-08-24", m1);
            assertThat(kpis.calls).hasSize(2);
            kpis.calls.clear();

            assertThatThrownBy(() -> resource.series("m1", "day", "2026-01-01", "2027-02-05", m1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("from 2026-01-01 to 2027-02-05 is 401 days; a series has at most 400 points:"
                            + " narrow from and to, or use a longer step");
            assertThatThrownBy(() -> resource.series("m1", "week", "2020-01-01", "2027-09-30", m1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is 405 weeks");
            assertThat(kpis.calls).isEmpty();
        }

        @ParameterizedTest(name = "step={0} from={1} to={2}: {3}")
        @CsvSource(delimiter = '|', nullValues = "-", value = {
                "-      | 2026-10-01 | 2026-12-31 | step is required: one of day, week, month, quarter",
                "yearly | 2026-10-01 | 2026-12-31 | step must be one of day, week, month, quarter; was 'yearly'",
                "week   | -          | 2026-12-31 | from and to (YYYY-MM-DD) go together: from is missing",
                "week   | -          | -          | from and to (YYYY-MM-DD) go together: from and to are missing",
                "week   | 2026-12-31 | 2026-10-01 | from 2026-12-31 is after to 2026-10-01",
                "month  | 2026-10    | 2026-12-31 | from must be YYYY-MM-DD, was '2026-10'" })
        void badParameters(String step, String from, String to, String message) {
            assertThatThrownBy(() -> resource.series("m1", step, from, to, m1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
            assertThat(kpis.calls).isEmpty();
        }
    }

    @Nested
    class Exclusions {

        @Test
        void ofAWeekAsJsonWithCountsByReasonInTheReasonsOrder() throws Exception {
            JsonNode tree = asJson(resource.exclusions("m1", "week", "2026-11-18", null, null, null, m1));

            assertThat(tree.fieldNames()).toIterable().containsExactly("managerId", "from", "to", "total",
                    "byReason", "activities");
            assertThat(tree.get("from").asText()).isEqualTo("2026-11-16");
            assertThat(tree.get("to").asText()).isEqualTo("2026-11-22");
            assertThat(tree.get("total").asLong()).isEqualTo(10);
            // declared order of ExclusionReason (COLLEAGUE, DUPLICATE, SHORT_CALL...), unknown reasons last
            assertThat(tree.get("byReason").fieldNames()).toIterable()
                    .containsExactly("COLLEAGUE", "DUPLICATE", "SHORT_CALL", "A_REASON_FROM_A_NEWER_ENGINE");
            assertThat(tree.get("byReason").get("COLLEAGUE").asLong()).isEqualTo(3);
            JsonNode first = tree.get("activities").get(0);
            assertThat(first.fieldNames()).toIterable().containsExactly("activityId", "occurredAt", "kind",
                    "channel", "counterpart", "reason", "explanation");
            assertThat(first.get("occurredAt").asText()).isEqualTo("2026-11-20T09:15:00Z");
            assertThat(first.get("explanation").asText()).isEqualTo("call of 12 s, shorter than the minimum of 30 s");
            // the week's days, and 100 activities at most by default
            assertThat(kpis.calls).containsExactly("exclusions m1 2026-11-16..2026-11-22 limit 100");
        }

        @Test
        void periodsAndRangesBecomeDays() {
            resource.exclusions("m1", "quarter", "2026-11-18", null, null, "0", m1);
            resource.exclusions("m1", "month", null, null, null, "1000", m1);
            resource.exclusions("m3", "day", null, null, null, null, FakeHeaders.basic("m3", "demo"));
            resource.exclusions("m1", null, null, "2026-11-03", "2026-11-05", " 7 ", m1);
            assertThat(kpis.calls).containsExactly("exclusions m1 2026-10-01..2026-12-31 limit 0",
                    "exclusions m1 2026-11-01..2026-11-30 limit 1000",
                    // today in Vladivostok
                    "exclusions m3 2026-11-23..2026-11-23 limit 100",
                    "exclusions m1 2026-11-03..2026-11-05 limit 7");
        }

        @ParameterizedTest(name = "limit={0}")
        @CsvSource({ "-1", "1001", "ten", "2.5", "99999999999" })
        void limitIsAWholeNumberFrom0To1000(String limit) {
            assertThatThrownBy(() -> resource.exclusions("m1", "week", null, null, null, limit, m1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit must be a whole number from 0 to 1000, was '" + limit + "'");
            assertThat(kpis.calls).isEmpty();
        }

        @Test
        void rangeRulesAreThoseOfTheKpis() {
            assertThatThrownBy(() -> resource.exclusions("m1", "week", null, "2026-11-01", null, null, m1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("give either period");
            assertThatThrownBy(() -> resource.exclusions("m1", "fortnight", null, null, null, null, m1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("period must be one of");
            assertThat(kpis.calls).isEmpty();
        }
    }

    /** Every endpoint of a manager: 401, 404, 403 before the parameters are looked at and before the service. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ "kpis", "series", "exclusions" })
    void authorisationComesBeforeParametersAndTheKpiService(String endpoint) throws Throwable {
        assertThatThrownBy(call(endpoint, "m1", FakeHeaders.none())).isInstanceOf(NotSignedInException.class);
        assertThatThrownBy(call(endpoint, "m1", FakeHeaders.basic("m1", "wrong")))
                .isInstanceOf(NotSignedInException.class);
        assertThatThrownBy(call(endpoint, "m2", m1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(call(endpoint, "m3", FakeHeaders.basic("hedda", "demo")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(call(endpoint, "nosuch", FakeHeaders.basic("root", "demo")))
                .isInstanceOf(NotFoundException.class);
        // a manager of a team they do not head, even with bad parameters: 403, not 400
        assertThatThrownBy(badCall(endpoint, "m3", FakeHeaders.basic("hedda", "demo")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(kpis.calls).isEmpty();

        assertThatThrownBy(badCall(endpoint, "m2", FakeHeaders.basic("hedda", "demo")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(kpis.calls).isEmpty();
        call(endpoint, "m2", FakeHeaders.basic("hedda", "demo")).call();
        call(endpoint, "m3", FakeHeaders.basic("root", "demo")).call();
        call(endpoint, "m1", m1).call();
        assertThat(kpis.calls).hasSize(3).allMatch(c -> c.contains(" m2 ") || c.contains(" m3 ")
                || c.contains(" m1 "));
    }

    private ThrowingCallable call(String endpoint, String managerId, FakeHeaders headers) {
        return switch (endpoint) {
            case "kpis" -> () -> resource.kpis(managerId, "week", null, null, null, headers);
            case "series" -> () -> resource.series(managerId, "week", "2026-10-01", "2026-12-31", headers);
            case "exclusions" -> () -> resource.exclusions(managerId, "week", null, null, null, null, headers);
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private ThrowingCallable badCall(String endpoint, String managerId, FakeHeaders headers) {
        return switch (endpoint) {
            case "kpis" -> () -> resource.kpis(managerId, "year", null, null, null, headers);
            case "series" -> () -> resource.series(managerId, "week", "2026-12-31", "2026-10-01", headers);
            case "exclusions" -> () -> resource.exclusions(managerId, "week", null, null, null, "-5", headers);
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    @Test
    void managersAreTheVisibleOnesAsViews() throws Exception {
        List<ManagerView> managers = resource.managers(FakeHeaders.basic("hedda", "demo"));
        assertThat(managers).containsExactly(new ManagerView("m2", "Anna North", "north", "Europe/Moscow"),
                new ManagerView("m1", "Zoe North", "north", "Europe/Moscow"));

        JsonNode first = asJson(managers).get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "displayName", "teamId", "timeZone");

        assertThatThrownBy(() -> resource.managers(FakeHeaders.none())).isInstanceOf(NotSignedInException.class);
    }
}
