package org.pacekpi.api;

import java.util.Locale;

/**
 * The ids of the metrics Pace computes. Counts are per manager and per manager-local day; revenue is reported apart,
 * as money per currency.
 */
public final class Metrics {
    /** Client touches: completed interactions with an external contact on any channel, duplicates collapsed. */
    public static final String TOUCHES = "touches";
    /** Prefix of client touches by channel, e.g. {@code touches:phone}, {@code touches:email}. */
    public static final String TOUCHES_BY_CHANNEL_PREFIX = "touches:";
    /** First contacts: the first external touch with a contact nobody in the company had touched before. */
    public static final String FIRST_CONTACTS = "firstContacts";
    /** New contacts created (colleagues and automation excluded). */
    public static final String NEW_CONTACTS = "newContacts";
    /** Meetings held with at least one external attendee. */
    public static final String MEETINGS_HELD = "meetingsHeld";
    /** Calls to external contacts, connected or not: failed calls are visible here without counting as touches. */
    public static final String CALL_ATTEMPTS = "callAttempts";
    /** Prefix of deal stage events, e.g. {@code stage:proposal}: deals that entered the stage. */
    public static final String STAGE_PREFIX = "stage:";
    /** Deals won (paid). */
    public static final String DEALS_WON = "dealsWon";
    /** Deals lost. */
    public static final String DEALS_LOST = "dealsLost";
    /**
     * Prefix of the revenue aggregates, e.g. {@code revenue:EUR}, kept in the currency's minor unit (cents). Reports
     * show revenue as {@link org.pacekpi.api.dto.Money}, not among the counts.
     */
    public static final String REVENUE_PREFIX = "revenue:";

    private Metrics() {
    }

    /** The metric of touches on one channel; the channel is the host's channel name, e.g. {@code PHONE}. */
    public static String touchesBy(String channel) {
        return TOUCHES_BY_CHANNEL_PREFIX + channel.toLowerCase(Locale.ROOT);
    }

    /** The metric of deals entering a stage. */
    public static String stage(String stageId) {
        return STAGE_PREFIX + stageId;
    }

    /** The revenue aggregate of a currency (ISO 4217 code), in minor units. */
    public static String revenue(String currency) {
        return REVENUE_PREFIX + currency;
    }
}
