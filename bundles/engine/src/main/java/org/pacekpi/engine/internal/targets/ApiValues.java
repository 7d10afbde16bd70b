package org.pacekpi.engine.internal.targets;

import java.util.List;
import java.util.Locale;

import org.pacekpi.api.targets.DerivedTargets;
import org.pacekpi.api.targets.Exact;
import org.pacekpi.api.targets.Explanation;
import org.pacekpi.engine.internal.funnel.Exacts;
import org.pacekpi.engine.internal.plan.Fraction;
import org.pacekpi.engine.internal.plan.Operand;
import org.pacekpi.engine.internal.plan.RateTarget;
import org.pacekpi.engine.internal.plan.ScheduleEntry;

/** The plan's exact values as the API shows them. */
final class ApiValues {

    private ApiValues() {
    }

    /** {@code 9/4} as {@code {"fraction":"9/4","decimal":2.2500}}: lowest terms, half up to 4 places. */
    static Exact exact(Fraction value) {
        return Exacts.of(value);
    }

    /** The arithmetic with its operands, the operation in lower case. */
    static Explanation explanation(org.pacekpi.engine.internal.plan.Explanation explanation) {
        List<Explanation.Operand> operands = explanation.operands().stream()
                .map((Operand operand) -> new Explanation.Operand(operand.name(), exact(operand.value()))).toList();
        return new Explanation(explanation.text(), explanation.operation().name().toLowerCase(Locale.ROOT), operands,
                exact(explanation.result()));
    }

    static DerivedTargets.RateTarget rateTarget(RateTarget rate) {
        return new DerivedTargets.RateTarget(exact(rate.exact()), rate.target(), explanation(rate.explanation()));
    }

    static List<DerivedTargets.ScheduleEntry> schedule(List<ScheduleEntry> entries) {
        return entries.stream().map(entry -> new DerivedTargets.ScheduleEntry(entry.range().from(), entry.range().to(),
                entry.workingDays(), exact(entry.exactToDate()), entry.expectedToDate(), entry.increment())).toList();
    }
}
