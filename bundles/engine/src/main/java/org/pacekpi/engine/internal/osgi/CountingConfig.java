package org.pacekpi.engine.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.pacekpi.engine.internal.CountingSettings;

/**
 * The counting rules, PID {@code org.pacekpi.counting} ({@code etc/org.pacekpi.counting.cfg}). A change applies to
 * activities ingested from then on; {@code pace:rebuild} applies it to the whole log.
 */
@ObjectClassDefinition(id = CountingSettings.PID, name = "Pace counting rules",
        description = "Which activities count as client touches and how duplicates collapse. After a change, run a "
                + "rebuild (pace:rebuild) to recount the past under the new rules.")
public @interface CountingConfig {

    /** A connected call shorter than this is an attempt, not a touch. */
    @AttributeDefinition(name = "Minimum call duration (seconds)", min = "0",
            description = "A connected call shorter than this is an attempt, not a touch; a call of unknown "
                    + "duration counts. 0 for no minimum.")
    int minCallSeconds() default 30;

    /** Touches with one contact on one channel count once per window of this many days; 0: no collapsing. */
    @AttributeDefinition(name = "Duplicate window (days)", min = "0",
            description = "A manager's touches with one contact on one channel count once per window of this many "
                    + "of the manager's days (fixed windows: 1 = per calendar day). 0 counts every touch.")
    int duplicateWindowDays() default 1;

    /** Count activities created by automation (sequences, robots, integrations). */
    @AttributeDefinition(name = "Count automated activities",
            description = "Count calls, e-mails, messages, meetings and contacts created by automation like a "
                    + "person's. Deal events always count.")
    boolean countAutomated() default false;

    /** The company's e-mail domains beside the host directory's colleagues: a comma-separated list. */
    @AttributeDefinition(name = "Company e-mail domains", required = false,
            description = "Comma-separated e-mail domains of the company (e.g. ourcompany.example, "
                    + "ourcompany.example.org); an address there or in a subdomain is a colleague's.")
    String[] companyDomains() default {};

    /** The company's phone numbers beside the host directory's: a comma-separated list. */
    @AttributeDefinition(name = "Company phone numbers", required = false,
            description = "Comma-separated phone numbers of the company (office lines, switchboard); compared by "
                    + "their digits only.")
    String[] companyPhones() default {};
}
