package org.pacekpi.engine.internal.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.PinnedRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.engine.internal.InMemoryDirectory;
import org.pacekpi.engine.internal.calendar.CalendarSettings;
import org.pacekpi.engine.internal.calendar.WorkingCalendars;

/**
 * A small company for target tests: team north (anna and boris in Moscow), manager solo without a team, a fake
 * funnel, an in-memory target store, daily totals set by hand, real working calendars without holidays, and a clock
 * that a test may move. Its "now" is Monday 2 March 2026, 13:00 in Moscow.
 */
final class TargetWorld {

    /** 10:00 UTC, 13:00 in Moscow, on Monday 2 March 2026. */
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Scope NORTH = Scope.team("north");
    static final Scope ANNA = Scope.manager("anna");
    static final Scope BORIS = Scope.manager("boris");

    final InMemoryDirectory directory = new InMemoryDirectory().schedule(InMemoryDirectory.WEEKDAYS)
            .addTeam("north").addTeam("south")
            .manager("anna", "Europe/Moscow", "north").manager("boris", "Europe/Moscow", "north")
            .manager("solo", "Europe/Moscow", null);
    final FakeFunnelService funnel = new FakeFunnelService();
    final InMemoryTargetStore store = new InMemoryTargetStore();
    final DailyTotals totals = new DailyTotals();
    final MovableClock clock = new MovableClock(NOW);
    final WorkingCalendars calendars = WorkingCalendars.of(CalendarSettings.none());
    TargetSettings settings = TargetSettings.DEFAULTS;

    GoalsAndTargets service() {
        return new GoalsAndTargets(store, totals, funnel, directory, calendars::forUser, settings, clock);
    }

    static Money eur(String amount) {
        return new Money("EUR", new BigDecimal(amount));
    }

    static PinnedRate pin(String from, String to, String rate) {
        return new PinnedRate(from, to, rate);
    }

    /** The worked example's rates, all pinned: proposal -> paid 1/3 (as 0.3333), presentation -> proposal 1/2. */
    static List<PinnedRate> workedExamplePins() {
        return List.of(pin("meeting", "intro", "1"), pin("intro", "presentation", "1"),
                pin("presentation", "proposal", "0.5"), pin("proposal", "paid", "0.3333"));
    }

    /** Measured rates for a scope: meeting -> intro 1, intro -> presentation 1, presentation -> proposal 1/2, proposal -> paid 1/3. */
    void measureWorkedExample(Scope scope) {
        funnel.rate(scope, "meeting", "intro", "1", 25).rate(scope, "intro", "presentation", "1", 25)
                .rate(scope, "presentation", "proposal", "1/2", 30).rate(scope, "proposal", "paid", "1/3", 42);
    }

    static DeriveRequest request(Scope scope, GoalAmount goal, List<PinnedRate> pins) {
        return new DeriveRequest(scope, "2026-03", goal, null, null, null, pins, null);
    }

    static GoalInput goal(Scope scope, GoalAmount goal, List<PinnedRate> pins) {
        return new GoalInput(scope, "2026-03", goal, "four-weeks-a-month", ConversionMethod.COHORT, null, pins, null);
    }

    /** A clock a test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant value) {
            this.now = value;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the engine reads instants only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
