package org.pacekpi.rest.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.Exact;
import org.pacekpi.api.targets.FunnelService;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.api.targets.MeasuredRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.StageTiming;

/** A funnel with the default stages; records every call and answers one fixed measurement for any window. */
final class FakeFunnel implements FunnelService {

    static final List<FunnelStage> STEPS = List.of(new FunnelStage("touches", "activity", "touch", List.of()),
            new FunnelStage("meeting", "stage", "meeting", List.of("demo_meeting")),
            new FunnelStage("proposal", "stage", "proposal", List.of()),
            new FunnelStage("paid", "stage", "paid deal", List.of("won")));

    final List<String> calls = new ArrayList<>();

    @Override
    public List<FunnelStage> steps() {
        calls.add("steps");
        return STEPS;
    }

    @Override
    public ConversionReport conversions(Scope scope, LocalDate from, LocalDate to, ConversionMethod method) {
        calls.add("conversions " + scope + " " + from + ".." + to + " " + method.id());
        MeasuredRate proposalToPaid = new MeasuredRate("proposal", "paid", 14, 42, 3,
                new Exact("1/3", new BigDecimal("0.3333")), null, new Exact("1/3", new BigDecimal("0.3333")),
                "14 of 42 proposals were paid");
        StageTiming proposalTime = new StageTiming("proposal", "paid", 14, new BigDecimal("21"),
                new BigDecimal("34.5"));
        return new ConversionReport(scope, from, to, method, STEPS, List.of(proposalToPaid),
                List.of(proposalToPaid), List.of(proposalTime), List.of(proposalTime), proposalToPaid,
                List.of(new Money("EUR", new BigDecimal("12000.00"))), 14);
    }
}
