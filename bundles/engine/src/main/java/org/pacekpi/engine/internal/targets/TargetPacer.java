package org.pacekpi.engine.internal.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.pacekpi.api.Metrics;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.store.StoredTarget;
import org.pacekpi.api.store.TargetStore;
import org.pacekpi.api.targets.FunnelService;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetPace;
import org.pacekpi.api.targets.ValidationException;
import org.pacekpi.engine.internal.Teams;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.engine.internal.calendar.Periods;
import org.pacekpi.engine.internal.calendar.WorkingCalendar;
import org.pacekpi.engine.internal.plan.Fraction;
import org.pacekpi.engine.internal.plan.PaceStatus;
import org.pacekpi.engine.internal.plan.Pacing;
import org.pacekpi.engine.internal.plan.WorkingHours;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.directory.WorkingSchedule;

/**
 * How the counts stand against the stored targets on a day ({@link Pacing} by working time).
 * <ul>
 * <li>The actual count of a target is the metric's total from the period's first day to the day asked (or the
 * period's last day, if earlier), from the daily aggregates. A target on a Pace stage ({@code stage:proposal}) counts
 * the deals that entered any host stage mapped onto it (the funnel's {@code hostStages}); the aggregates count the
 * stages deals entered, so a deal that skipped the stage is not among them.</li>
 * <li>Working time is measured at the clock's instant when the day asked is today in the scope's time zone, else at
 * the end of that day (a past day's pace is that day's close).</li>
 * <li>A manager's targets are paced in the manager's calendar, time zone and working hours.</li>
 * <li>A team's targets count the summed totals of the team's members with the manager role (active or not: a
 * manager who left mid-period brought what they brought), and are paced in one calendar, the team's: that of its
 * reference manager, the first by id of the active managers in the time zone most of them share (ties: the first
 * zone id), so that "today" and the working days left are what most of the team sees. A team without active
 * managers is paced Monday to Friday, 09:00 to 18:00 UTC.</li>
 * </ul>
 * Status thresholds: {@link PaceStatus}.
 */
public final class TargetPacer {

    private final Directory directory;
    private final PaceStore counts;
    private final TargetStore targets;
    private final FunnelService funnel;
    private final ManagerCalendars calendars;
    private final Clock clock;

