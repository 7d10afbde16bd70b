package org.pacekpi.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.PinnedRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetInput;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.Response;

/**
 * Request bodies as Pace's JSON provider reads them, before any resource or service sees them: the API records as
 * they are, scopes as {@code {"type":"team","id":"north"}}, and every body that is not such a record a 400 whose
 * {@code field} is the path of the offending field.
 */
class RequestBodiesTest {

    private static final String SCOPE = "\"scope\":{\"type\":\"team\",\"id\":\"north\"}";

    private final Http http = new Http();

    @Test
    void aDeriveRequestReadsIntoTheApiRecord() {
        Http.Read<DeriveRequest> read = http.read(DeriveRequest.class, """
                {"scope":{"type":"manager","id":"anna"},"period":"2026-Q1",
                 "goal":{"revenue":{"currency":"EUR","amount":30000.00},"averagePaidDeal":{"currency":"EUR","amount":10000}},
                 "weeksRule":"four-weeks-a-month","method":"SNAPSHOT","windowDays":120,
                 "pinnedRates":[{"from":"proposal","to":"paid","rate":0.333}],"asOf":"2026-01-05"}""");

        assertThat(read.problem()).isNull();
        assertThat(read.value()).isEqualTo(new DeriveRequest(Scope.manager("anna"), "2026-Q1",
                new GoalAmount(null, new Money("EUR", new BigDecimal("30000.00")),
                        new Money("EUR", new BigDecimal("10000"))),
                "four-weeks-a-month", ConversionMethod.SNAPSHOT, 120,
                List.of(new PinnedRate("proposal", "paid", "0.333")), LocalDate.of(2026, 1, 5)));
    }

    @Test
    void aPinnedRateIsAFractionOrADecimalInTextOrANumber() {
        Http.Read<PinnedRate> fraction = http.read(PinnedRate.class, "{\"from\":\"proposal\",\"to\":\"paid\",\"rate\":\"1/3\"}");
        assertThat(fraction.problem()).isNull();
        assertThat(fraction.value()).isEqualTo(new PinnedRate("proposal", "paid", "1/3"));
        Http.Read<PinnedRate> number = http.read(PinnedRate.class, "{\"from\":\"meeting\",\"to\":\"intro\",\"rate\":0.5}");
        assertThat(number.problem()).isNull();
        assertThat(number.value()).isEqualTo(new PinnedRate("meeting", "intro", "0.5"));
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        Http.Read<GoalInput> read = http.read(GoalInput.class,
                "{" + SCOPE + ",\"period\":\"2026-03\",\"goal\":{\"paidDeals\":3}}");
        assertThat(read.problem()).isNull();
        assertThat(read.value()).isEqualTo(new GoalInput(Scope.team("north"), "2026-03", GoalAmount.paidDeals(3),
                null, null, null, List.of(), null));
    }

