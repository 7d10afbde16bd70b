package org.pacekpi.sandbox.internal.crm;

import java.util.List;
import java.util.Optional;

/**
 * The sandbox's sales funnel, the default one of Pace's design: meeting, intro, presentation, proposal, paid.
 * Reaching {@link #PAID} wins the deal.
 */
public final class DealStages {

    /** The first stage. */
    public static final String MEETING = "meeting";
    /** The last stage: the money arrived. */
    public static final String PAID = "paid";
    /** The stages in funnel order. */
    public static final List<String> STAGES = List.of(MEETING, "intro", "presentation", "proposal", PAID);

    private DealStages() {
    }

    /** True if the name is one of the stages. */
    public static boolean isStage(String stage) {
        return STAGES.contains(stage);
    }

    /** The stage after this one, empty after {@link #PAID}. */
    public static Optional<String> next(String stage) {
        int index = STAGES.indexOf(stage);
        return index < 0 || index == STAGES.size() - 1 ? Optional.empty() : Optional.of(STAGES.get(index + 1));
    }
}