    /**
     * @param directory the managers, teams and their schedules
     * @param counts    the daily aggregates
     * @param targets   the stored targets
     * @param funnel    the stages and the host stages mapped onto them
     * @param calendars the managers' working calendars
     * @param clock     now
     */
    public TargetPacer(Directory directory, PaceStore counts, TargetStore targets, FunnelService funnel,
                       ManagerCalendars calendars, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.funnel = Objects.requireNonNull(funnel, "funnel");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The pace of every target of the manager whose period contains the day. */
    public List<TargetPace> managerPacing(String managerId, LocalDate date) {
        requireDate(date);
        User manager = GoalDeriver.manager(directory, managerId);
        List<StoredTarget> due = targets.targetsOn(Scope.Type.MANAGER.id(), List.of(manager.id()), date);
        WorkingCalendar calendar = calendars.of(manager);
        return pace(due, date, calendar, WorkingHours.of(manager.schedule()),
                range -> counts.totals(manager.id(), range.from(), range.to()));
    }

    /** The pace of every target of the team whose period contains the day, the members' counts summed. */
    public List<TargetPace> teamPacing(String teamId, LocalDate date) {
        requireDate(date);
        Team team = Teams.team(directory, teamId);
        List<User> managers = directory.members(team.id()).stream().filter(user -> user.hasRole(Role.MANAGER)).toList();
        List<String> ids = managers.stream().map(User::id).toList();
        List<StoredTarget> due = targets.targetsOn(Scope.Type.TEAM.id(), List.of(team.id()), date);
        Optional<User> reference = referenceManager(managers);
        WorkingCalendar calendar = reference.map(calendars::of).orElseGet(() -> WorkingCalendar.builder(ZoneOffset.UTC).build());
        WorkingHours hours = WorkingHours.of(reference.map(User::schedule).orElse(WorkingSchedule.DEFAULT));
        return pace(due, date, calendar, hours, range -> {
            Map<String, Long> summed = new HashMap<>();
            if (!ids.isEmpty()) {
                counts.totals(ids, range.from(), range.to()).values()
                        .forEach(totals -> totals.forEach((metric, value) -> summed.merge(metric, value, Long::sum)));
            }
            return summed;
        });
    }

    /** The first by id of the active managers in the most common time zone (ties: the first zone id). */
    static Optional<User> referenceManager(List<User> managers) {
        List<User> active = managers.stream().filter(User::active).sorted(Comparator.comparing(User::id)).toList();
        Map<String, Integer> byZone = new TreeMap<>();
        active.forEach(user -> byZone.merge(user.timeZone().getId(), 1, Integer::sum));
        Optional<String> zone = byZone.entrySet().stream()
                .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
        return zone.flatMap(id -> active.stream().filter(user -> user.timeZone().getId().equals(id)).findFirst());
    }

    private static void requireDate(LocalDate date) {
        if (date == null) {
            throw new ValidationException("date", "is required");
        }
    }

    private List<TargetPace> pace(List<StoredTarget> due, LocalDate date, WorkingCalendar calendar, WorkingHours hours,
                                  Function<DateRange, Map<String, Long>> totals) {
        if (due.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        // Today is measured now; another day at its close.
        Instant at = Periods.today(clock, calendar.zone()).equals(date) ? now
                : date.atTime(LocalTime.MAX).atZone(calendar.zone()).toInstant();
        Map<String, List<String>> hostStages = hostStages();
        Map<DateRange, Map<String, Long>> totalsByRange = new HashMap<>();
        List<TargetPace> paces = new ArrayList<>(due.size());
        for (StoredTarget target : due) {
            DateRange period = new DateRange(target.from(), target.to());
            DateRange counted = new DateRange(target.from(), date.isBefore(target.to()) ? date : target.to());
            Map<String, Long> sums = totalsByRange.computeIfAbsent(counted, totals);
            long actual = actual(target.metric(), sums, hostStages);
            Pacing pacing = Pacing.measure(target.value(), actual, period, calendar, hours, at);
            paces.add(pace(target, pacing));
        }
        return paces;
    }

    /** The Pace stages' host stage ids, by Pace stage id. */
    private Map<String, List<String>> hostStages() {
        Map<String, List<String>> stages = new HashMap<>();
        for (FunnelStage stage : funnel.steps()) {
            if ("stage".equalsIgnoreCase(stage.kind())) {
                stages.put(stage.id(), stage.hostStages().isEmpty() ? List.of(stage.id()) : stage.hostStages());
            }
        }
        return stages;
    }

    static long actual(String metric, Map<String, Long> totals, Map<String, List<String>> hostStages) {
        if (metric.startsWith(Metrics.STAGE_PREFIX)) {
            List<String> hosts = hostStages.get(metric.substring(Metrics.STAGE_PREFIX.length()));
            if (hosts != null) {
                long sum = 0;
                for (String host : hosts.stream().distinct().toList()) {
                    sum += totals.getOrDefault(Metrics.stage(host), 0L);
                }
                return sum;
            }
        }
        return totals.getOrDefault(metric, 0L);
    }

    private static TargetPace pace(StoredTarget target, Pacing pacing) {
        long expected = pacing.expectedToDate().ceilingLong();
        String status = pacing.status().name().toLowerCase(Locale.ROOT);
        Fraction share = pacing.workingDays() == 0 ? Fraction.ZERO : pacing.workingDaysElapsed().dividedBy(pacing.workingDays());
        BigDecimal percent = share.times(100).toDecimal(0);
        String explanation = pacing.actual() + " of " + pacing.target() + " " + target.metric() + "; " + expected
                + " expected by now (" + percent.toPlainString()
                + "% of the working time): " + status.replace('_', ' ') + ", " + pacing.statusReason();
        return new TargetPace(target.id(), new Scope(Scope.Type.parse(target.scopeType(), "scopeType"), target.scopeId()),
                target.metric(), target.period(), target.from(), target.to(), target.value(), pacing.actual(), expected,
                pacing.actual() - expected, status, ApiValues.exact(pacing.workingDaysRemaining()),
                pacing.neededPerRemainingDay().map(rate -> ApiValues.exact(rate.exact())).orElse(null), explanation);
    }
}
