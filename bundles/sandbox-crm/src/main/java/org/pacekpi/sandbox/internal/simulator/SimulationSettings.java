package org.pacekpi.sandbox.internal.simulator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to simulate. The same settings always produce the same data.
 *
 * @param seed          the random seed
 * @param teams         number of sales teams
 * @param teamSize      managers per team
 * @param months        months of history, ending the day before {@code anchorDate}
 * @param anchorDate    the simulated "today": history ends the day before it, scheduled meetings follow it
 * @param companyDomain the company's e-mail domain, for users and colleague contacts
 */
public record SimulationSettings(long seed, int teams, int teamSize, int months, LocalDate anchorDate,
                                 String companyDomain) {

    /** Checks the ranges; the message names the setting. */
    public SimulationSettings {
        if (teams < 1 || teams > 20) {
            throw new IllegalArgumentException("teams must be between 1 and 20, was " + teams);
        }
        if (teamSize < 1 || teamSize > 50) {
            throw new IllegalArgumentException("teamSize must be between 1 and 50, was " + teamSize);
        }
        if (months < 1 || months > 24) {
            throw new IllegalArgumentException("months must be between 1 and 24, was " + months);
        }
        Objects.requireNonNull(anchorDate, "anchorDate");
        if (companyDomain == null || companyDomain.isBlank()) {
            throw new IllegalArgumentException("a company domain is required (companyDomains of org.pacekpi.sandbox)");
        }
    }

    /** The first simulated day. */
    public LocalDate firstDay() {
        return anchorDate.minusMonths(months);
    }
}
