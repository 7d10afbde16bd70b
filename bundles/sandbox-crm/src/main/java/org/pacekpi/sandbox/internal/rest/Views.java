package org.pacekpi.sandbox.internal.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.pacekpi.sandbox.internal.crm.Deal;

/** The JSON documents the sandbox's REST API answers with. */
public final class Views {

    private Views() {
    }

    /**
     * An activity as the API shows it.
     *
     * @param id              the activity's id
     * @param sequence        the sequence number of its latest change
     * @param type            API name of the kind
     * @param occurredAt      when it happened
     * @param actorId         the user credited
     * @param channel         API name of the channel
     * @param direction       API name of the direction
     * @param outcome         API name of the outcome
     * @param durationSeconds length in seconds, or null
     * @param counterparts    who it was with
     * @param dealId          the deal, or null
     * @param stage           the deal stage, or null
     * @param amount          the money, or null
     * @param currency        the money's currency, or null
     * @param automated       true if created by automation
     */
    public record ActivityView(String id, long sequence, String type, Instant occurredAt, String actorId,
                               String channel, String direction, String outcome, Long durationSeconds,
                               List<CounterpartView> counterparts, String dealId, String stage, BigDecimal amount,
                               String currency, boolean automated) {

        /** The view of an activity. */
        public static ActivityView of(Activity activity) {
            return new ActivityView(activity.id(), activity.sequence(), ApiNames.type(activity.kind()),
                    activity.occurredAt(), activity.actorId(), ApiNames.lower(activity.channel()),
                    ApiNames.lower(activity.direction()), ApiNames.lower(activity.outcome()),
                    activity.duration() == null ? null : activity.duration().getSeconds(),
                    activity.counterparts().stream().map(CounterpartView::of).toList(), activity.dealId(),
                    activity.stage(), activity.amount(), activity.currency(), activity.automated());
        }
    }

    /**
     * A counterpart of an activity.
     *
     * @param contactId the contact, or null
     * @param accountId the contact's account, or null
     * @param email     e-mail address used, or null
     * @param phone     phone number used, or null
     * @param name      display name, or null
     */
    public record CounterpartView(String contactId, String accountId, String email, String phone, String name) {
        static CounterpartView of(Counterpart counterpart) {
            return new CounterpartView(counterpart.contactId(), counterpart.accountId(), counterpart.email(),
                    counterpart.phone(), counterpart.name());
        }
    }

    /**
     * A contact.
     *
     * @param id              its id
     * @param ownerId         the user whose contact it is
     * @param accountId       the client company, or null
     * @param name            display name
     * @param email           e-mail address, or null
     * @param phone           phone number, or null
     * @param internal        true for a colleague
     * @param createdAt       when it was created
     * @param createdActivity the contact_created activity, in the answer to its creation only
     */
    public record ContactView(String id, String ownerId, String accountId, String name, String email, String phone,
                              boolean internal, Instant createdAt, ActivityView createdActivity) {
        /** The view of a contact, without activity. */
        public static ContactView of(Contact contact) {
            return of(contact, null);
        }

        /** The view of a contact with the activity its creation logged. */
        public static ContactView of(Contact contact, Activity created) {
            return new ContactView(contact.id(), contact.ownerId(), contact.accountId(), contact.name(),
                    contact.email(), contact.phone(), contact.internal(), contact.createdAt(),
                    created == null ? null : ActivityView.of(created));
        }
    }

    /**
     * A deal.
     *
     * @param id         its id
     * @param title      what is sold
     * @param ownerId    the manager who owns it
     * @param accountId  the client company, or null
     * @param contactId  the main contact, or null
     * @param stage      current stage
     * @param status     open, won or lost
     * @param amount     the money, or null
     * @param currency   the money's currency, or null
     * @param createdAt  when it was created
     * @param updatedAt  when it last changed
     * @param activities the activities the request logged (only in answers to changes)
     */
    public record DealView(String id, String title, String ownerId, String accountId, String contactId, String stage,
                           String status, BigDecimal amount, String currency, Instant createdAt, Instant updatedAt,
                           List<ActivityView> activities) {
        /** The view of a deal with the activities a change logged (null for none). */
        public static DealView of(Deal deal, List<Activity> logged) {
            return new DealView(deal.id(), deal.title(), deal.ownerId(), deal.accountId(), deal.contactId(),
                    deal.stage(), ApiNames.lower(deal.status()), deal.amount(), deal.currency(), deal.createdAt(),
                    deal.updatedAt(), logged == null ? null : logged.stream().map(ActivityView::of).toList());
        }
    }

    /**
     * A user.
     *
     * @param id          stable id (the sandbox uses the login)
     * @param login       sign-in name
     * @param displayName name shown
     * @param email       work e-mail
     * @param phone       work phone
     * @param roles       admin, head, manager
     * @param teamId      the user's team, or null
     * @param timeZone    the user's time zone
     * @param active      false for a user who left
     * @param headOf      ids of the teams the user heads
     */
    public record UserView(String id, String login, String displayName, String email, String phone, List<String> roles,
                           String teamId, String timeZone, boolean active, List<String> headOf) {
        /** The view of a user. */
        public static UserView of(User user, String phone, List<String> headOf) {
            return new UserView(user.id(), user.login(), user.displayName(), user.email(), phone,
                    user.roles().stream().sorted().map(Role::name).map(String::toLowerCase).toList(), user.teamId(),
                    user.timeZone().getId(), user.active(), headOf);
        }
    }

    /**
     * What {@code GET /crm/api/status} says, e.g. for tests waiting for the simulator.
     *
     * @param simulated      true once the simulated sales team has been written
     * @param latestSequence the highest activity sequence number
     * @param activities     how many activities exist (deleted ones not counted)
     */
    public record StatusView(boolean simulated, long latestSequence, long activities) {
    }
}
