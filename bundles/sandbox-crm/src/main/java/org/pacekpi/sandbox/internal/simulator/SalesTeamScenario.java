package org.pacekpi.sandbox.internal.simulator;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ActivityKind;
import org.pacekpi.host.activity.Channel;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.activity.Direction;
import org.pacekpi.host.activity.Outcome;
import org.pacekpi.host.directory.Role;
import org.pacekpi.sandbox.internal.activity.ActivityDraft;
import org.pacekpi.sandbox.internal.activity.ActivityLog;
import org.pacekpi.sandbox.internal.crm.Account;
import org.pacekpi.sandbox.internal.crm.Bootstrap;
import org.pacekpi.sandbox.internal.crm.Company;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.pacekpi.sandbox.internal.crm.CrmActions;
import org.pacekpi.sandbox.internal.crm.Deal;
import org.pacekpi.sandbox.internal.crm.DealStages;
import org.pacekpi.sandbox.internal.crm.Teams;
import org.pacekpi.sandbox.internal.crm.Users;

/**
 * Writes a simulated sales team and its history into one {@link ActivityLog} transaction: teams, managers,
 * accounts, client and colleague contacts and open deals; then, day by day up to the day before the anchor date, on
 * each manager's working days, calls (some unanswered, some seconds long), e-mails (some automated, some failed),
 * messages, meetings held and not held (some with colleagues), new contacts, new deals and deals moving through the
 * funnel to paid or lost, plus a few corrections and deletions; finally a few meetings scheduled after the anchor.
 *
 * <p>Deterministic: every choice comes from one {@link Random} seeded by the settings, consumed in a fixed order,
 * and every id from the database's counters; the same settings on an empty database give the same data. All
 * writes go through the same {@link CrmActions} and {@link ActivityLog} path as the REST API.
 */
final class SalesTeamScenario {

    private static final String[] COMPANY_WORDS = { "Nordwind", "Alpenblick", "Rheinwerk", "Baltic", "Volga",
            "Hudson", "Elbe", "Kraftwerk", "Lumen", "Vektor", "Polar", "Atlas", "Orion", "Falke", "Kiefer", "Delta",
            "Tundra", "Meridian", "Brücke", "Sokol" };
    private static final String[] COMPANY_KINDS = { "Logistik", "Maschinenbau", "Software", "Handel", "Energie",
            "Pharma", "Bau", "Textil", "Foods", "Media" };
    private static final String[] FIRST_NAMES = { "Lena", "Max", "Sofia", "Paul", "Mila", "Felix", "Emma", "Jan",
            "Olga", "Ivan", "Sara", "Tom", "Nina", "Luca", "Vera", "Oskar", "Ida", "Artem", "Lea", "Ben" };
    private static final String[] LAST_NAMES = { "Müller", "Schmidt", "Kuznetsov", "Brown", "Klein", "Novak",
            "Meyer", "Popova", "Wagner", "Lang", "Smith", "Berg", "Richter", "Frolov", "Keller", "Roth" };
    private static final String[] PRODUCTS = { "CRM rollout", "Fleet tracking", "Annual licence", "Support contract",
            "Data migration", "Training package", "Cloud hosting", "Integration project" };
    private static final ZoneId COMPANY_ZONE = Bootstrap.BERLIN;

    private final SimulationSettings settings;
    private final Roster roster;
    private final Map<String, String> passwordHashes;
    private final ActivityLog.Writes writes;
    private final BooleanSupplier cancelled;
    private final Random random;
    private final List<ManagerState> states = new ArrayList<>();
    private final TreeMap<LocalDate, List<Emission>> pending = new TreeMap<>();
    private final Set<String> accountNames = new HashSet<>();
    private long emissionOrder;
    private int changes;

    private SalesTeamScenario(SimulationSettings settings, Roster roster, Map<String, String> passwordHashes,
                              ActivityLog.Writes writes, BooleanSupplier cancelled) {
        this.settings = settings;
        this.roster = roster;
        this.passwordHashes = passwordHashes;
        this.writes = writes;
        this.cancelled = cancelled;
        this.random = new Random(settings.seed());
    }

    /**
     * What was written.
     *
     * @param teams    teams created
     * @param managers managers created
     * @param changes  activity changes written (creations, corrections, deletions)
     * @param firstDay first simulated day
     * @param lastDay  last simulated day of history
     */
    record Summary(int teams, int managers, int changes, LocalDate firstDay, LocalDate lastDay) {
    }

