package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pacekpi.engine.internal.Activities.NOON;
import static org.pacekpi.engine.internal.Activities.call;
import static org.pacekpi.engine.internal.Activities.email;
import static org.pacekpi.engine.internal.Activities.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.dto.ExcludedActivity;
import org.pacekpi.api.dto.ExclusionReport;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Direction;
import org.pacekpi.host.activity.Outcome;

/** "Why did this not count?": counts by reason, the newest cases, and each reason in words. */
class ExclusionQueryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    private final CountingSettings settings = CountingSettings.of(30, 1, false,
            new String[] {"pace-demo.example"}, new String[0]);
    private final CountingBench bench = new CountingBench(new InMemoryDirectory().manager("ann", "UTC")
            .manager("bob", "UTC").internalContact("colleague"), settings);
    private final ExclusionQuery query = new ExclusionQuery(bench.directory, bench.store,
            new ExclusionExplainer(settings));

    private int minute;

    /** Logs and applies an activity of ann, each one minute later than the previous. */
    private void log(org.pacekpi.host.activity.Activity.Builder activity) {
        bench.apply(bench.create(activity.occurredAt(NOON.plus(Duration.ofMinutes(minute++)))));
    }

    private String explanation(String id) {
        return query.exclusions("ann", DAY, DAY, 100).activities().stream().filter(a -> a.activityId().equals(id))
                .map(ExcludedActivity::explanation).findFirst().orElseThrow();
    }

    @Test
    void everyReasonIsExplainedInWords() {
        log(call("short", "ann", "con-1").duration(Duration.ofSeconds(12)));
        log(email("colleague-mail", "ann", null)
                .counterpart(new Counterpart(null, null, "anna@pace-demo.example", null, "Anna")));
        log(email("colleague-reply", "ann", null).direction(Direction.INBOUND)
                .counterpart(new Counterpart(null, null, "anna@pace-demo.example", null, "Anna")));
        log(call("first", "ann", "con-7"));
        log(call("again", "ann", "con-7"));
        log(call("busy", "ann", "con-2").outcome(Outcome.NO_ANSWER));
        log(meeting("cancelled", "ann", Counterpart.contact("con-3")).outcome(Outcome.NOT_HELD));
        log(meeting("planned", "ann", Counterpart.contact("con-3")).outcome(Outcome.SCHEDULED));
        log(meeting("internal", "ann", Counterpart.contact("colleague"),
                new Counterpart(null, null, "anna@pace-demo.example", null, null)));
        log(email("bounced", "ann", "con-4").outcome(Outcome.FAILED));
        log(call("robot", "ann", "con-5").automated(true));
        log(call("nobody", "ann", null).counterparts(List.of()));
        log(call("inner", "ann", "colleague"));

        assertThat(explanation("short")).isEqualTo("call of 12 s, shorter than the minimum of 30 s");
        assertThat(explanation("colleague-mail")).isEqualTo("e-mail to a colleague (anna@pace-demo.example)");
        assertThat(explanation("colleague-reply")).isEqualTo("e-mail from a colleague (anna@pace-demo.example)");
        assertThat(explanation("again")).isEqualTo("not the first touch with con-7 by phone on 2026-11-25");
        assertThat(explanation("busy")).isEqualTo("call not connected (no answer)");
        assertThat(explanation("cancelled")).isEqualTo("meeting not held (cancelled or did not take place)");
        assertThat(explanation("planned")).isEqualTo("meeting not held (only scheduled)");
        assertThat(explanation("internal"))
                .isEqualTo("meeting with colleagues only (colleague, anna@pace-demo.example)");
        assertThat(explanation("bounced")).isEqualTo("e-mail not delivered (failed)");
        assertThat(explanation("robot")).isEqualTo("call created by automation; automated activities do not count");
        assertThat(explanation("nobody")).isEqualTo("call with no contact, e-mail or phone recorded");
        assertThat(explanation("inner")).isEqualTo("call with a colleague (colleague)");
    }

    @Test
    void duplicateInALongerWindowNamesTheWindow() {
        CountingSettings weekly = new CountingSettings(30, 7, false, java.util.Set.of(), java.util.Set.of());
        CountingBench weeklyBench = new CountingBench(new InMemoryDirectory().manager("ann", "UTC"), weekly);
        LocalDate windowStart = LocalDate.ofEpochDay(Math.floorDiv(DAY.toEpochDay(), 7) * 7);
        java.time.Instant firstDay = windowStart.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
        weeklyBench.apply(weeklyBench.create(call("c1", "ann", "con-7").occurredAt(firstDay)));
        weeklyBench.apply(weeklyBench.create(call("c2", "ann", "con-7").occurredAt(firstDay.plus(Duration.ofDays(6)))));

        ExclusionReport report = new ExclusionQuery(weeklyBench.directory, weeklyBench.store,
                new ExclusionExplainer(weekly)).exclusions("ann", windowStart, windowStart.plusDays(6), 10);

        assertThat(report.activities()).extracting(ExcludedActivity::explanation)
                .containsExactly("not the first touch with con-7 by phone in the 7 days from " + windowStart);
    }

    @Test
    void countsCoverEveryExcludedActivityAndTheListIsNewestFirstUpToTheLimit() {
        log(call("c1", "ann", "con-1").outcome(Outcome.BUSY));
        log(call("c2", "ann", "con-1").outcome(Outcome.NO_ANSWER));
        log(call("c3", "ann", "con-1"));
        log(call("c4", "ann", "con-1"));
        log(call("c5", "ann", "colleague"));
        log(meeting("m1", "ann", Counterpart.contact("con-9")));
        log(Activities.dealEvent("d1", "ann", ActivityKind.DEAL_LOST));
        log(call("other-manager", "bob", "con-1").outcome(Outcome.BUSY));
        bench.apply(bench.create(call("next-day", "ann", "con-1").outcome(Outcome.BUSY)
                .occurredAt(NOON.plus(Duration.ofDays(1)))));

        ExclusionReport report = query.exclusions("ann", DAY, DAY, 2);

        assertThat(report.byReason()).isEqualTo(Map.of("NOT_CONNECTED", 2L, "DUPLICATE", 1L, "COLLEAGUE", 1L));
        assertThat(report.total()).isEqualTo(4);
        assertThat(report.activities()).extracting(ExcludedActivity::activityId).containsExactly("c5", "c4");
        ExcludedActivity duplicate = report.activities().get(1);
        assertThat(duplicate).isEqualTo(new ExcludedActivity("c4", NOON.plus(Duration.ofMinutes(3)), "CALL", "PHONE",
                "con-1", "DUPLICATE", "not the first touch with con-1 by phone on 2026-11-25"));
        assertThat(query.exclusions("ann", DAY, DAY, 0).activities()).isEmpty();
        assertThat(query.exclusions("ann", DAY, DAY, 0).total()).isEqualTo(4);
    }

    @Test
    void aCorrectionThatMakesAnActivityCountRemovesItFromTheExclusions() {
        log(call("c1", "ann", "con-1").outcome(Outcome.BUSY));
        assertThat(query.exclusions("ann", DAY, DAY, 10).total()).isEqualTo(1);

        bench.apply(bench.update("c1", b -> b.outcome(Outcome.CONNECTED)));

        assertThat(query.exclusions("ann", DAY, DAY, 10).total()).isZero();
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> query.exclusions("ann", DAY, DAY, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be between 0 and 1000, was -1");
        assertThatThrownBy(() -> query.exclusions("ann", DAY, DAY, 1001)).hasMessageStartingWith("limit must be");
        assertThatThrownBy(() -> query.exclusions("ann", DAY, DAY.minusDays(1), 10))
                .hasMessage("to (2026-11-24) must not be before from (2026-11-25)");
        assertThatThrownBy(() -> query.exclusions("zed", DAY, DAY, 10)).isInstanceOf(NotFoundException.class);
    }
}
