package org.pacekpi.sandbox.internal.simulator;

/**
 * How a simulated manager works, so the demo shows the cases Pace diagnoses: the steady one, the hunter, the one
 * busy without money, the lucky one with one big deal and few touches, and the one who pads the numbers with
 * colleagues and seconds-long calls.
 *
 * @param name           what the profile is called
 * @param callsMin       fewest calls a day
 * @param callsMax       most calls a day
 * @param emailsMin      fewest e-mails a day
 * @param emailsMax      most e-mails a day
 * @param messagesMax    most messages a day
 * @param meetingChance  chance of a meeting on a day
 * @param colleagueShare share of calls and messages with colleagues
 * @param shortCallShare share of connected calls that last only seconds
 * @param newContactChance chance of a new contact on a day
 * @param newDealChance  chance of a new deal on a day
 * @param advanceChance  chance that a deal due for a step moves to the next stage
 * @param winChance      chance that a deal at proposal is paid when due
 */
public record Profile(String name, int callsMin, int callsMax, int emailsMin, int emailsMax, int messagesMax,
                      double meetingChance, double colleagueShare, double shortCallShare, double newContactChance,
                      double newDealChance, double advanceChance, double winChance) {

    /** Does the right things at a normal rate. */
    public static final Profile STEADY = new Profile("steady", 3, 5, 1, 3, 2, 0.35, 0.05, 0.05, 0.20, 0.18, 0.65, 0.40);
    /** Many touches, many deals. */
    public static final Profile HUNTER = new Profile("hunter", 5, 8, 2, 4, 3, 0.45, 0.04, 0.05, 0.30, 0.28, 0.65, 0.35);
    /** Busy all day, never closes. */
    public static final Profile BUSY_NO_MONEY = new Profile("busy without money", 5, 8, 3, 5, 2, 0.40, 0.06, 0.08,
            0.25, 0.25, 0.55, 0.0);
    /** Few touches, one big lucky deal. */
    public static final Profile LUCKY = new Profile("lucky", 1, 2, 0, 2, 1, 0.10, 0.05, 0.10, 0.05, 0.04, 0.50, 0.50);
    /** Pads the call count with colleagues and seconds-long calls. */
    public static final Profile PADDER = new Profile("padder", 4, 7, 1, 2, 3, 0.15, 0.40, 0.35, 0.10, 0.08, 0.55, 0.25);

    private static final Profile[] CYCLE = { STEADY, HUNTER, BUSY_NO_MONEY, LUCKY, STEADY, PADDER, HUNTER, STEADY };

    /** The profile of the manager at this position in the roster. */
    public static Profile of(int managerIndex) {
        return CYCLE[managerIndex % CYCLE.length];
    }
}
