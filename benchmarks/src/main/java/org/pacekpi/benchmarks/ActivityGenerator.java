package org.pacekpi.benchmarks;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.Channel;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Direction;
import org.pacekpi.host.activity.Outcome;
import org.pacekpi.host.directory.User;

/**
 * The host's activity history for a {@link GeneratedOrganisation}, computed from the sequence number alone, so that
 * any page of ten million changes can be produced on demand and nothing is kept in memory. The change with sequence
 * {@code s} is always the same for the same seed, organisation and last day.
 *
 * <p>The changes, in sequence order, follow the calendar from the first to the last day (working days; a few on
 * weekends, a few logged late). Most create a new activity {@code a<s>}. Slots are reserved by sequence:
 * <ul>
 * <li>{@code s % 50 == 17} (2 %) changes the activity created {@value #CHANGE_DISTANCE} changes earlier: a
 * correction (a meeting later marked not held, a call's duration, a won amount, a date), a deletion, or a
 * reassignment to another manager. Each activity is changed at most once, so the history never revives a deleted
 * one;</li>
 * <li>{@code s % 25 == 8} (4 %) creates a duplicate of the previous change's interaction: same manager, contact,
 * channel and day, minutes later.</li>
 * </ul>
 * The creations mix calls (some not connected, some shorter than 30 s), e-mails, messages, meetings in person and by
 * video (held, not held, scheduled; with a colleague and a client), deal stage changes, won deals with amounts in
 * RUB, EUR or USD, lost deals, contact creations and notes; some are automated, a few are with colleagues.
 */
public final class ActivityGenerator {

    /** How far back a change slot reaches: the creation it changes is this many sequence numbers earlier. */
    static final int CHANGE_DISTANCE = 997;

    static final List<String> STAGES = List.of("qualified", "proposal", "negotiation", "contract");

    private final GeneratedOrganisation organisation;
    private final long total;
    private final long seed;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final List<LocalDate> workingDays;
    private final int contacts;

    /**
     * @param organisation the managers the activities are credited to
     * @param total        the number of changes in the history
     * @param months       months of history, ending with {@code lastDay}
     * @param lastDay      the last day with activities
     * @param seed         the seed
     */
    public ActivityGenerator(GeneratedOrganisation organisation, long total, int months, LocalDate lastDay, long seed) {
        this.organisation = organisation;
        this.total = total;
        this.seed = seed;
        this.lastDay = lastDay;
        this.firstDay = lastDay.minusMonths(months).plusDays(1);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        this.workingDays = List.copyOf(days);
        // About 25 changes per client contact over the whole history, whatever the size.
        this.contacts = (int) Math.max(200, Math.min(Integer.MAX_VALUE, total / 25));
    }

    /** The number of changes, which is also the last sequence number. */
    public long total() {
        return total;
    }

    /** The first day with activities. */
    public LocalDate firstDay() {
        return firstDay;
    }

    /** The last day with activities. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /** The size of the client contact pool. */
    public int contacts() {
        return contacts;
    }

    /** True if the change with this sequence changes an earlier activity rather than creating one. */
    static boolean isChangeSlot(long sequence) {
        return sequence % 50 == 17 && sequence > CHANGE_DISTANCE;
    }

    /** The number of distinct activities the history creates. */
    public long distinctActivities() {
        long changes = 0;
        if (total > CHANGE_DISTANCE) {
            // sequences 17, 67, 117... above CHANGE_DISTANCE, up to total
            long first = CHANGE_DISTANCE + 1 + Math.floorMod(17 - (CHANGE_DISTANCE + 1), 50);
            changes = first > total ? 0 : (total - first) / 50 + 1;
        }
        return total - changes;
    }

    /**
     * The change with this sequence number.
     *
     * @throws IllegalArgumentException outside 1..total
     */
    public ActivityChange change(long sequence) {
        if (sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("sequence " + sequence + " is outside the history 1.." + total);
        }
        if (isChangeSlot(sequence)) {
            return changeOfEarlier(sequence);
        }
        return new ActivityChange(ChangeType.CREATED, creation(sequence));
    }

    /** The activity created at a sequence that is not a change slot, as first logged. */
    Activity creation(long sequence) {
        if (sequence % 25 == 8 && sequence > 1) {
            Activity previous = creation(sequence - 1);
            if (isTouchKind(previous.kind())) {
                SplittableRandom random = random(sequence);
                return previous.toBuilder().id(id(sequence)).sequence(sequence)
                        .occurredAt(previous.occurredAt().plus(Duration.ofMinutes(1 + random.nextInt(90))))
                        .build();
            }
        }
        return fresh(sequence);
    }

