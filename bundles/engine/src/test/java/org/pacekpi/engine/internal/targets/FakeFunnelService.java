package org.pacekpi.engine.internal.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.Exact;
import org.pacekpi.api.targets.FunnelService;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.api.targets.MeasuredRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.StageTiming;
import org.pacekpi.engine.internal.plan.Fraction;

/**
 * A funnel service whose measurements a test sets: per scope, the rates to the next step, the median days to paid
 * and the average paid deals. A scope with nothing set measures nothing (every rate unknown). Records every call.
 */
public final class FakeFunnelService implements FunnelService {

    /** The default stages, each mapped from its own id. */
    static final List<FunnelStage> DEFAULT_STAGES = List.of(stage("meeting", "meeting"), stage("intro", "intro"),
            stage("presentation", "presentation"), stage("proposal", "proposal"), stage("paid", "paid"));

    /** One call of {@link #conversions}. */
    record Call(Scope scope, LocalDate from, LocalDate to, ConversionMethod method) {
    }

    private List<FunnelStage> steps = DEFAULT_STAGES;
    private final Map<Scope, Map<String, MeasuredRate>> rates = new HashMap<>();
    private final Map<Scope, List<StageTiming>> times = new HashMap<>();
    private final Map<Scope, List<Money>> averages = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    static FunnelStage stage(String id, String label, String... hostStages) {
        return new FunnelStage(id, "stage", label, hostStages.length == 0 ? List.of(id) : List.of(hostStages));
    }

    static FunnelStage activity(String id, String label) {
        return new FunnelStage(id, "activity", label, List.of());
    }

    synchronized FakeFunnelService steps(List<FunnelStage> value) {
        this.steps = List.copyOf(value);
        return this;
    }

    /** Sets the measured rate from a step to the next for a scope, e.g. {@code "1/3"} on 42. */
    synchronized FakeFunnelService rate(Scope scope, String from, String to, String fraction, long sampleSize) {
        Fraction rate = Fraction.parse(fraction);
        long successes = rate.times(sampleSize).ceilingLong();
        Exact exact = new Exact(rate.toString(), rate.toDecimal(4));
        rates.computeIfAbsent(scope, s -> new LinkedHashMap<>()).put(from, new MeasuredRate(from, to, successes,
                sampleSize, 0, exact, null, exact, successes + " of " + sampleSize + " " + from + " reached " + to));
        return this;
    }

    /** Sets a rate the service cannot measure (no sample, no team rate). */
    synchronized FakeFunnelService unknownRate(Scope scope, String from, String to) {
        rates.computeIfAbsent(scope, s -> new LinkedHashMap<>()).put(from, new MeasuredRate(from, to, 0, 0, 0, null,
                null, null, "no " + from + " in the window"));
        return this;
    }

    synchronized FakeFunnelService medianDaysToPaid(Scope scope, String from, String days) {
        String paid = steps.get(steps.size() - 1).id();
        times.computeIfAbsent(scope, s -> new ArrayList<>()).add(new StageTiming(from, paid, 10, new BigDecimal(days),
                new BigDecimal(days).multiply(BigDecimal.valueOf(2))));
        return this;
    }

    synchronized FakeFunnelService averagePaidDeal(Scope scope, Money average) {
        averages.computeIfAbsent(scope, s -> new ArrayList<>()).add(average);
        return this;
    }

    /** Forgets every measurement (the steps stay). */
    synchronized FakeFunnelService clearMeasurements() {
        rates.clear();
        times.clear();
        averages.clear();
        return this;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized List<FunnelStage> steps() {
        return steps;
    }

    @Override
    public synchronized ConversionReport conversions(Scope scope, LocalDate from, LocalDate to, ConversionMethod method) {
        calls.add(new Call(scope, from, to, method));
        List<MeasuredRate> toNext = new ArrayList<>();
        Map<String, MeasuredRate> known = rates.getOrDefault(scope, Map.of());
        for (int i = 0; i + 1 < steps.size(); i++) {
            MeasuredRate rate = known.get(steps.get(i).id());
            toNext.add(rate != null ? rate : new MeasuredRate(steps.get(i).id(), steps.get(i + 1).id(), 0, 0, 0, null,
                    null, null, "nothing measured"));
        }
        return new ConversionReport(scope, from, to, method, steps, toNext, List.of(), List.of(),
                times.getOrDefault(scope, List.of()), null, averages.getOrDefault(scope, List.of()), 7);
    }
}