    /**
     * Writes the scenario in the given transaction.
     *
     * @param passwordHashes the password hash of each manager login (hashed beforehand, outside the write lock)
     * @param cancelled      checked between days; when true the run stops with a {@link CancellationException}
     */
    static Summary write(SimulationSettings settings, Roster roster, Map<String, String> passwordHashes,
                         ActivityLog.Writes writes, BooleanSupplier cancelled) throws SQLException {
        return new SalesTeamScenario(settings, roster, passwordHashes, writes, cancelled).run();
    }

    private Summary run() throws SQLException {
        setUp();
        LocalDate lastDay = settings.anchorDate().minusDays(1);
        for (LocalDate day = settings.firstDay(); !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("simulation cancelled at " + day);
            }
            simulateDay(day);
        }
        // corrections planned for after the last day are dropped with the rest of the future
        pending.clear();
        scheduleMeetingsAfterAnchor();
        writes.directoryChanged();
        return new Summary(roster.teamNames().size(), roster.managers().size(), changes, settings.firstDay(), lastDay);
    }

    // ---------------------------------------------------------------- the organisation

    private void setUp() throws SQLException {
        Instant at = settings.firstDay().minusDays(30).atTime(9, 0).atZone(COMPANY_ZONE).toInstant();
        Company.addDomain(writes.connection(), settings.companyDomain());
        Company.addPhone(writes.connection(), "+49 30 5550 1000", "Switchboard");
        Company.addPhone(writes.connection(), "+49 30 5550 1099", "Support line");
        List<String> teamIds = new ArrayList<>();
        for (String name : roster.teamNames()) {
            String id = "team-" + writes.next("team");
            Teams.insert(writes.connection(), id, name);
            Teams.addHead(writes.connection(), id, Bootstrap.HEAD);
            teamIds.add(id);
        }
        for (Roster.Manager manager : roster.managers()) {
            Users.insert(writes.connection(), new Users.NewUser(manager.login(), manager.login(),
                    manager.displayName(), manager.email(), manager.phone(), passwordHashes.get(manager.login()),
                    manager.zone(), manager.holidayCalendar(), teamIds.get(manager.team()), Set.of(Role.MANAGER)), at);
            states.add(new ManagerState(manager));
        }
        for (ManagerState state : states) {
            int accounts = 4 + random.nextInt(3);
            for (int a = 0; a < accounts; a++) {
                Account account = newAccount(state, at);
                int contacts = 2 + random.nextInt(2);
                for (int c = 0; c < contacts; c++) {
                    state.clients.add(newClientContact(state, account, at, false));
                }
            }
            addColleagues(state, at);
            int deals = 2 + random.nextInt(3);
            for (int d = 0; d < deals; d++) {
                Contact contact = pick(state.clients);
                String stage = DealStages.STAGES.get(random.nextInt(DealStages.STAGES.size() - 1));
                CrmActions.DealResult result = CrmActions.createDeal(writes, title(contact), state.manager.login(),
                        contact.accountId(), contact.id(), stage, amount(), state.manager.currency(), at, false);
                state.deals.add(new OpenDeal(result.deal(), settings.firstDay().plusDays(1 + random.nextInt(10)), false));
            }
            if (state.manager.profile() == Profile.LUCKY) {
                // the one big deal that makes this manager's money look great with few touches
                Contact contact = pick(state.clients);
                CrmActions.DealResult result = CrmActions.createDeal(writes, "Enterprise " + title(contact),
                        state.manager.login(), contact.accountId(), contact.id(), "proposal",
                        new BigDecimal("240000.00"), state.manager.currency(), at, false);
                long window = settings.firstDay().until(settings.anchorDate(), ChronoUnit.DAYS);
                state.deals.add(new OpenDeal(result.deal(), settings.firstDay().plusDays(Math.max(1, window / 2)), true));
            }
        }
    }

    private void addColleagues(ManagerState state, Instant at) throws SQLException {
        List<Roster.Manager> managers = roster.managers();
        int added = 0;
        for (int step = 1; step < managers.size() && added < 2; step++) {
            Roster.Manager colleague = managers.get((state.manager.index() + step) % managers.size());
            state.colleagues.add(CrmActions.createContact(writes, state.manager.login(), null,
                    colleague.displayName(), colleague.email(), colleague.phone(), true, at, false).contact());
            added++;
        }
        // a team desk everyone talks to; with a single manager also the only colleague
        state.colleagues.add(CrmActions.createContact(writes, state.manager.login(), null, "Sales Ops desk",
                "sales-ops@" + settings.companyDomain(), "+49 30 5550 1099", true, at, false).contact());
    }

    private Account newAccount(ManagerState state, Instant at) throws SQLException {
        String name;
        do {
            name = COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)] + " "
                    + COMPANY_KINDS[random.nextInt(COMPANY_KINDS.length)];
        } while (!accountNames.add(name) && accountNames.size() < COMPANY_WORDS.length * COMPANY_KINDS.length);
        Account account = CrmActions.createAccount(writes, name, slug(name) + ".example", state.manager.login(), at);
        state.accounts.add(account);
        return account;
    }

    private Contact newClientContact(ManagerState state, Account account, Instant at, boolean logActivity)
            throws SQLException {
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        String email = slug(first) + "." + slug(last) + "@" + account.webDomain();
        String phone = clientPhone(state.manager);
        CrmActions.ContactResult result = CrmActions.createContact(writes, state.manager.login(), account.id(),
                first + " " + last, email, phone, false, at, logActivity);
        if (result.activity() != null) {
            changes++;
        }
        return result.contact();
    }

    // ---------------------------------------------------------------- one day

    private void simulateDay(LocalDate day) throws SQLException {
        List<Emission> today = new ArrayList<>();
        List<Emission> due = pending.remove(day);
        if (due != null) {
            today.addAll(due);
        }
        for (ManagerState state : states) {
            DayOfWeek weekday = day.getDayOfWeek();
            if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
                continue;
            }
            if (random.nextDouble() < 0.03) {
                continue; // a day off: ill, on holiday, at a trade fair
            }
            planCalls(state, day, today);
            planEmails(state, day, today);
            planMessages(state, day, today);
            planMeetings(state, day, today);
            planNewContact(state, day, today);
            planNewDeal(state, day, today);
            planDealMoves(state, day, today);
        }
        today.sort(Comparator.comparing(Emission::at).thenComparingLong(Emission::order));
        for (Emission emission : today) {
            emission.step().run();
        }
        for (ManagerState state : states) {
            state.clients.addAll(state.newContacts);
            state.newContacts.clear();
        }
    }

    private void planCalls(ManagerState state, LocalDate day, List<Emission> today) {
        Profile profile = state.manager.profile();
        int calls = between(profile.callsMin(), profile.callsMax());
        for (int i = 0; i < calls; i++) {
            Instant at = timeOn(state, day);
            boolean colleague = random.nextDouble() < profile.colleagueShare();
            List<Counterpart> counterparts;
            OpenDeal deal = null;
            if (colleague) {
                Contact contact = pick(state.colleagues);
                // sometimes dialled by number only: the directory must recognise an internal phone by itself
                counterparts = List.of(random.nextDouble() < 0.3
                        ? new Counterpart(null, null, null, contact.phone(), null) : CrmActions.counterpart(contact));
            } else {
                Contact contact = pickClient(state);
                deal = dealOf(state, contact);
                counterparts = List.of(random.nextDouble() < 0.05
                        ? new Counterpart(null, null, null, contact.phone(), null) : CrmActions.counterpart(contact));
            }
            double roll = random.nextDouble();
            Outcome outcome = roll < 0.55 ? Outcome.CONNECTED : roll < 0.80 ? Outcome.NO_ANSWER
                    : roll < 0.88 ? Outcome.BUSY : Outcome.VOICEMAIL;
            long seconds = switch (outcome) {
                case CONNECTED -> random.nextDouble() < profile.shortCallShare() ? 3 + random.nextInt(17)
                        : 60 + (long) (random.nextDouble() * random.nextDouble() * 1500);
                case NO_ANSWER -> 20 + random.nextInt(26);
                case BUSY -> 2 + random.nextInt(7);
                default -> 20 + random.nextInt(70);
            };
            Direction direction = random.nextDouble() < 0.12 ? Direction.INBOUND : Direction.OUTBOUND;
            Channel channel = !colleague && random.nextDouble() < 0.05 ? Channel.VIDEO : Channel.PHONE;
            boolean withDeal = deal != null && random.nextDouble() < 0.5;
            ActivityDraft draft = interaction(state, at, ActivityKind.CALL, channel, direction, outcome,
                    Duration.ofSeconds(seconds), counterparts, withDeal ? deal : null, false);
            ActivityRef ref = new ActivityRef();
            emit(today, at, () -> ref.activity = create(draft));
            if (outcome == Outcome.NO_ANSWER && random.nextDouble() < 0.04) {
                // logged as unanswered by mistake; corrected the next working day
                LocalDate next = nextWorkingDay(day);
                Instant correctionAt = next.atTime(9, 5 + random.nextInt(50)).atZone(state.manager.zone()).toInstant();
                Duration talked = Duration.ofSeconds(180 + random.nextInt(420));
                pending.computeIfAbsent(next, d -> new ArrayList<>()).add(new Emission(correctionAt, emissionOrder++,
                        () -> update(ref.activity, ActivityDraft.of(ref.activity).withOutcome(Outcome.CONNECTED, talked))));
            }
        }
    }

    private void planEmails(ManagerState state, LocalDate day, List<Emission> today) {
        Profile profile = state.manager.profile();
        int emails = between(profile.emailsMin(), profile.emailsMax());
        for (int i = 0; i < emails; i++) {
            Instant at = timeOn(state, day);
            boolean automated = random.nextDouble() < 0.12;
            boolean colleague = !automated && random.nextDouble() < profile.colleagueShare();
            Counterpart counterpart;
            OpenDeal deal = null;
            if (colleague) {
                Contact contact = pick(state.colleagues);
                double how = random.nextDouble();
                counterpart = how < 0.2 ? new Counterpart(null, null, contact.email(), null, null)
                        : how < 0.3 ? new Counterpart(null, null, "team@" + settings.companyDomain(), null, null)
                        : CrmActions.counterpart(contact);
            } else {
                Contact contact = pickClient(state);
                deal = dealOf(state, contact);
                counterpart = CrmActions.counterpart(contact);
            }
            Outcome outcome = random.nextDouble() < 0.04 ? Outcome.FAILED : Outcome.SENT;
            Direction direction = !automated && random.nextDouble() < 0.2 ? Direction.INBOUND : Direction.OUTBOUND;
            ActivityDraft draft = interaction(state, at, ActivityKind.EMAIL, Channel.EMAIL, direction, outcome, null,
                    List.of(counterpart), deal != null && random.nextDouble() < 0.4 ? deal : null, automated);
            ActivityRef ref = new ActivityRef();
            emit(today, at, () -> ref.activity = create(draft));
            if (random.nextDouble() < 0.015) {
                // logged twice or to the wrong contact: deleted a little later the same day
                emit(today, at.plus(Duration.ofMinutes(10 + random.nextInt(110))), () -> delete(ref.activity));
            }
        }
    }

    private void planMessages(ManagerState state, LocalDate day, List<Emission> today) {
        Profile profile = state.manager.profile();
        int messages = random.nextInt(profile.messagesMax() + 1);
        for (int i = 0; i < messages; i++) {
            Instant at = timeOn(state, day);
            boolean colleague = random.nextDouble() < profile.colleagueShare();
            Contact contact = colleague ? pick(state.colleagues) : pickClient(state);
            Outcome outcome = random.nextDouble() < 0.03 ? Outcome.FAILED : Outcome.SENT;
            Direction direction = random.nextDouble() < 0.25 ? Direction.INBOUND : Direction.OUTBOUND;
            ActivityDraft draft = interaction(state, at, ActivityKind.MESSAGE, Channel.MESSENGER, direction, outcome,
                    null, List.of(CrmActions.counterpart(contact)), null, false);
            emit(today, at, () -> create(draft));
        }
    }

    private void planMeetings(ManagerState state, LocalDate day, List<Emission> today) {
        Profile profile = state.manager.profile();
        int meetings = random.nextDouble() < profile.meetingChance() ? 1 : 0;
        if (meetings == 1 && random.nextDouble() < profile.meetingChance() / 3) {
            meetings = 2;
        }
        for (int i = 0; i < meetings; i++) {
            Instant at = day.atTime(LocalTime.of(9, 0).plusMinutes(15L * random.nextInt(32)))
                    .atZone(state.manager.zone()).toInstant();
            Set<Counterpart> attendees = new LinkedHashSet<>();
            OpenDeal deal = null;
            if (random.nextDouble() < 0.08) {
                // an internal meeting: colleagues only, no client touch
                attendees.add(CrmActions.counterpart(pick(state.colleagues)));
                attendees.add(CrmActions.counterpart(pick(state.colleagues)));
            } else {
                Contact contact = pickClient(state);
                deal = dealOf(state, contact);
                attendees.add(CrmActions.counterpart(contact));
                if (random.nextDouble() < 0.4) {
                    Contact second = pickClient(state);
                    if (contact.accountId() != null && contact.accountId().equals(second.accountId())) {
                        attendees.add(CrmActions.counterpart(second));
                    }
                }
                if (random.nextDouble() < 0.15) {
                    attendees.add(CrmActions.counterpart(pick(state.colleagues)));
                }
            }
            boolean held = random.nextDouble() < 0.75;
            Channel channel = random.nextDouble() < 0.55 ? Channel.IN_PERSON : Channel.VIDEO;
            Duration duration = held ? Duration.ofMinutes(30 + 15L * random.nextInt(5)) : null;
            ActivityDraft draft = interaction(state, at, ActivityKind.MEETING, channel, Direction.OUTBOUND,
                    held ? Outcome.HELD : Outcome.NOT_HELD, duration, new ArrayList<>(attendees), deal, false);
            emit(today, at, () -> create(draft));
        }
    }

    private void planNewContact(ManagerState state, LocalDate day, List<Emission> today) {
        if (random.nextDouble() >= state.manager.profile().newContactChance()) {
            return;
        }
        Instant at = timeOn(state, day);
        boolean newCompany = random.nextDouble() < 0.3;
        Account existing = newCompany ? null : pick(state.accounts);
        emit(today, at, () -> {
            Account account = existing != null ? existing : newAccount(state, at);
            state.newContacts.add(newClientContact(state, account, at, true));
        });
    }

    private void planNewDeal(ManagerState state, LocalDate day, List<Emission> today) {
        if (random.nextDouble() >= state.manager.profile().newDealChance()) {
            return;
        }
        Instant at = timeOn(state, day);
        Contact contact = pickClient(state);
        BigDecimal amount = amount();
        LocalDate due = workingDaysAfter(day, 3 + random.nextInt(6));
        emit(today, at, () -> {
            CrmActions.DealResult result = CrmActions.createDeal(writes, title(contact), state.manager.login(),
                    contact.accountId(), contact.id(), DealStages.MEETING, amount, state.manager.currency(), at, true);
            changes += result.activities().size();
            state.deals.add(new OpenDeal(result.deal(), due, false));
        });
    }

    private void planDealMoves(ManagerState state, LocalDate day, List<Emission> today) {
        Profile profile = state.manager.profile();
        for (OpenDeal open : List.copyOf(state.deals)) {
            if (open.due.isAfter(day)) {
                continue;
            }
            boolean atProposal = "proposal".equals(open.deal.stage());
            double roll = random.nextDouble();
            String target;
            if (open.forceWin) {
                target = DealStages.PAID;
            } else if (atProposal) {
                target = roll < profile.winChance() ? DealStages.PAID
                        : roll < profile.winChance() + (1 - profile.winChance()) * 0.6 ? "lost" : null;
            } else {
                target = roll < profile.advanceChance() ? DealStages.next(open.deal.stage()).orElseThrow()
                        : roll < profile.advanceChance() + 0.15 ? "lost" : null;
            }
            // a deal a manager never wins still loses slowly rather than piling up at proposal forever
            LocalDate nextDue = workingDaysAfter(day, target == null ? 2 + random.nextInt(5) : 3 + random.nextInt(8));
            open.due = nextDue;
            if (target == null) {
                continue;
            }
            Instant at = timeOn(state, day);
            emit(today, at, () -> {
                CrmActions.DealResult result = CrmActions.moveDeal(writes, open.deal, target, at);
                changes += result.activities().size();
                open.deal = result.deal();
                if (result.deal().status() != Deal.DealStatus.OPEN) {
                    state.deals.remove(open);
                }
            });
        }
    }

    private void scheduleMeetingsAfterAnchor() throws SQLException {
        for (ManagerState state : states) {
            int meetings = 1 + random.nextInt(2);
            LocalDate day = settings.anchorDate().minusDays(1);
            for (int i = 0; i < meetings; i++) {
                day = workingDaysAfter(day, 1 + random.nextInt(2));
                Instant at = day.atTime(LocalTime.of(10, 0).plusMinutes(30L * random.nextInt(14)))
                        .atZone(state.manager.zone()).toInstant();
                Contact contact = pickClient(state);
                create(interaction(state, at, ActivityKind.MEETING, random.nextBoolean() ? Channel.IN_PERSON
                                : Channel.VIDEO, Direction.OUTBOUND, Outcome.SCHEDULED, null,
                        List.of(CrmActions.counterpart(contact)), dealOf(state, contact), false));
            }
        }
    }

    // ---------------------------------------------------------------- writing

    private Activity create(ActivityDraft draft) throws SQLException {
        changes++;
        return writes.create(draft);
    }

    private void update(Activity activity, ActivityDraft draft) throws SQLException {
        if (writes.find(activity.id()).isPresent()) {
            changes++;
            writes.update(activity.id(), draft);
        }
    }

    private void delete(Activity activity) throws SQLException {
        changes++;
        writes.delete(activity.id());
    }

    private void emit(List<Emission> today, Instant at, Step step) {
        today.add(new Emission(at, emissionOrder++, step));
    }

    private static ActivityDraft interaction(ManagerState state, Instant at, ActivityKind kind, Channel channel,
                                             Direction direction, Outcome outcome, Duration duration,
                                             List<Counterpart> counterparts, OpenDeal deal, boolean automated) {
        return new ActivityDraft(at, state.manager.login(), kind, channel, direction, outcome, duration, counterparts,
                deal == null ? null : deal.deal.id(), deal == null ? null : deal.deal.stage(), null, null, automated);
    }

    // ---------------------------------------------------------------- choices

    private Contact pickClient(ManagerState state) {
        // most touches go to people whose company has a deal in play
        if (!state.deals.isEmpty() && random.nextDouble() < 0.6) {
            OpenDeal deal = state.deals.get(random.nextInt(state.deals.size()));
            List<Contact> atAccount = state.clients.stream()
                    .filter(c -> c.accountId() != null && c.accountId().equals(deal.deal.accountId())).toList();
            if (!atAccount.isEmpty()) {
                return atAccount.get(random.nextInt(atAccount.size()));
            }
        }
        return pick(state.clients);
    }

    private static OpenDeal dealOf(ManagerState state, Contact contact) {
        for (OpenDeal deal : state.deals) {
            if (contact.accountId() != null && contact.accountId().equals(deal.deal.accountId())) {
                return deal;
            }
        }
        return null;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private Instant timeOn(ManagerState state, LocalDate day) {
        LocalTime time = LocalTime.of(9, 0).plusMinutes(random.nextInt(9 * 60)).plusSeconds(random.nextInt(60));
        return day.atTime(time).atZone(state.manager.zone()).toInstant();
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(5_000L + 500L * random.nextInt(111)).setScale(2);
    }

    private String title(Contact contact) {
        return PRODUCTS[random.nextInt(PRODUCTS.length)] + " for " + contact.name();
    }

    private String clientPhone(Roster.Manager manager) {
        String prefix = switch (manager.zone().getId()) {
            case "Europe/Moscow" -> "+7 495 ";
            case "America/New_York" -> "+1 646 ";
            default -> "+49 89 ";
        };
        return prefix + (1_000_000 + random.nextInt(9_000_000));
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        return workingDaysAfter(day, 1);
    }

    private static LocalDate workingDaysAfter(LocalDate day, int workingDays) {
        LocalDate result = day;
        int left = workingDays;
        while (left > 0) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return result;
    }

    private static String slug(String text) {
        String ascii = Normalizer.normalize(text.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
                .replace("ß", "ss"), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    // ---------------------------------------------------------------- state

    /** A write to do at a simulated time. */
    @FunctionalInterface
    private interface Step {
        void run() throws SQLException;
    }

    /** A step at a time; {@code order} keeps steps at the same instant in the order they were planned. */
    private record Emission(Instant at, long order, Step step) {
    }

    /** The activity a planned step will create, for a later correction or deletion of it. */
    private static final class ActivityRef {
        Activity activity;
    }

    private static final class OpenDeal {
        Deal deal;
        LocalDate due;
        final boolean forceWin;

        OpenDeal(Deal deal, LocalDate due, boolean forceWin) {
            this.deal = deal;
            this.due = due;
            this.forceWin = forceWin;
        }
    }

    private static final class ManagerState {
        final Roster.Manager manager;
        final List<Account> accounts = new ArrayList<>();
        final List<Contact> clients = new ArrayList<>();
        final List<Contact> newContacts = new ArrayList<>();
        final List<Contact> colleagues = new ArrayList<>();
        final List<OpenDeal> deals = new ArrayList<>();

        ManagerState(Roster.Manager manager) {
            this.manager = manager;
        }
    }
}
