package org.pacekpi.engine.internal.osgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pacekpi.engine.internal.CountingSettings;

/** The counting configuration as ConfigAdmin delivers it from etc/org.pacekpi.counting.cfg. */
class CountingRulesComponentTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        CountingRulesComponent component = new CountingRulesComponent(config(30, 1, false, new String[0],
                new String[0]));

        assertThat(component.settings()).isEqualTo(CountingSettings.DEFAULTS);
    }

    @Test
    void commaListsFromACfgFileAndMultiValuesAreBothRead() {
        // A .cfg line "companyDomains = Pace-Demo.example, @sales.example" arrives as one string.
        CountingRulesComponent fromCfg = new CountingRulesComponent(config(45, 2, true,
                new String[] {"Pace-Demo.example, @sales.example"}, new String[] {"+7 (495) 123-45-67,8 800 100"}));
        CountingRulesComponent multiValue = new CountingRulesComponent(config(45, 2, true,
                new String[] {"pace-demo.example", "sales.example"}, new String[] {"74951234567", "8800100"}));

        assertThat(fromCfg.settings()).isEqualTo(new CountingSettings(45, 2, true,
                Set.of("pace-demo.example", "sales.example"), Set.of("74951234567", "8800100")));
        assertThat(multiValue.settings()).isEqualTo(fromCfg.settings());
    }

    @Test
    void wrongValuesNameTheProperty() {
        assertThatThrownBy(() -> new CountingRulesComponent(config(-1, 1, false, new String[0], new String[0])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("org.pacekpi.counting: minCallSeconds must be 0 or more, was -1");
        assertThatThrownBy(() -> new CountingRulesComponent(config(30, -2, false, new String[0], new String[0])))
                .hasMessage("org.pacekpi.counting: duplicateWindowDays must be 0 (no collapsing) or more, was -2");
        assertThatThrownBy(() -> new CountingRulesComponent(config(30, 1, false, new String[] {"our company"},
                new String[0])))
                .hasMessage("org.pacekpi.counting: companyDomains: 'our company' is not an e-mail domain such as "
                        + "ourcompany.example");
        assertThatThrownBy(() -> new CountingRulesComponent(config(30, 1, false, new String[0],
                new String[] {"+49 30 1", "office"})))
                .hasMessage("org.pacekpi.counting: companyPhones: 'office' has no digits");
    }

    private static CountingConfig config(int minCallSeconds, int duplicateWindowDays, boolean countAutomated,
                                         String[] companyDomains, String[] companyPhones) {
        return new CountingConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CountingConfig.class;
            }

            @Override
            public int minCallSeconds() {
                return minCallSeconds;
            }

            @Override
            public int duplicateWindowDays() {
                return duplicateWindowDays;
            }

            @Override
            public boolean countAutomated() {
                return countAutomated;
            }

            @Override
            public String[] companyDomains() {
                return companyDomains;
            }

            @Override
            public String[] companyPhones() {
                return companyPhones;
            }
        };
    }
}
