package org.pacekpi.sandbox.internal.rest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Channel;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Direction;
import org.pacekpi.host.activity.Outcome;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.activity.ActivityDraft;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.pacekpi.sandbox.internal.crm.Contacts;
import org.pacekpi.sandbox.internal.crm.CrmActions;
import org.pacekpi.sandbox.internal.crm.Deal;
import org.pacekpi.sandbox.internal.crm.DealStages;
import org.pacekpi.sandbox.internal.crm.Deals;

/**
 * Checks an {@link ActivityRequest} and turns it into an {@link ActivityDraft}: fills in the defaults (now, the
 * signed-in user, the channel and outcome that go with the type), resolves the counterpart from a contact id,
 * e-mail or phone, and refuses anything inconsistent with a {@link CrmProblem} that names the field. It reads
 * contacts and deals on the caller's connection, inside the transaction that will write the activity.
 */
public final class ActivityRequests {

    /** Clock skew tolerated before a timestamp counts as "in the future". */
    static final Duration SKEW = Duration.ofMinutes(5);
    /** Longest call or meeting accepted. */
    static final long MAX_DURATION_SECONDS = Duration.ofHours(24).getSeconds();

    private static final Set<ActivityKind> INTERACTIONS = EnumSet.of(ActivityKind.CALL, ActivityKind.EMAIL,
            ActivityKind.MESSAGE, ActivityKind.MEETING);
    private static final Set<ActivityKind> DEAL_EVENTS = EnumSet.of(ActivityKind.DEAL_STAGE_CHANGED,
            ActivityKind.DEAL_WON, ActivityKind.DEAL_LOST);
    private static final Map<ActivityKind, List<Channel>> CHANNELS = Map.of(
            ActivityKind.CALL, List.of(Channel.PHONE, Channel.VIDEO),
            ActivityKind.EMAIL, List.of(Channel.EMAIL),
            ActivityKind.MESSAGE, List.of(Channel.MESSENGER),
            ActivityKind.MEETING, List.of(Channel.IN_PERSON, Channel.VIDEO));
    private static final Map<ActivityKind, List<Outcome>> OUTCOMES = Map.of(
            ActivityKind.CALL, List.of(Outcome.CONNECTED, Outcome.NO_ANSWER, Outcome.BUSY, Outcome.VOICEMAIL),
            ActivityKind.EMAIL, List.of(Outcome.SENT, Outcome.FAILED),
            ActivityKind.MESSAGE, List.of(Outcome.SENT, Outcome.FAILED),
            ActivityKind.MEETING, List.of(Outcome.HELD, Outcome.NOT_HELD, Outcome.SCHEDULED));
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,40}");

    private final Directory directory;
    private final Clock clock;

    /** A validator that knows the users and the time. */
    public ActivityRequests(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * What a correction keeps from the activity it corrects when the request leaves a field out.
     *
     * @param actorId    the user credited so far
     * @param occurredAt when it happened
     */
    public record Defaults(String actorId, Instant occurredAt) {
    }

    /**
     * The draft for a request.
     *
     * @param request    the request body; null is refused
     * @param caller     the signed-in user
     * @param defaults   for a correction, the activity's current actor and time; null for a new activity
     * @param connection where contacts and deals are looked up
     * @throws CrmProblem 400 naming the wrong field, or 403 when a non-admin logs for someone else
     */
    public ActivityDraft toDraft(ActivityRequest request, User caller, Defaults defaults, Connection connection)
            throws SQLException {
        if (request == null) {
            throw CrmProblem.invalid(null, "the request body is missing; send a JSON object with at least \"type\"");
        }
        ActivityKind kind = kind(request.type());
        Instant now = clock.instant();
        Instant occurredAt = occurredAt(request.occurredAt(), defaults == null ? now : defaults.occurredAt());
        String actorId = actor(request.actorId(), caller, defaults);
        boolean interaction = INTERACTIONS.contains(kind);

        Channel channel = interaction ? channel(kind, request.channel()) : none("channel", request.channel(), kind);
        Direction direction = interaction ? direction(request.direction()) : none("direction", request.direction(), kind);
        Outcome outcome = interaction ? outcome(kind, request.outcome(), occurredAt, now)
                : none("outcome", request.outcome(), kind);
        Duration duration = duration(kind, request.durationSeconds());
        if (occurredAt.isAfter(now.plus(SKEW)) && outcome != Outcome.SCHEDULED) {
            throw CrmProblem.invalid("occurredAt", occurredAt + " is in the future; only a meeting with outcome "
                    + "'scheduled' may be");
        }

        Deal deal = deal(kind, request.dealId(), connection);
        List<Counterpart> counterparts = counterparts(kind, request, connection);
        String stage = stage(kind, request.stage(), deal);
        BigDecimal amount = amount(kind, request.amount(), deal);
        String currency = currency(kind, request.currency(), amount, deal);
        boolean automated = request.automated() != null && request.automated();
        try {
            return new ActivityDraft(occurredAt, actorId, kind, channel, direction, outcome, duration, counterparts,
                    deal == null ? null : deal.id(), stage, amount, currency, automated);
        } catch (IllegalArgumentException e) {
            throw CrmProblem.invalid(null, e.getMessage());
        }
    }

    private static ActivityKind kind(String type) {
        if (type == null || type.isBlank()) {
            throw CrmProblem.invalid("type", "is required; one of " + String.join(", ", ApiNames.loggableTypes()));
        }
        return ApiNames.kind(type).orElseThrow(() -> CrmProblem.invalid("type", "unknown type '" + type
                + "'; one of " + String.join(", ", ApiNames.loggableTypes())));
    }

    private static Instant occurredAt(String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw CrmProblem.invalid("occurredAt", "'" + value + "' is not an ISO-8601 instant such as "
                        + "2026-11-02T10:15:00Z or 2026-11-02T11:15:00+01:00");
            }
        }
    }

    private String actor(String requested, User caller, Defaults defaults) {
        String fallback = defaults == null ? caller.id() : defaults.actorId();
        String actorId = requested == null || requested.isBlank() ? fallback : requested.strip();
        if (!actorId.equals(caller.id()) && !caller.hasRole(Role.ADMIN)) {
            throw CrmProblem.forbidden("only an admin may log an activity for someone else (actorId '"
                    + actorId + "', signed in as '" + caller.id() + "')");
        }
        if (directory.user(actorId).isEmpty()) {
            throw CrmProblem.invalid("actorId", "no user '" + actorId + "'");
        }
        return actorId;
    }

    private static Channel channel(ActivityKind kind, String value) {
        List<Channel> allowed = CHANNELS.get(kind);
        if (value == null || value.isBlank()) {
            return allowed.get(0);
        }
        Channel channel = ApiNames.parse(Channel.class, value).orElseThrow(() -> CrmProblem.invalid("channel",
                "unknown channel '" + value + "'; one of " + ApiNames.names(Channel.class)));
        if (!allowed.contains(channel)) {
            throw CrmProblem.invalid("channel", "a " + ApiNames.type(kind) + " uses "
                    + String.join(" or ", allowed.stream().map(ApiNames::lower).toList()) + ", not '" + value + "'");
        }
        return channel;
    }

    private static Direction direction(String value) {
        if (value == null || value.isBlank()) {
            return Direction.OUTBOUND;
        }
        return ApiNames.parse(Direction.class, value).filter(d -> d != Direction.NONE)
                .orElseThrow(() -> CrmProblem.invalid("direction", "unknown direction '" + value
                        + "'; outbound or inbound"));
    }

    private static Outcome outcome(ActivityKind kind, String value, Instant occurredAt, Instant now) {
        List<Outcome> allowed = OUTCOMES.get(kind);
        if (value == null || value.isBlank()) {
            if (kind == ActivityKind.MEETING && occurredAt.isAfter(now)) {
                return Outcome.SCHEDULED;
            }
            return allowed.get(0);
        }
        Optional<Outcome> outcome = ApiNames.parse(Outcome.class, value);
        if (outcome.isEmpty() || !allowed.contains(outcome.get())) {
            throw CrmProblem.invalid("outcome", "'" + value + "' is not an outcome of a " + ApiNames.type(kind)
                    + "; one of " + String.join(", ", allowed.stream().map(ApiNames::lower).toList()));
        }
        return outcome.get();
    }

    /** For kinds without channel, direction or outcome: refuse a value, else NONE. */
    private static <E extends Enum<E>> E none(String field, String value, ActivityKind kind) {
        if (value != null && !value.isBlank() && !value.strip().equalsIgnoreCase("none")) {
            throw CrmProblem.invalid(field, "a " + ApiNames.type(kind) + " activity has no " + field
                    + "; leave it out");
        }
        @SuppressWarnings("unchecked")
        E result = (E) switch (field) {
            case "channel" -> Channel.NONE;
            case "direction" -> Direction.NONE;
            default -> Outcome.NONE;
        };
        return result;
    }

    private static Duration duration(ActivityKind kind, Long seconds) {
        if (seconds == null) {
            return null;
        }
        if (kind != ActivityKind.CALL && kind != ActivityKind.MEETING) {
            throw CrmProblem.invalid("durationSeconds", "only calls and meetings have a duration, not a "
                    + ApiNames.type(kind));
        }
        if (seconds < 0) {
            throw CrmProblem.invalid("durationSeconds", "must not be negative, was " + seconds);
        }
        if (seconds > MAX_DURATION_SECONDS) {
            throw CrmProblem.invalid("durationSeconds", "must be at most " + MAX_DURATION_SECONDS
                    + " (a day), was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    private static Deal deal(ActivityKind kind, String dealId, Connection connection) throws SQLException {
        if (dealId == null || dealId.isBlank()) {
            if (DEAL_EVENTS.contains(kind)) {
                throw CrmProblem.invalid("dealId", "is required for a " + ApiNames.type(kind) + " activity");
            }
            return null;
        }
        if (kind == ActivityKind.CONTACT_CREATED) {
            throw CrmProblem.invalid("dealId", "a contact_created activity has no deal; leave it out");
        }
        return Deals.find(connection, dealId.strip())
                .orElseThrow(() -> CrmProblem.invalid("dealId", "no deal '" + dealId + "'"));
    }

    private List<Counterpart> counterparts(ActivityKind kind, ActivityRequest request, Connection connection)
            throws SQLException {
        boolean hasAttendees = request.attendees() != null && !request.attendees().isEmpty();
        if (hasAttendees && kind != ActivityKind.MEETING) {
            throw CrmProblem.invalid("attendees", "only meetings have attendees; name the counterpart of a "
                    + ApiNames.type(kind) + " with contactId, email or phone");
        }
        if (DEAL_EVENTS.contains(kind)) {
            for (String field : List.of("contactId", "email", "phone")) {
                if (value(request, field) != null) {
                    throw CrmProblem.invalid(field, "a " + ApiNames.type(kind) + " activity has no counterpart "
                            + "(the deal names its contact); leave it out");
                }
            }
            return List.of();
        }
        if (kind == ActivityKind.CONTACT_CREATED) {
            if (request.contactId() == null || request.contactId().isBlank()) {
                throw CrmProblem.invalid("contactId", "is required for a contact_created activity");
            }
            return List.of(CrmActions.counterpart(contact("contactId", request.contactId(), connection)));
        }
        Set<Counterpart> result = new LinkedHashSet<>();
        Counterpart main = mainCounterpart(request, connection);
        if (main != null) {
            result.add(main);
        }
        if (hasAttendees) {
            for (int i = 0; i < request.attendees().size(); i++) {
                String field = "attendees[" + i + "]";
                String id = request.attendees().get(i);
                if (id == null || id.isBlank()) {
                    throw CrmProblem.invalid(field, "is empty; attendees are contact ids");
                }
                result.add(CrmActions.counterpart(contact(field, id, connection)));
            }
        }
        if (result.isEmpty()) {
            throw CrmProblem.invalid("contactId", "a " + ApiNames.type(kind) + " needs a counterpart: contactId, "
                    + "email or phone" + (kind == ActivityKind.MEETING ? ", or attendees" : ""));
        }
        return new ArrayList<>(result);
    }

    private static Counterpart mainCounterpart(ActivityRequest request, Connection connection) throws SQLException {
        String email = request.email() == null || request.email().isBlank() ? null
                : request.email().strip().toLowerCase(Locale.ROOT);
        String phone = request.phone() == null || request.phone().isBlank() ? null : request.phone().strip();
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw CrmProblem.invalid("email", "'" + request.email() + "' is not an e-mail address");
        }
        if (phone != null && (!PHONE.matcher(phone).matches() || phone.chars().filter(Character::isDigit).count() < 3)) {
            throw CrmProblem.invalid("phone", "'" + request.phone() + "' is not a phone number");
        }
        Contact contact = null;
        if (request.contactId() != null && !request.contactId().isBlank()) {
            contact = contact("contactId", request.contactId(), connection);
        } else if (email != null) {
            contact = Contacts.byEmail(connection, email).orElse(null);
        } else if (phone != null) {
            contact = Contacts.byPhone(connection, phone).orElse(null);
        }
        if (contact == null) {
            return email == null && phone == null ? null : new Counterpart(null, null, email, phone, null);
        }
        // the address actually used wins over the one on file (a second mailbox, a mobile number)
        return new Counterpart(contact.id(), contact.accountId(), email != null ? email : contact.email(),
                phone != null ? phone : contact.phone(), contact.name());
    }

    private static Contact contact(String field, String id, Connection connection) throws SQLException {
        return Contacts.find(connection, id.strip())
                .orElseThrow(() -> CrmProblem.invalid(field, "no contact '" + id + "'"));
    }

    private static String stage(ActivityKind kind, String value, Deal deal) {
        String stage = value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
        if (stage != null && !DealStages.isStage(stage)) {
            throw CrmProblem.invalid("stage", "unknown stage '" + value + "'; one of "
                    + String.join(", ", DealStages.STAGES));
        }
        if (stage != null && deal == null) {
            throw CrmProblem.invalid("stage", "a stage needs a dealId");
        }
        return switch (kind) {
            case DEAL_STAGE_CHANGED -> {
                if (stage == null) {
                    throw CrmProblem.invalid("stage", "is required for a deal_stage_change; one of "
                            + String.join(", ", DealStages.STAGES));
                }
                yield stage;
            }
            case DEAL_WON -> stage == null ? DealStages.PAID : stage;
            default -> stage == null && deal != null ? deal.stage() : stage;
        };
    }

    private static BigDecimal amount(ActivityKind kind, BigDecimal value, Deal deal) {
        if (value != null) {
            if (!DEAL_EVENTS.contains(kind)) {
                throw CrmProblem.invalid("amount", "only deal activities carry an amount, not a " + ApiNames.type(kind));
            }
            if (value.signum() < 0) {
                throw CrmProblem.invalid("amount", "must not be negative, was " + value.toPlainString());
            }
            if (value.stripTrailingZeros().scale() > 2) {
                throw CrmProblem.invalid("amount", "has more than 2 decimals: " + value.toPlainString());
            }
            return value;
        }
        return DEAL_EVENTS.contains(kind) && deal != null ? deal.amount() : null;
    }

    private static String currency(ActivityKind kind, String value, BigDecimal amount, Deal deal) {
        if (value == null || value.isBlank()) {
            if (amount == null) {
                return null;
            }
            if (deal != null && deal.currency() != null) {
                return deal.currency();
            }
            throw CrmProblem.invalid("currency", "is required with an amount, e.g. EUR");
        }
        if (!DEAL_EVENTS.contains(kind)) {
            throw CrmProblem.invalid("currency", "only deal activities carry an amount and currency");
        }
        return isoCurrency(value);
    }

    /** The ISO 4217 code {@code value} names, upper-cased; a 400 naming the currency field when it names none. */
    static String isoCurrency(String value) {
        String code = value.strip().toUpperCase(Locale.ROOT);
        boolean known = code.matches("[A-Z]{3}")
                && Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
        if (!known) {
            throw CrmProblem.invalid("currency", "'" + value + "' is not an ISO 4217 currency code such as EUR");
        }
        return code;
    }

    private static String value(ActivityRequest request, String field) {
        String value = switch (field) {
            case "contactId" -> request.contactId();
            case "email" -> request.email();
            default -> request.phone();
        };
        return value == null || value.isBlank() ? null : value;
    }
}
