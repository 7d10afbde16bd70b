package org.pacekpi.engine.internal.funnel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.store.DealEvent;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.FunnelService;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.ValidationException;
import org.pacekpi.engine.internal.Teams;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link FunnelService}: resolves whom a report is for through the host's directory, reads the deal histories and
 * activity totals of the window from the store, and measures them with a {@link FunnelMeter}.
 *
 * <ul>
 * <li>A manager (any user of the directory) is measured on the deals and activities they own (see
 * {@link FunnelMeter}), shrunk toward their team. The team is the one the user's record names, if the directory
 * knows it; otherwise the first team, by id, whose members include the user; otherwise none, and the rates are the
 * manager's own, unshrunk. The team's rates include the manager's.</li>
 * <li>A team is measured on its members' deals and activities, unshrunk.</li>
 * <li>The window's days are a manager's in the manager's time zone; a team's in the zone of its head with the
 * smallest id that the directory knows, else of its first member by id, else UTC (an empty team).</li>
 * </ul>
 */
public final class FunnelCalculator implements FunnelService {

    private static final Logger LOG = LoggerFactory.getLogger(FunnelCalculator.class);

    /** The longest window a report may ask for: three years. */
    public static final int MAX_WINDOW_DAYS = FunnelSettings.MAX_WINDOW_DAYS;

    /** How many ignored host stage ids are remembered so that each is logged once; a bound, not a cache. */
    private static final int MAX_REMEMBERED_IGNORED = 1000;

    private final Directory directory;
    private final PaceStore store;
    private final FunnelSettings settings;
    private final FunnelMeter meter;
    private final Clock clock;
    private final Set<String> loggedIgnored = ConcurrentHashMap.newKeySet();

    /** Whose numbers a scope's report measures, and in which zone its days are. */
    private record Subject(FunnelMeter.Population population, ZoneId zone) {
    }

    /**
     * @param directory knows the managers, teams and time zones
     * @param store     holds the deal events and the activity totals
     * @param settings  the configured funnel
     * @param clock     gives "now": deals are followed until then
     */
    public FunnelCalculator(Directory directory, PaceStore store, FunnelSettings settings, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.meter = new FunnelMeter(settings);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<FunnelStage> steps() {
        return settings.funnelStages();
    }

    @Override
    public ConversionReport conversions(Scope scope, LocalDate from, LocalDate to, ConversionMethod method) {
        if (scope == null) {
            throw new ValidationException("scope", "is required");
        }
        if (from == null) {
            throw new ValidationException("from", "is required");
        }
        if (to == null) {
            throw new ValidationException("to", "is required");
        }
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from (" + from + "), was " + to);
        }
        if (method == null) {
            throw new ValidationException("method", "is required: cohort or snapshot");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_WINDOW_DAYS) {
            throw new ValidationException("from", "the window " + from + " to " + to + " spans " + days
                    + " days; at most " + MAX_WINDOW_DAYS + " (3 years)");
        }
        Subject subject = subject(scope);
        return measure(scope, new FunnelWindow(from, to, subject.zone()), method, subject.population());
    }

    /**
     * The configured window ({@link FunnelSettings#windowDays()} days) ending today in the scope's time zone, for
     * callers that measure "the recent past" rather than a window of their own.
     *
     * @throws NotFoundException for an unknown manager or team
     */
    public FunnelWindow recentWindow(Scope scope) {
        ZoneId zone = subject(Objects.requireNonNull(scope, "scope")).zone();
        return FunnelWindow.endingOn(LocalDate.ofInstant(clock.instant(), zone), settings.windowDays(), zone);
    }

    private ConversionReport measure(Scope scope, FunnelWindow window, ConversionMethod method,
                                     FunnelMeter.Population population) {
        Instant now = clock.instant();
        Set<String> everyone = population.everyone();
        List<DealEvent> events = everyone.isEmpty() ? List.of()
                : store.dealHistories(everyone, window.start(), window.end());
        DealJourney.Trace trace = DealJourney.trace(events, settings);
        logIgnored(trace.ignoredHostStages());
        // One query for the whole population: a team must not cost one round trip per member.
        Map<String, Map<String, Long>> totals = everyone.isEmpty() || settings.activities().isEmpty() ? Map.of()
                : store.totals(everyone, window.from(), window.to());
        return meter.measure(scope, window, method, now, population, trace.journeys(), totals);
    }

    private Subject subject(Scope scope) {
        return switch (scope.type()) {
            case MANAGER -> {
                User manager = directory.user(scope.id())
                        .orElseThrow(() -> new NotFoundException("no manager with id '" + scope.id() + "'"));
                Set<String> team = teamOf(manager).map(this::memberIds).orElse(null);
                yield new Subject(FunnelMeter.Population.manager(manager.id(), team), manager.timeZone());
            }
            case TEAM -> {
                Team team = Teams.team(directory, scope.id());
                List<User> members = directory.members(team.id());
                yield new Subject(FunnelMeter.Population.team(memberIds(team)), zoneOf(team, members));
            }
        };
    }

    /** The team a manager's rates are shrunk toward; see the class comment. */
    private Optional<Team> teamOf(User manager) {
        if (manager.teamId() != null) {
            Optional<Team> named = directory.team(manager.teamId());
            if (named.isPresent()) {
                return named;
            }
        }
        return directory.teams().stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .filter(team -> directory.members(team.id()).stream().anyMatch(u -> u.id().equals(manager.id())))
                .findFirst();
    }

    private Set<String> memberIds(Team team) {
        Set<String> ids = new LinkedHashSet<>();
        directory.members(team.id()).forEach(member -> ids.add(member.id()));
        return ids;
    }

    private ZoneId zoneOf(Team team, List<User> members) {
        Optional<User> head = team.headUserIds().stream().sorted().map(directory::user).flatMap(Optional::stream)
                .findFirst();
        if (head.isPresent()) {
            return head.get().timeZone();
        }
        return members.stream().sorted((a, b) -> a.id().compareTo(b.id())).map(User::timeZone).findFirst()
                .orElse(ZoneOffset.UTC);
    }

    private void logIgnored(Set<String> hostStages) {
        for (String hostStage : hostStages) {
            if (loggedIgnored.size() < MAX_REMEMBERED_IGNORED && loggedIgnored.add(hostStage)) {
                LOG.info("host stage '{}' maps onto no Pace stage: the funnel ignores its stage changes (map it in "
                        + "{} hostStages, e.g. {}={})", hostStage, FunnelSettings.PID, hostStage,
                        settings.stages().get(0).id());
            }
        }
    }
}
