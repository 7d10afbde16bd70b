package org.pacekpi.sandbox.internal.crm;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Channel;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Direction;
import org.pacekpi.host.activity.Outcome;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.activity.ActivityDraft;
import org.pacekpi.sandbox.internal.activity.ActivityLog;

/**
 * What a CRM user does besides logging interactions: create contacts, accounts and deals and move deals through the
 * funnel. Each writes its rows and logs the activity it implies in the caller's {@link ActivityLog} transaction, so
 * the REST API and the simulator produce the same history.
 */
public final class CrmActions {

    private CrmActions() {
    }

    /**
     * A deal action's result.
     *
     * @param deal       the deal after the action
     * @param activities the activities it logged
     */
    public record DealResult(Deal deal, List<Activity> activities) {
    }

    /** Creates an account (no activity: a company is not an interaction). */
    public static Account createAccount(ActivityLog.Writes writes, String name, String webDomain, String ownerId,
                                        Instant at) throws SQLException {
        Account account = new Account("acc-" + writes.next("account"), name, webDomain, ownerId, at);
        Accounts.insert(writes.connection(), account);
        return account;
    }

    /**
     * Creates a contact and, if {@code logActivity}, logs {@link ActivityKind#CONTACT_CREATED} by its owner with the
     * contact as counterpart.
     *
     * @return the contact and the activity (null when not logged)
     */
    public static ContactResult createContact(ActivityLog.Writes writes, String ownerId, String accountId, String name,
                                              String email, String phone, boolean internal, Instant at,
                                              boolean logActivity) throws SQLException {
        Contact contact = new Contact("con-" + writes.next("contact"), ownerId, accountId, name,
                email == null ? null : email.toLowerCase(Locale.ROOT), phone, internal, at);
        Contacts.insert(writes.connection(), contact);
        writes.directoryChanged();
        Activity activity = null;
        if (logActivity) {
            activity = writes.create(new ActivityDraft(at, ownerId, ActivityKind.CONTACT_CREATED, Channel.NONE,
                    Direction.NONE, Outcome.NONE, null, List.of(counterpart(contact)), null, null, null, null, false));
        }
        return new ContactResult(contact, activity);
    }

    /**
     * A contact action's result.
     *
     * @param contact  the contact
     * @param activity the activity logged, or null
     */
    public record ContactResult(Contact contact, Activity activity) {
    }

    /**
     * Creates an open deal in a stage and, if {@code logActivity}, logs it entering that stage
     * ({@link ActivityKind#DEAL_STAGE_CHANGED}) by the owner.
     */
    public static DealResult createDeal(ActivityLog.Writes writes, String title, String ownerId, String accountId,
                                        String contactId, String stage, BigDecimal amount, String currency,
                                        Instant at, boolean logActivity) throws SQLException {
        Deal deal = new Deal("deal-" + writes.next("deal"), title, ownerId, accountId, contactId, stage, amount,
                currency, Deal.DealStatus.OPEN, at, at);
        Deals.insert(writes.connection(), deal);
        List<Activity> logged = new ArrayList<>();
        if (logActivity) {
            logged.add(writes.create(dealEvent(deal, ActivityKind.DEAL_STAGE_CHANGED, stage, at)));
        }
        return new DealResult(deal, logged);
    }

    /**
     * Moves an open deal to a stage, or closes it: {@code paid} (or its alias {@code won}) wins it and logs the stage
     * change and {@link ActivityKind#DEAL_WON} with the amount; {@code lost} logs {@link ActivityKind#DEAL_LOST} in
     * the stage where it was lost; any other stage logs the stage change. The activities are credited to the owner.
     *
     * @throws CrmProblem 400 for an unknown stage, 409 for a closed deal or the stage it is already in
     */
    public static DealResult moveDeal(ActivityLog.Writes writes, Deal deal, String target, Instant at)
            throws SQLException {
        if (deal.status() != Deal.DealStatus.OPEN) {
            throw CrmProblem.conflict("stage", "deal " + deal.id() + " is already "
                    + deal.status().name().toLowerCase(Locale.ROOT) + "; a closed deal does not move");
        }
        String stage = target == null ? null : target.strip().toLowerCase(Locale.ROOT);
        if ("won".equals(stage)) {
            stage = DealStages.PAID;
        }
        if (stage == null || (!DealStages.isStage(stage) && !"lost".equals(stage))) {
            throw CrmProblem.invalid("stage", "unknown stage '" + target + "'; one of "
                    + String.join(", ", DealStages.STAGES) + ", won, lost");
        }
        if (stage.equals(deal.stage())) {
            throw CrmProblem.conflict("stage", "deal " + deal.id() + " is already in stage '" + stage + "'");
        }
        List<Activity> logged = new ArrayList<>();
        Deal moved;
        if ("lost".equals(stage)) {
            moved = deal.moved(deal.stage(), Deal.DealStatus.LOST, at);
            logged.add(writes.create(dealEvent(moved, ActivityKind.DEAL_LOST, deal.stage(), at)));
        } else if (DealStages.PAID.equals(stage)) {
            moved = deal.moved(stage, Deal.DealStatus.WON, at);
            logged.add(writes.create(dealEvent(moved, ActivityKind.DEAL_STAGE_CHANGED, stage, at)));
            logged.add(writes.create(dealEvent(moved, ActivityKind.DEAL_WON, stage, at)));
        } else {
            moved = deal.moved(stage, Deal.DealStatus.OPEN, at);
            logged.add(writes.create(dealEvent(moved, ActivityKind.DEAL_STAGE_CHANGED, stage, at)));
        }
        Deals.updateStage(writes.connection(), moved);
        return new DealResult(moved, logged);
    }

    /** The counterpart describing a contact. */
    public static Counterpart counterpart(Contact contact) {
        return new Counterpart(contact.id(), contact.accountId(), contact.email(), contact.phone(), contact.name());
    }

    private static ActivityDraft dealEvent(Deal deal, ActivityKind kind, String stage, Instant at) {
        // deal events have no counterpart (the host-api contract); the deal carries the money
        return new ActivityDraft(at, deal.ownerId(), kind, Channel.NONE, Direction.NONE, Outcome.NONE, null,
                List.of(), deal.id(), stage, deal.amount(), deal.amount() == null ? null : deal.currency(), false);
    }
}