    @Test
    void writtenAsReadScopesAndMethodsInLowerCaseDatesInIso() {
        JsonNode written = http.json(new DeriveRequest(Scope.team("north"), "2026-03", GoalAmount.paidDeals(3),
                null, ConversionMethod.COHORT, null, null, LocalDate.of(2026, 3, 2)));
        assertThat(written.toString()).isEqualTo("{\"scope\":{\"type\":\"team\",\"id\":\"north\"},\"period\":"
                + "\"2026-03\",\"goal\":{\"paidDeals\":3,\"revenue\":null,\"averagePaidDeal\":null},\"weeksRule\":null,"
                + "\"method\":\"cohort\",\"windowDays\":null,\"pinnedRates\":[],\"asOf\":\"2026-03-02\"}");
        // and what is written reads back the same
        assertThat(http.read(DeriveRequest.class, written.toString()).value().scope()).isEqualTo(Scope.team("north"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            // unknown fields, at the top and deeper down
            "{SCOPE,\"period\":\"2026-03\",\"goal\":{\"paidDeals\":3},\"nmae\":1} | nmae"
                    + " | unknown field 'nmae'; known fields: goal, method, note, period, pinnedRates, scope,"
                    + " weeksRule, windowDays",
            "{SCOPE,\"period\":\"2026-03\",\"goal\":{\"paidDeal\":3}} | goal.paidDeal"
                    + " | unknown field 'paidDeal'; known fields: averagePaidDeal, paidDeals, revenue",
            "{\"scope\":{\"type\":\"team\",\"id\":\"north\",\"name\":\"North\"},\"period\":\"2026-03\"} | scope.name"
                    + " | unknown field 'name'; known fields: id, type",
            // scopes
            "{\"scope\":{\"type\":\"club\",\"id\":\"north\"}} | scope.type | must be team or manager, was \"club\"",
            "{\"scope\":{\"id\":\"north\"}} | scope.type | must be team or manager, was missing",
            "{\"scope\":{\"type\":\"team\",\"id\":\" \"}} | scope.id"
                    + " | is required: the team's or the manager's id, was \" \"",
            "{\"scope\":\"team:north\"} | scope"
                    + " | must be an object {\"type\":\"team\" or \"manager\",\"id\":...}, was team:north",
            // numbers that are not counts
            "{SCOPE,\"goal\":{\"paidDeals\":2.5}} | goal.paidDeals | cannot read 2.5 as a whole number",
            "{SCOPE,\"goal\":{\"paidDeals\":\"three\"}} | goal.paidDeals | cannot read three as a whole number",
            "{SCOPE,\"pinnedRates\":[{\"from\":\"a\",\"to\":\"b\",\"rate\":0.5},{\"rate\":[1,3]}]}"
                    + " | pinnedRates[1].rate | must be a string",
            "{SCOPE,\"method\":\"best\"} | method | must be cohort or snapshot, was \"best\"",
            "{SCOPE,\"method\":3} | method | must be cohort or snapshot, was 3",
            "{SCOPE,\"windowDays\":[90]} | windowDays | must be a whole number" })
    void badGoalBodiesAre400NamingTheField(String json, String field, String reason) {
        Response problem = http.read(GoalInput.class, json.replace("SCOPE", SCOPE)).problem();
        assertBadBody(problem, field, reason);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{SCOPE,\"asOf\":\"2026-13-01\"} | asOf | cannot read 2026-13-01 as a date YYYY-MM-DD",
            "{SCOPE,\"goal\":{\"revenue\":{\"currency\":\"EUR\",\"amount\":\"lots\"}}} | goal.revenue.amount"
                    + " | cannot read lots as a number" })
    void badDeriveBodiesAre400NamingTheField(String json, String field, String reason) {
        assertBadBody(http.read(DeriveRequest.class, json.replace("SCOPE", SCOPE)).problem(), field, reason);
    }

    @Test
    void aTargetWithoutItsValueIsNotATargetOfZero() {
        Response problem = http.read(TargetInput.class,
                "{" + SCOPE + ",\"metric\":\"touches\",\"period\":\"2026-03\"}").problem();
        assertBadBody(problem, "value", "is required (a whole number)");
        assertBadBody(http.read(TargetInput.class,
                "{" + SCOPE + ",\"metric\":\"touches\",\"period\":\"2026-03\",\"value\":null}").problem(), "value",
                "is required (a whole number)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"scope\": | request body is not valid: not JSON: Unexpected end-of-input",
            "{\"period\":\"2026-03\"} {} | request body is not valid: the body must be one JSON value, and more follows it (line 1,"
                    + " column 22)",
            "[1,2] | request body is not valid: must be a JSON object (line 1, column 1)" })
    void whatIsNotOneJsonObjectIs400WithoutAField(String json, String detail) {
        Response problem = http.read(GoalInput.class, json).problem();
        assertThat(problem).isNotNull();
        assertThat(problem.getStatus()).isEqualTo(400);
        JsonNode body = http.body(problem);
        assertThat(body.get("detail").asText()).startsWith(detail);
        assertThat(body.has("field")).isFalse();
    }

    @Test
    void anEmptyBodyReachesTheResourceAsNothing() {
        // the resource then answers 400 on field "body" (GoalsResourceTest)
        Http.Read<GoalInput> read = http.read(GoalInput.class, "");
        assertThat(read.problem()).isNull();
        assertThat(read.value()).isNull();
    }

    private void assertBadBody(Response problem, String field, String reason) {
        assertThat(problem).as("a problem").isNotNull();
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        JsonNode body = http.body(problem);
        assertThat(body.get("field").asText()).isEqualTo(field);
        assertThat(body.get("detail").asText()).isEqualTo("request body is not valid: " + field + ": " + reason);
    }
}