    private static boolean isTouchKind(ActivityKind kind) {
        return kind == ActivityKind.CALL || kind == ActivityKind.EMAIL || kind == ActivityKind.MESSAGE;
    }

    private ActivityChange changeOfEarlier(long sequence) {
        Activity original = creation(sequence - CHANGE_DISTANCE);
        SplittableRandom random = random(sequence);
        Activity.Builder changed = original.toBuilder().sequence(sequence);
        int roll = random.nextInt(100);
        if (roll < 25) {
            return new ActivityChange(ChangeType.DELETED, changed.build());
        }
        if (roll < 40) {
            int index = managerIndex(original.actorId());
            int other = (index + organisation.teams().size()) % organisation.managers().size();
            if (other == index) {
                other = (index + 1) % organisation.managers().size();
            }
            return new ActivityChange(ChangeType.UPDATED, changed.actorId(organisation.manager(other).id()).build());
        }
        switch (original.kind()) {
            case MEETING -> changed.outcome(original.outcome() == Outcome.HELD ? Outcome.NOT_HELD : Outcome.HELD);
            case CALL -> changed.outcome(Outcome.CONNECTED).duration(Duration.ofSeconds(10 + random.nextInt(300)));
            case DEAL_WON -> changed.amount(original.amount().multiply(new BigDecimal("1.10"))
                    .setScale(2, java.math.RoundingMode.HALF_UP));
            default -> changed.occurredAt(original.occurredAt().plus(Duration.ofDays(1)));
        }
        return new ActivityChange(ChangeType.UPDATED, changed.build());
    }

    private int managerIndex(String managerId) {
        return Integer.parseInt(managerId.substring(1));
    }

    private Activity fresh(long sequence) {
        SplittableRandom random = random(sequence);
        int managerCount = organisation.managers().size();
        // Some managers are busier than others.
        int managerIndex = (int) Math.min(managerCount - 1, (long) (managerCount * Math.pow(random.nextDouble(), 1.2)));
        User manager = organisation.manager(managerIndex);
        Activity.Builder activity = Activity.builder().id(id(sequence)).sequence(sequence).actorId(manager.id())
                .occurredAt(occurredAt(sequence, manager, random));
        int roll = random.nextInt(1000);
        if (roll < 350) {
            call(activity, managerIndex, random);
        } else if (roll < 600) {
            written(activity, ActivityKind.EMAIL, Channel.EMAIL, managerIndex, random);
        } else if (roll < 720) {
            written(activity, ActivityKind.MESSAGE, Channel.MESSENGER, managerIndex, random);
        } else if (roll < 790) {
            meeting(activity, Channel.IN_PERSON, managerIndex, random);
        } else if (roll < 830) {
            meeting(activity, Channel.VIDEO, managerIndex, random);
        } else if (roll < 910) {
            activity.kind(ActivityKind.DEAL_STAGE_CHANGED).dealId(deal(manager, random))
                    .stage(STAGES.get(random.nextInt(STAGES.size())));
        } else if (roll < 930) {
            won(activity.kind(ActivityKind.DEAL_WON).dealId(deal(manager, random)).stage("won"), random);
        } else if (roll < 945) {
            activity.kind(ActivityKind.DEAL_LOST).dealId(deal(manager, random)).stage("lost");
        } else if (roll < 990) {
            activity.kind(ActivityKind.CONTACT_CREATED).counterpart(client(managerIndex, random))
                    .automated(random.nextInt(100) < 3);
        } else {
            activity.kind(ActivityKind.OTHER);
        }
        return activity.build();
    }

    private void call(Activity.Builder activity, int managerIndex, SplittableRandom random) {
        activity.kind(ActivityKind.CALL).channel(Channel.PHONE)
                .direction(random.nextInt(100) < 80 ? Direction.OUTBOUND : Direction.INBOUND)
                .counterpart(counterpart(managerIndex, random)).automated(random.nextInt(1000) < 5);
        int outcome = random.nextInt(100);
        if (outcome < 15) {
            activity.outcome(Outcome.NO_ANSWER).duration(Duration.ZERO);
        } else if (outcome < 20) {
            activity.outcome(Outcome.BUSY).duration(Duration.ZERO);
        } else if (outcome < 25) {
            activity.outcome(Outcome.VOICEMAIL).duration(Duration.ofSeconds(5 + random.nextInt(40)));
        } else if (outcome < 36) {
            activity.outcome(Outcome.CONNECTED).duration(Duration.ofSeconds(3 + random.nextInt(27)));
        } else {
            activity.outcome(Outcome.CONNECTED).duration(Duration.ofSeconds(30 + random.nextInt(1800)));
        }
    }

