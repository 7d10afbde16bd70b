package org.pacekpi.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Direction;
import org.pacekpi.host.activity.Outcome;

class ActivityMapperTest {

    private final ActivityMapper mapper = new ActivityMapper(new InMemoryDirectory()
            .internalContact("colleague")
            .internalEmail("me@ourcompany.example")
            .internalPhone("+100"));

    @Test
    void flattensEveryFieldToPlainValues() {
        Activity activity = Activities.connectedCall("c1", "ann").sequence(42).direction(Direction.INBOUND)
                .outcome(Outcome.VOICEMAIL).duration(Duration.ofMillis(61_900)).dealId("d1").stage("proposal")
                .amount(new BigDecimal("1200.50")).currency("EUR").automated(true)
                .counterparts(List.of(new Counterpart("client", "acme", "jo@acme.example", "+200", "Jo"))).build();

        LoggedActivity logged = mapper.map(ChangeType.UPDATED, activity);

        assertThat(logged).isEqualTo(new LoggedActivity("c1", 42, false, Activities.NOON, "ann", "CALL", "PHONE",
                "INBOUND", "VOICEMAIL", 61L, List.of(new LoggedCounterpart("client", "acme", "jo@acme.example", "+200",
                false)), "d1", "proposal", new BigDecimal("1200.50"), "EUR", true));
    }

    @Test
    void marksEachCounterpartInternalByContactEmailOrPhone() {
        Activity activity = Activities.activity(ActivityKind.MEETING, Outcome.HELD).counterparts(List.of(
                Counterpart.contact("colleague"),
                new Counterpart(null, null, "me@ourcompany.example", null, null),
                new Counterpart("client", null, null, "+100", null),
                new Counterpart("client", null, "jo@acme.example", "+200", null))).build();

        assertThat(mapper.map(ChangeType.CREATED, activity).counterparts())
                .extracting(LoggedCounterpart::internal).containsExactly(true, true, true, false);
    }

    @Test
    void deletionGivesATombstoneAndMissingDurationStaysNull() {
        LoggedActivity logged = mapper.map(ChangeType.DELETED,
                Activities.connectedCall("c1", "ann").duration(null).build());

        assertThat(logged.deleted()).isTrue();
        assertThat(logged.durationSeconds()).isNull();
    }
}
