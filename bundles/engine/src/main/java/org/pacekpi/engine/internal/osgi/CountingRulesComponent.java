package org.pacekpi.engine.internal.osgi;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.pacekpi.engine.internal.CountingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the validated counting configuration for the components of this bundle. A configuration change replaces
 * this component, and with it the ingest (which then counts new activities under the new rules) and the KPI service;
 * the past is recounted by a rebuild.
 */
@Component(service = CountingRulesComponent.class, configurationPid = CountingSettings.PID)
@Designate(ocd = CountingConfig.class)
public final class CountingRulesComponent {

    private static final Logger LOG = LoggerFactory.getLogger(CountingRulesComponent.class);

    private final CountingSettings settings;

    /**
     * Validates the configuration.
     *
     * @throws IllegalArgumentException naming the configuration property that is wrong
     */
    @Activate
    public CountingRulesComponent(CountingConfig config) {
        this.settings = CountingSettings.of(config.minCallSeconds(), config.duplicateWindowDays(),
                config.countAutomated(), config.companyDomains(), config.companyPhones());
        LOG.info("counting rules: {}; activities already counted keep the rules they were counted with until a "
                + "rebuild", settings);
    }

    /** The validated rules. */
    public CountingSettings settings() {
        return settings;
    }
}
