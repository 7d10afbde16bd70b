package org.pacekpi.engine.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.pacekpi.api.ExclusionReason;
import org.pacekpi.api.Metrics;
import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.CountingState;
import org.pacekpi.api.store.DuplicateGroup;
import org.pacekpi.api.store.Judgement;
import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Channel;
import org.pacekpi.host.activity.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counting rules of one activity, and the assembly of its {@link CountingState} once the group rules
 * ({@link GroupRules}) have said whether its touch counts and whether it is a first contact.
 *
 * <p>What one activity contributes on its own (to the actor, on the actor's local day):
 * <ul>
 * <li>{@code callAttempts}: a call to an external counterpart, connected or not;</li>
 * <li>{@code meetingsHeld}: a held meeting with at least one external attendee;</li>
 * <li>{@code newContacts}: a contact created that is not a colleague;</li>
 * <li>{@code stage:<id>}, {@code dealsWon} with {@code revenue:<currency>} (in minor units), {@code dealsLost}: deal
 * events, which count whether automated or not (a deal moved by a workflow still moved).</li>
 * </ul>
 * Automated calls, meetings and contact creations count only when the configuration says so. A touch candidate may
 * add {@code touches} and {@code touches:<channel>} (if its duplicate group lets it count) and {@code firstContacts}
 * (if it is the company's first touch with the contact).
 *
 * <p>Days are the actor's local days, so that "today" and "this week" mean what the manager sees on their own clock.
 */
public final class CountingRules {

    private static final long SECONDS_PER_DAY = 86_400;

    /** The {@code touches:<channel>} metric of each of the host's channels, by the channel's name. */
    private static final Map<String, String> TOUCHES_BY_CHANNEL = Arrays.stream(Channel.values())
            .collect(Collectors.toUnmodifiableMap(Channel::name, channel -> Metrics.touchesBy(channel.name())));

    private static final Logger LOG = LoggerFactory.getLogger(CountingRules.class);

    private final CountingSettings settings;
    private final ActorZones zones;
    private final TouchRule touchRule;
    private final CounterpartRule counterparts;

    /**
     * @param settings the configured rules
     * @param zones    the actors' time zones
     */
    public CountingRules(CountingSettings settings, ActorZones zones) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.touchRule = new TouchRule(settings);
        this.counterparts = new CounterpartRule(settings);
    }

    /** The configured rules. */
    public CountingSettings settings() {
        return settings;
    }

    /** The same rules with each actor's zone asked once and remembered ({@link ActorZones#remembering}). */
    public CountingRules rememberingZones() {
        return new CountingRules(settings, ActorZones.remembering(zones));
    }

    /** True for the metrics the group rules decide, which are never among an activity's own contributions. */
    public static boolean isGroupMetric(String metric) {
        return Metrics.TOUCHES.equals(metric) || Metrics.FIRST_CONTACTS.equals(metric)
                || metric.startsWith(Metrics.TOUCHES_BY_CHANNEL_PREFIX);
    }

    /** The activity judged on its own. A deleted activity is neither a candidate nor contributes anything. */
    public IndividualDecision evaluate(LoggedActivity activity) {
        LocalDate day = LocalDate.ofInstant(activity.occurredAt(), zones.zoneOf(activity.actorId()));
        if (activity.deleted()) {
            return new IndividualDecision(activity, day, null, null, null, List.of());
        }
        List<Contribution> base = baseContributions(activity, day);
        if (!TouchRule.isInteraction(activity.kind())) {
            return new IndividualDecision(activity, day, null, null, null, base);
        }
        Optional<ExclusionReason> exclusion = touchRule.exclusion(activity);
        if (exclusion.isPresent()) {
            return new IndividualDecision(activity, day, exclusion.get(), null, null, base);
        }
        // A candidate passed the colleague rule, so it has an external counterpart.
        LoggedCounterpart contact = ActivityKind.MEETING.name().equals(activity.kind())
                ? counterparts.firstExternalOrNull(activity) : CounterpartRule.primaryOrNull(activity);
        if (contact == null) {
            throw new IllegalStateException("activity " + activity.id() + " passed the colleague rule with no"
                    + " external counterpart");
        }
        String contactKey = CounterpartRule.contactKey(contact);
        String duplicateKey = settings.collapsesDuplicates() ? duplicateKey(activity, day, contactKey) : null;
        return new IndividualDecision(activity, day, null, duplicateKey, contactKey, base);
    }

    /**
     * The activity judged on its own for a recount of the whole log ({@link org.pacekpi.api.store.PaceStore#recountAll}):
     * its state on its own and, for a touch candidate, what its groups may add ({@code touches} and
     * {@code touches:<channel>} when its touch counts, {@code firstContacts} when it is a first contact) and the
     * exclusion {@code DUPLICATE} when its touch does not count. The store elects; {@link Judgement#state} then gives
     * exactly what {@link #state} gives for the same outcome.
     */
    public Judgement judge(LoggedActivity activity) {
        IndividualDecision decision = evaluate(activity);
        if (!decision.candidate()) {
            return Judgement.alone(state(decision, false, false));
        }
        return candidateJudgement(decision.activity(), decision.localDay(), decision.duplicateKey(),
                decision.contactKey(), decision.base());
    }

    /**
     * The state of an activity judged on its own and by its groups.
     *
     * @param touchCounts  for a candidate: true if it is the one touch its duplicate group counts
     * @param firstContact for a candidate: true if it is the company's first touch with its contact
     */
    public CountingState state(IndividualDecision decision, boolean touchCounts, boolean firstContact) {
        if (!decision.candidate()) {
            String reason = decision.exclusion() == null ? null : decision.exclusion().name();
            return new CountingState(decision.localDay(), reason, null, null, decision.base());
        }
        return candidateState(decision.activity(), decision.localDay(), decision.duplicateKey(), decision.contactKey(),
                decision.base(), touchCounts, firstContact);
    }

    /**
     * A stored candidate's state after its groups were decided again, keeping what it decided on its own (its day,
     * keys and own contributions) as stored: only its group outcome can change when other activities change.
     */
    public CountingState regroup(CountedActivity stored, boolean touchCounts, boolean firstContact) {
        CountingState state = stored.state();
        List<Contribution> base = state.contributions().stream().filter(c -> !isGroupMetric(c.metric())).toList();
        return candidateState(stored.activity(), state.localDay(), state.duplicateKey(), state.contactKey(), base,
                touchCounts, firstContact);
    }

    private CountingState candidateState(LoggedActivity activity, LocalDate day, String duplicateKey,
                                         String contactKey, List<Contribution> base, boolean touchCounts,
                                         boolean firstContact) {
        if (firstContact && !touchCounts) {
            // The earliest touch with a contact is also the earliest of its duplicate group.
            throw new IllegalStateException("activity " + activity.id() + " is a first contact but its touch does "
                    + "not count");
        }
        return candidateJudgement(activity, day, duplicateKey, contactKey, base).state(touchCounts, firstContact);
    }

    /** A candidate's judgement: the one place that says what its groups add, for both the recount and the rest. */
    private static Judgement candidateJudgement(LoggedActivity activity, LocalDate day, String duplicateKey,
                                                String contactKey, List<Contribution> base) {
        String actor = activity.actorId();
        return new Judgement(new CountingState(day, null, duplicateKey, contactKey, base),
                List.of(new Contribution(actor, Metrics.TOUCHES, day, 1),
                        new Contribution(actor, touchesBy(channel(activity)), day, 1)),
                List.of(new Contribution(actor, Metrics.FIRST_CONTACTS, day, 1)), ExclusionReason.DUPLICATE.name());
    }

    /**
     * The duplicate group: actor, channel, window and contact. Windows are fixed buckets of the actor's local epoch
     * day, so that a touch's group never depends on which other touches exist. The actor id is length-prefixed so
     * that no two different tuples give the same key, whatever characters the host's ids contain; the contact key
     * comes last and may contain anything.
     */
    private String duplicateKey(LoggedActivity activity, LocalDate day, String contactKey) {
        long bucket = Math.floorDiv(day.toEpochDay(), (long) settings.duplicateWindowDays());
        return activity.actorId().length() + ":" + activity.actorId() + "|" + channel(activity) + "|" + bucket + "|"
                + contactKey;
    }

    /**
     * The duplicate group named by a key, with a span of time that holds every member: the group's window of the
     * actor's local days, widened by a day on each side so that it holds whatever the actor's time zone (offsets
     * stay within 14 hours). Only valid for the window length these rules were configured with.
     *
     * @param localDay the local day of any member of the group
     */
    public DuplicateGroup duplicateGroup(String duplicateKey, String contactKey, LocalDate localDay) {
        long window = settings.duplicateWindowDays();
        long firstDay = Math.floorDiv(localDay.toEpochDay(), window) * window;
        return new DuplicateGroup(duplicateKey, contactKey, Instant.ofEpochSecond((firstDay - 1) * SECONDS_PER_DAY),
                Instant.ofEpochSecond((firstDay + window + 1) * SECONDS_PER_DAY));
    }

    private static String channel(LoggedActivity activity) {
        return activity.channel() == null ? "NONE" : activity.channel();
    }

    /** {@link Metrics#touchesBy} the channel, made once for the host's channels: a rebuild asks for millions. */
    private static String touchesBy(String channel) {
        String metric = TOUCHES_BY_CHANNEL.get(channel);
        return metric != null ? metric : Metrics.touchesBy(channel);
    }

    private List<Contribution> baseContributions(LoggedActivity activity, LocalDate day) {
        String actor = activity.actorId();
        boolean personal = !activity.automated() || settings.countAutomated();
        ActivityKind kind;
        try {
            kind = ActivityKind.valueOf(activity.kind());
        } catch (IllegalArgumentException e) {
            // A kind from a newer host contract: kept in the log, counted for nothing.
            LOG.debug("activity {}: unknown kind '{}' counts for nothing", activity.id(), activity.kind());
            return List.of();
        }
        List<Contribution> base = new ArrayList<>(2);
        switch (kind) {
            case CALL -> {
                LoggedCounterpart primary = personal ? CounterpartRule.primaryOrNull(activity) : null;
                if (primary != null && counterparts.external(primary)) {
                    base.add(new Contribution(actor, Metrics.CALL_ATTEMPTS, day, 1));
                }
            }
            case MEETING -> {
                if (personal && Outcome.HELD.name().equals(activity.outcome())
                        && counterparts.firstExternalOrNull(activity) != null) {
                    base.add(new Contribution(actor, Metrics.MEETINGS_HELD, day, 1));
                }
            }
            case CONTACT_CREATED -> {
                // The created contact is the counterpart if the host names it; a colleague entered as a contact is no
                // new client.
                LoggedCounterpart primary = personal ? CounterpartRule.primaryOrNull(activity) : null;
                if (personal && (primary == null || !counterparts.internal(primary))) {
                    base.add(new Contribution(actor, Metrics.NEW_CONTACTS, day, 1));
                }
            }
            case DEAL_STAGE_CHANGED -> {
                if (activity.stage() != null && !activity.stage().isBlank()) {
                    base.add(new Contribution(actor, Metrics.stage(activity.stage()), day, 1));
                }
            }
            case DEAL_WON -> {
                base.add(new Contribution(actor, Metrics.DEALS_WON, day, 1));
                revenue(activity, day).ifPresent(base::add);
            }
            case DEAL_LOST -> base.add(new Contribution(actor, Metrics.DEALS_LOST, day, 1));
            default -> {
                // e-mails, messages and others contribute only as touches
            }
        }
        return base;
    }

    private Optional<Contribution> revenue(LoggedActivity activity, LocalDate day) {
        BigDecimal amount = activity.amount();
        String currency = activity.currency();
        if (amount == null || currency == null || currency.isBlank()) {
            return Optional.empty();
        }
        OptionalLong minor = CurrencyUnits.toMinorUnits(amount, currency);
        if (minor.isEmpty()) {
            LOG.warn("activity {}: the amount {} {} is too large to add up; its revenue is not counted",
                    activity.id(), amount, currency);
            return Optional.empty();
        }
        return minor.getAsLong() == 0 ? Optional.empty()
                : Optional.of(new Contribution(activity.actorId(), Metrics.revenue(currency), day, minor.getAsLong()));
    }
}
