package org.pacekpi.api.targets;

import java.util.List;

/**
 * One step of the configured funnel.
 *
 * @param id         the step's id: an activity metric ({@code touches}, {@code firstContacts}, {@code meetingsHeld})
 *                   or a Pace stage id ({@code meeting} ... {@code paid})
 * @param kind       {@code activity} or {@code stage}
 * @param label      what one is called in sentences, e.g. "proposal"
 * @param hostStages for a stage: the host's stage ids mapped onto it (its own id when unmapped); empty for an activity
 */
public record FunnelStage(String id, String kind, String label, List<String> hostStages) {

    /** Copies the list. */
    public FunnelStage {
        hostStages = hostStages == null ? List.of() : List.copyOf(hostStages);
    }
}
