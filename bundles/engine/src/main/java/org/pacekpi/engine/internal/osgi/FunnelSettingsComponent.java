package org.pacekpi.engine.internal.osgi;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.pacekpi.engine.internal.funnel.FunnelSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the validated funnel configuration for the components of this bundle. A configuration change replaces this
 * component, and with it the components that measure the funnel; a wrong value fails activation with a message
 * naming the property, and they wait for a good one.
 */
@Component(service = FunnelSettingsComponent.class, configurationPid = FunnelSettings.PID)
@Designate(ocd = FunnelConfig.class)
public final class FunnelSettingsComponent {

    private static final Logger LOG = LoggerFactory.getLogger(FunnelSettingsComponent.class);

    private final FunnelSettings settings;

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException naming the configuration property that is wrong
     */
    @Activate
    public FunnelSettingsComponent(FunnelConfig config) {
        this.settings = FunnelSettings.of(config.stages(), config.stageNames(), config.hostStages(),
                config.activities(), config.windowDays(), config.shrinkageWeight(), config.tooYoungFallbackDays());
        LOG.info("funnel: {}", settings);
    }

    /** The validated funnel. */
    public FunnelSettings settings() {
        return settings;
    }
}
