package org.pacekpi.api.targets;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The funnel: the configured steps (PID {@code org.pacekpi.funnel}) and the conversions and times measured from the
 * deal events of the activity log. Throws {@link org.pacekpi.api.NotFoundException} for an unknown manager or team
 * and {@link ValidationException} for a bad window.
 */
@ProviderType
public interface FunnelService {

    /** The configured steps: the activity KPIs in front, then the deal stages, paid last. */
    List<FunnelStage> steps();

    /**
     * The conversions, times, win rate and average paid deal of a manager (shrunk toward the manager's team) or a
     * team over the days {@code from} to {@code to}, both inclusive, in the scope's time zone.
     */
    ConversionReport conversions(Scope scope, LocalDate from, LocalDate to, ConversionMethod method);
}
