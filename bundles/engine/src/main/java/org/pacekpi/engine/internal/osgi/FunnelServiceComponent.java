package org.pacekpi.engine.internal.osgi;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.FunnelService;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.engine.internal.funnel.FunnelCalculator;
import org.pacekpi.engine.internal.funnel.FunnelSettings;
import org.pacekpi.host.directory.Directory;

/** Publishes the {@link FunnelService}; the measurement is the plain {@link FunnelCalculator}. */
@Component(service = FunnelService.class)
public final class FunnelServiceComponent implements FunnelService {

    private final FunnelCalculator calculator;

    /** Nothing to undo on deactivation: no thread, no registration of its own. */
    @Activate
    public FunnelServiceComponent(@Reference Directory directory, @Reference PaceStore store,
                                  @Reference FunnelSettingsComponent funnel) {
        this(directory, store, funnel.settings(), Clock.systemUTC());
    }

    /** For tests: the funnel and clock given. */
    FunnelServiceComponent(Directory directory, PaceStore store, FunnelSettings settings, Clock clock) {
        this.calculator = new FunnelCalculator(directory, store, settings, clock);
    }

    @Override
    public List<FunnelStage> steps() {
        return calculator.steps();
    }

    @Override
    public ConversionReport conversions(Scope scope, LocalDate from, LocalDate to, ConversionMethod method) {
        return calculator.conversions(scope, from, to, method);
    }
}
