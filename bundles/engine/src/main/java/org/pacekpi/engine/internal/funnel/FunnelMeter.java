package org.pacekpi.engine.internal.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.MeasuredRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.StageTiming;
import org.pacekpi.engine.internal.CurrencyUnits;
import org.pacekpi.engine.internal.plan.Fraction;
import org.pacekpi.engine.internal.plan.FunnelStep;
import org.pacekpi.engine.internal.plan.StepKind;

/**
 * Measures the funnel of a manager or a team from deal journeys and activity totals: conversions (cohort or
 * snapshot), stage times, win rate and average paid deal. Plain arithmetic, no store.
 *
 * <p><b>Whose deal it is.</b> A deal counts for the manager whose event put it into the sample of a measure: for
 * entries into a stage (cohorts, snapshots, the activity-to-first-stage ratio), the actor of the event by which the
 * deal entered that stage (for a skipped stage, the event that passed it); for a stage time, the actor of the event
 * that completed the move; for the win rate, the actor of the event that closed the deal (the win, or the loss); for
 * the average paid deal, the actor of the win. A team's numbers are its members'.
 *
 * <p><b>Cohort.</b> Of the deals that entered stage i in the window, the share that reached stage j by {@code now}.
 * A deal still open (not lost) that has not reached j and entered i less than the team's 80th percentile of the time
 * from i to j ago is too young to judge and left out (counted in {@code tooYoung}); without any such time, the
 * configured fallback age is used. A lost deal, or an open one older than that, is a failure.
 *
 * <p><b>Snapshot.</b> Entries into stage j in the window over entries into stage i in the window, whatever deals they
 * were. Activity ratios are of this kind for both methods: the next activity's window total over this one's, and
 * first-stage entries over the last activity's total.
 *
 * <p><b>Shrinkage.</b> A manager's rate is shrunk toward the team's raw rate with the pseudo-count k:
 * (successes + k &times; team) / (sample + k), exact; the team's own rates are not shrunk. A rate above 1 (possible
 * for snapshots and activity ratios) is capped at 1 for use; the raw rate stays as measured.
 *
 * <p><b>Stage times.</b> Over the deals that completed the move in the window: from the first entry into i to the
 * first entry into j, leaving out deals that passed i by the same event that entered j (they skipped i, and their
 * time there is no time). Median and nearest-rank 80th percentile, see {@link Durations}.
 *
 * <p><b>Win rate, average deal.</b> Paid over paid plus lost, over the deals closed in the window; the average
 * amount of the deals paid in the window per currency, rounded half up to the currency's minor unit (deals with no
 * known amount are left out of the average but counted in {@code dealsPaid}).
 */
public final class FunnelMeter {

    /** The percentile of a move's time after which an open deal is no longer too young. */
    public static final int TOO_YOUNG_PERCENTILE = 80;

    /** The {@code from} of the win rate: deals closed, paid or lost. */
    public static final String CLOSED = "closed";

    /**
     * Whose numbers are measured, and the team they are shrunk toward.
     *
     * @param measured the managers whose deals and activities are measured
     * @param team     the managers of the team to shrink toward (the measured ones among them), or null not to
     *                 shrink (a team's own numbers, or a manager without a team)
     */
    public record Population(Set<String> measured, Set<String> team) {

        /** Copies the sets. */
        public Population {
            measured = Set.copyOf(measured);
            team = team == null ? null : Set.copyOf(team);
        }

        /** A team's own numbers: its members, unshrunk. */
        public static Population team(Set<String> members) {
            return new Population(members, null);
        }

        /** A manager's numbers, shrunk toward the team (null for none); the manager counts in the team's rates. */
        public static Population manager(String managerId, Set<String> team) {
            if (team == null) {
                return new Population(Set.of(managerId), null);
            }
            Set<String> withManager = new HashSet<>(team);
            withManager.add(managerId);
            return new Population(Set.of(managerId), withManager);
        }

        /** Everyone whose deals and activities the measurement reads. */
        public Set<String> everyone() {
            if (team == null) {
                return measured;
            }
            Set<String> all = new HashSet<>(team);
            all.addAll(measured);
            return Set.copyOf(all);
        }
    }

    /** What was counted for one conversion. */
    private record Count(long successes, long sample, long tooYoung) {

        Fraction raw() {
            return sample == 0 ? null : Fraction.of(successes, sample);
        }
    }

    /** How a conversion was measured, for the sentence. */
    private enum Kind { COHORT, SNAPSHOT, ACTIVITY, WIN_RATE }

