package org.pacekpi.engine.internal.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.pacekpi.api.store.DealEvent;

/** Deal events for funnel tests, at midnight UTC of a day of 2026 so that times are whole days. */
final class DealEvents {

    private DealEvents() {
    }

    /** Midnight UTC of a day given as {@code "03-05"} (in 2026). */
    static Instant at(String monthDay) {
        return LocalDate.parse("2026-" + monthDay).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A stage change of the deal onto the host stage. */
    static DealEvent stage(String activityId, String dealId, String manager, String hostStage, String monthDay) {
        return new DealEvent(activityId, dealId, manager, "DEAL_STAGE_CHANGED", hostStage, at(monthDay), null, null);
    }

    /** A win without an amount. */
    static DealEvent won(String activityId, String dealId, String manager, String monthDay) {
        return new DealEvent(activityId, dealId, manager, "DEAL_WON", null, at(monthDay), null, null);
    }

    /** A win of an amount. */
    static DealEvent won(String activityId, String dealId, String manager, String monthDay, String amount,
                         String currency) {
        return new DealEvent(activityId, dealId, manager, "DEAL_WON", null, at(monthDay), new BigDecimal(amount),
                currency);
    }

    /** A loss. */
    static DealEvent lost(String activityId, String dealId, String manager, String monthDay) {
        return new DealEvent(activityId, dealId, manager, "DEAL_LOST", null, at(monthDay), null, null);
    }

    /** The same event carrying an amount. */
    static DealEvent withAmount(DealEvent event, String amount, String currency) {
        return new DealEvent(event.activityId(), event.dealId(), event.managerId(), event.kind(), event.stage(),
                event.occurredAt(), new BigDecimal(amount), currency);
    }
}