    private void written(Activity.Builder activity, ActivityKind kind, Channel channel, int managerIndex,
                         SplittableRandom random) {
        activity.kind(kind).channel(channel)
                .direction(random.nextInt(100) < 70 ? Direction.OUTBOUND : Direction.INBOUND)
                .outcome(random.nextInt(100) < 2 ? Outcome.FAILED : Outcome.SENT)
                .counterpart(counterpart(managerIndex, random))
                .automated(random.nextInt(100) < (kind == ActivityKind.EMAIL ? 4 : 2));
    }

    private void meeting(Activity.Builder activity, Channel channel, int managerIndex, SplittableRandom random) {
        int outcome = random.nextInt(100);
        List<Counterpart> attendees = new ArrayList<>(2);
        attendees.add(colleague(random));
        if (random.nextInt(100) >= 5) {
            attendees.add(client(managerIndex, random));
        }
        activity.kind(ActivityKind.MEETING).channel(channel).direction(Direction.OUTBOUND)
                .outcome(outcome < 80 ? Outcome.HELD : outcome < 95 ? Outcome.NOT_HELD : Outcome.SCHEDULED)
                .duration(Duration.ofMinutes(30 + random.nextInt(61))).counterparts(attendees);
    }

    private void won(Activity.Builder activity, SplittableRandom random) {
        int currency = random.nextInt(100);
        if (currency < 80) {
            activity.currency("RUB").amount(BigDecimal.valueOf(50_000_00L + random.nextLong(4_950_000_00L), 2));
        } else if (currency < 92) {
            activity.currency("EUR").amount(BigDecimal.valueOf(1_000_00L + random.nextLong(99_000_00L), 2));
        } else {
            activity.currency("USD").amount(BigDecimal.valueOf(1_000_00L + random.nextLong(99_000_00L), 2));
        }
    }

    private static String deal(User manager, SplittableRandom random) {
        return "d-" + manager.id() + "-" + random.nextInt(200);
    }

    /** Mostly a client, sometimes a colleague (by contact, company address or office line). */
    private Counterpart counterpart(int managerIndex, SplittableRandom random) {
        return random.nextInt(100) < 3 ? colleague(random) : client(managerIndex, random);
    }

    private static Counterpart colleague(SplittableRandom random) {
        int n = random.nextInt(500);
        return switch (random.nextInt(3)) {
            case 0 -> new Counterpart(GeneratedOrganisation.COLLEAGUE_PREFIX + n, null, null, null, null);
            case 1 -> new Counterpart(null, null, "colleague" + n + "@" + GeneratedOrganisation.COMPANY_DOMAIN,
                    null, null);
            default -> new Counterpart(null, null, null,
                    "+" + GeneratedOrganisation.OFFICE_PHONES.get(n % GeneratedOrganisation.OFFICE_PHONES.size()),
                    null);
        };
    }

    /** Four in five from the manager's own book of clients, the rest from anyone's. */
    private Counterpart client(int managerIndex, SplittableRandom random) {
        int managerCount = organisation.managers().size();
        int book = Math.max(1, contacts / managerCount);
        int contact = random.nextInt(100) < 80
                ? (int) Math.min(contacts - 1L, (long) managerIndex * book + random.nextInt(book))
                : random.nextInt(contacts);
        int account = contact / 5;
        return new Counterpart(String.format(Locale.ROOT, "k%07d", contact), "acc" + account,
                "k" + contact + "@client" + account + ".example",
                String.format(Locale.ROOT, "+7 9%02d %07d", contact % 100, contact), null);
    }

    /**
     * On the working day that is as far through the calendar as the sequence is through the history, at a working
     * hour in the manager's zone; 3 % logged up to three working days late, 4 % on the weekend after.
     */
    private Instant occurredAt(long sequence, User manager, SplittableRandom random) {
        int index = (int) ((sequence - 1) * workingDays.size() / total);
        int lateness = random.nextInt(100) < 3 ? 1 + random.nextInt(3) : 0;
        LocalDate day = workingDays.get(Math.max(0, index - lateness));
        if (random.nextInt(100) < 4) {
            LocalDate saturday = day.plusDays(DayOfWeek.SATURDAY.getValue() - day.getDayOfWeek().getValue());
            day = saturday.isAfter(lastDay) ? day : saturday;
        }
        LocalTime time = LocalTime.of(9, 0).plusSeconds(random.nextInt(9 * 3600));
        return day.atTime(time).atZone(manager.timeZone()).toInstant();
    }

    private static String id(long sequence) {
        return "a" + sequence;
    }

    private SplittableRandom random(long sequence) {
        // A stream of its own per sequence number, so that any change can be made without making the others.
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ sequence * 0xBF58476D1CE4E5B9L);
    }
}