    /** The age below which a cohort's open deals are too young, and where it came from. */
    private record Threshold(Duration age, boolean measured) {
    }

    private final FunnelSettings settings;

    /** @param settings the stages, activities, shrinkage weight and too-young fallback */
    public FunnelMeter(FunnelSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Measures the funnel.
     *
     * @param scope      whom the report is for (only reported)
     * @param window     the days measured
     * @param method     cohort or snapshot, for the stage-to-stage conversions
     * @param now        the present: deals are followed until then, and too-young ages are taken then
     * @param population whose numbers, shrunk toward whom
     * @param deals      the journeys of the deals that may count: at least those with an event by one of
     *                   {@link Population#everyone()} in the window (others are harmless, they count for nobody)
     * @param totals     activity totals over the window's days, by manager, then metric
     */
    public ConversionReport measure(Scope scope, FunnelWindow window, ConversionMethod method, Instant now,
                                    Population population, List<DealJourney> deals,
                                    Map<String, Map<String, Long>> totals) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(now, "now");
        Instant start = window.start();
        Instant end = window.end();
        Measurement own = new Measurement(population.measured(), deals, totals, start, end);
        Measurement team = population.team() == null ? null
                : new Measurement(population.team(), deals, totals, start, end);
        Measurement timingSource = team == null ? own : team;
        List<FunnelStep> stages = settings.stages();
        int paid = stages.size() - 1;

        List<FunnelStep> steps = settings.steps();
        List<MeasuredRate> toNext = new ArrayList<>();
        for (int k = 0; k + 1 < steps.size(); k++) {
            FunnelStep from = steps.get(k);
            FunnelStep to = steps.get(k + 1);
            int stage = k - settings.activities().size();
            if (stage < 0) {
                toNext.add(rate(Kind.ACTIVITY, from, to, own.activity(from, to), team == null ? null
                        : team.activity(from, to), window, null, team != null));
            } else {
                toNext.add(stageRate(method, stage, stage + 1, own, team, timingSource, window, now));
            }
        }
        List<MeasuredRate> toPaid = new ArrayList<>();
        List<StageTiming> timesToNext = new ArrayList<>();
        List<StageTiming> timesToPaid = new ArrayList<>();
        for (int i = 0; i < paid; i++) {
            toPaid.add(stageRate(method, i, paid, own, team, timingSource, window, now));
            timesToNext.add(own.timing(i, i + 1));
            timesToPaid.add(own.timing(i, paid));
        }
        MeasuredRate winRate = rate(Kind.WIN_RATE, null, settings.paid(), own.winRate(),
                team == null ? null : team.winRate(), window, null, team != null);
        return new ConversionReport(scope, window.from(), window.to(), method, settings.funnelStages(), toNext, toPaid,
                timesToNext, timesToPaid, winRate, own.averagePaidDeal(), own.dealsPaid());
    }

    private MeasuredRate stageRate(ConversionMethod method, int from, int to, Measurement own, Measurement team,
                                   Measurement timingSource, FunnelWindow window, Instant now) {
        FunnelStep fromStep = settings.stages().get(from);
        FunnelStep toStep = settings.stages().get(to);
        if (method == ConversionMethod.SNAPSHOT) {
            return rate(Kind.SNAPSHOT, fromStep, toStep, own.snapshot(from, to),
                    team == null ? null : team.snapshot(from, to), window, null, team != null);
        }
        Optional<Duration> p80 = Durations.percentile(timingSource.moves(from, to), TOO_YOUNG_PERCENTILE);
        Threshold threshold = new Threshold(p80.orElse(settings.tooYoungFallback()), p80.isPresent());
        return rate(Kind.COHORT, fromStep, toStep, own.cohort(from, to, threshold.age(), now),
                team == null ? null : team.cohort(from, to, threshold.age(), now), window, threshold, team != null);
    }

    /** The measured rate with its shrinkage and its sentence. */
    private MeasuredRate rate(Kind kind, FunnelStep from, FunnelStep to, Count own, Count team, FunnelWindow window,
                              Threshold threshold, boolean shrunk) {
        Fraction raw = own.raw();
        Fraction teamRaw = team == null ? null : team.raw();
        long k = settings.shrinkageWeight();
        Fraction used;
        if (!shrunk || teamRaw == null) {
            used = raw;
        } else if (k == 0) {
            used = raw != null ? raw : teamRaw;
        } else {
            used = Fraction.of(own.successes()).plus(teamRaw.times(k)).dividedBy(own.sample() + k);
        }
        boolean capped = used != null && used.compareTo(Fraction.ONE) > 0;
        Fraction rate = capped ? Fraction.ONE : used;

        StringBuilder text = new StringBuilder(measuredSentence(kind, from, to, own, window, threshold, shrunk));
        if (shrunk) {
            if (teamRaw == null) {
                text.append(raw == null ? "; the team has no sample either: nothing is known"
                        : "; the team has no sample to shrink toward");
            } else if (own.sample() == 0) {
                text.append("; with none of the manager's own, the team's ").append(teamRaw.toDisplay())
                        .append(" is used");
            } else if (k == 0) {
                text.append("; not shrunk (shrinkage weight 0), the team's is ").append(teamRaw.toDisplay());
            } else {
                text.append("; shrunk toward the team's ").append(teamRaw.toDisplay()).append(" with a weight of ")
                        .append(k).append(": (").append(own.successes()).append(" + ").append(k).append(" × ")
                        .append(teamRaw.toDisplay()).append(") / (").append(own.sample()).append(" + ").append(k)
                        .append(") = ").append(used.toDisplay());
            }
        } else if (raw == null) {
            text.append(": nothing to measure");
        }
        if (capped) {
            text.append("; above 1, so 1 is used");
        }
        String fromId = from == null ? CLOSED : from.id();
        return new MeasuredRate(fromId, to.id(), own.successes(), own.sample(), own.tooYoung(), Exacts.of(raw),
                Exacts.of(teamRaw), Exacts.of(rate), text.toString());
    }

    private static String measuredSentence(Kind kind, FunnelStep from, FunnelStep to, Count count,
                                           FunnelWindow window, Threshold threshold, boolean shrunk) {
        String days = window.describe();
        long s = count.successes();
        long n = count.sample();
        StringBuilder text = new StringBuilder();
        switch (kind) {
            case COHORT -> {
                if (n == 0) {
                    text.append("No ").append(from.plural()).append(' ').append(days).append(" to judge");
                } else {
                    text.append("Of ").append(count(n, from)).append(' ').append(days).append(", ").append(s)
                            .append(" went on to ").append(s == 1 ? article(to.singular()) : to.plural())
                            .append(ratio(s, n, from, to));
                }
                if (count.tooYoung() > 0) {
                    text.append("; ").append(count.tooYoung()).append(n == 0 ? "" : " more")
                            .append(", still open and entered less than ")
                            .append(Fraction.of(threshold.age().getSeconds(), 86_400).toDisplay())
                            .append(" days ago (")
                            .append(threshold.measured()
                                    ? (shrunk ? "the team's " : "the ") + TOO_YOUNG_PERCENTILE
                                    + "th percentile of the time from " + from.singular() + " to " + to.singular()
                                    : "no time from " + from.singular() + " to " + to.singular()
                                    + " measured yet, so the configured fallback")
                            .append("), ").append(count.tooYoung() == 1 ? "was" : "were")
                            .append(" left out as too young to judge");
                }
            }
            case SNAPSHOT, ACTIVITY -> {
                if (n == 0) {
                    text.append("No ").append(from.plural()).append(' ').append(days).append(" (")
                            .append(count(s, to)).append(')');
                } else {
                    text.append(count(s, to)).append(" over ").append(count(n, from)).append(' ').append(days)
                            .append(ratio(s, n, from, to));
                }
            }
            case WIN_RATE -> {
                if (n == 0) {
                    text.append("No deals closed ").append(days);
                } else {
                    text.append("Of ").append(n).append(n == 1 ? " deal" : " deals").append(" closed ").append(days)
                            .append(", ").append(s).append(s == 1 ? " was paid (" : " were paid (")
                            .append(Fraction.of(s, n).toDisplay()).append(')');
                }
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        return text.toString();
    }

    /** {@code  (0.24: 1 first contact per 4.17 touches)}, the rate and its inverse as people say it. */
    private static String ratio(long successes, long sample, FunnelStep from, FunnelStep to) {
        Fraction rate = Fraction.of(successes, sample);
        if (successes == 0) {
            return " (0)";
        }
        String per = Fraction.of(sample, successes).toDisplay();
        return " (" + rate.toDisplay() + ": 1 " + to.singular() + " per " + per + " "
                + ("1".equals(per) ? from.singular() : from.plural()) + ")";
    }

    /** {@code a paid deal}, {@code an intro}: good enough for the words of a funnel. */
    private static String article(String singular) {
        return ("aeiou".indexOf(Character.toLowerCase(singular.charAt(0))) >= 0 ? "an " : "a ") + singular;
    }

    private static String count(long n, FunnelStep step) {
        return n + " " + (n == 1 ? step.singular() : step.plural());
    }

    /** The counts of one population over the window. */
    private final class Measurement {

        private final Set<String> managers;
        private final List<DealJourney> deals;
        private final Map<String, Map<String, Long>> totals;
        private final Instant start;
        private final Instant end;

        Measurement(Set<String> managers, List<DealJourney> deals, Map<String, Map<String, Long>> totals,
                    Instant start, Instant end) {
            this.managers = managers;
            this.deals = deals;
            this.totals = totals;
            this.start = start;
            this.end = end;
        }

        private boolean counts(DealJourney.Entry entry) {
            return entry != null && managers.contains(entry.managerId()) && !entry.at().isBefore(start)
                    && entry.at().isBefore(end);
        }

        /** Deals of these managers that entered the stage in the window. */
        long entered(int stage) {
            return deals.stream().filter(deal -> counts(deal.entry(stage).orElse(null))).count();
        }

        long total(String metric) {
            long sum = 0;
            for (String manager : managers) {
                sum += totals.getOrDefault(manager, Map.of()).getOrDefault(metric, 0L);
            }
            return sum;
        }

        Count activity(FunnelStep from, FunnelStep to) {
            long successes = to.kind() == StepKind.STAGE ? entered(0)
                    : total(to.id());
            return new Count(successes, total(from.id()), 0);
        }

        Count snapshot(int from, int to) {
            return new Count(entered(to), entered(from), 0);
        }

        Count cohort(int from, int to, Duration tooYoung, Instant now) {
            long successes = 0;
            long sample = 0;
            long young = 0;
            for (DealJourney deal : deals) {
                DealJourney.Entry entry = deal.entry(from).orElse(null);
                if (!counts(entry)) {
                    continue;
                }
                if (deal.reached(to)) {
                    successes++;
                    sample++;
                } else if (deal.open() && Duration.between(entry.at(), now).compareTo(tooYoung) < 0) {
                    young++;
                } else {
                    sample++;
                }
            }
            return new Count(successes, sample, young);
        }

        /** The times of the moves from one stage to a later one completed in the window, skips left out. */
        List<Duration> moves(int from, int to) {
            List<Duration> moves = new ArrayList<>();
            for (DealJourney deal : deals) {
                DealJourney.Entry arrival = deal.entry(to).orElse(null);
                if (!counts(arrival)) {
                    continue;
                }
                DealJourney.Entry departure = deal.entry(from).orElseThrow(() -> new IllegalStateException(
                        "deal " + deal.dealId() + " entered stage " + to + " without passing stage " + from));
                if (!departure.activityId().equals(arrival.activityId())) {
                    moves.add(Duration.between(departure.at(), arrival.at()));
                }
            }
            return moves;
        }

        StageTiming timing(int from, int to) {
            List<Duration> moves = moves(from, to);
            return new StageTiming(settings.stages().get(from).id(), settings.stages().get(to).id(), moves.size(),
                    Durations.median(moves).map(Durations::days).orElse(null),
                    Durations.percentile(moves, TOO_YOUNG_PERCENTILE).map(Durations::days).orElse(null));
        }

        Count winRate() {
            long paid = 0;
            long closed = 0;
            for (DealJourney deal : deals) {
                if (counts(deal.closed().orElse(null))) {
                    closed++;
                    if (deal.paid()) {
                        paid++;
                    }
                }
            }
            return new Count(paid, closed, 0);
        }

        long dealsPaid() {
            return entered(settings.stages().size() - 1);
        }

        List<Money> averagePaidDeal() {
            int paid = settings.stages().size() - 1;
            Map<String, BigDecimal> sums = new TreeMap<>();
            Map<String, Long> counts = new TreeMap<>();
            for (DealJourney deal : deals) {
                if (counts(deal.entry(paid).orElse(null)) && deal.paidAmount().isPresent()) {
                    Money amount = deal.paidAmount().get();
                    sums.merge(amount.currency(), amount.amount(), BigDecimal::add);
                    counts.merge(amount.currency(), 1L, Long::sum);
                }
            }
            List<Money> averages = new ArrayList<>(sums.size());
            sums.forEach((currency, sum) -> averages.add(new Money(currency, sum.divide(
                    BigDecimal.valueOf(counts.get(currency)), CurrencyUnits.fractionDigits(currency),
                    RoundingMode.HALF_UP))));
            return averages;
        }
    }
}
