package org.pacekpi.engine.internal.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.dto.Money;
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.FunnelService;
import org.pacekpi.api.targets.GoalAmount;
import org.pacekpi.api.targets.MeasuredRate;
import org.pacekpi.api.targets.PinnedRate;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.StageTiming;
import org.pacekpi.api.targets.ValidationException;
import org.pacekpi.engine.internal.Teams;
import org.pacekpi.engine.internal.calendar.Periods;
import org.pacekpi.engine.internal.plan.Conversion;
import org.pacekpi.engine.internal.plan.Fraction;
import org.pacekpi.engine.internal.plan.Funnel;
import org.pacekpi.engine.internal.plan.FunnelStep;
import org.pacekpi.engine.internal.plan.PlanPeriod;
import org.pacekpi.engine.internal.plan.PlanValidationException;
import org.pacekpi.engine.internal.plan.RateSource;
import org.pacekpi.engine.internal.plan.WeeksRule;
import org.pacekpi.engine.internal.targets.Derivation.AverageDeal;
import org.pacekpi.engine.internal.targets.Derivation.ManagerBasis;
import org.pacekpi.engine.internal.targets.Derivation.RateBasis;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;

/**
 * Checks a derive request and gathers what its targets are derived from, into a {@link Derivation}:
 * <ul>
 * <li>the managers: the manager of a manager's goal, or the active members with the manager role of a team, among
 * whom a team's goal is split evenly;</li>
 * <li>per manager, the day of the derivation ({@code asOf}, default today in the manager's time zone) and the
 * measuring window: {@code windowDays} days ending the day before it;</li>
 * <li>per manager and pair of adjacent steps, the pinned rate if one is pinned, else the funnel service's measured
 * rate for the manager (shrunk toward the team); a pair with neither is refused, naming the manager and the pair;</li>
 * <li>per manager, the measured median days from each stage to paid;</li>
 * <li>for a money goal, the average paid deal: as given, or the measured average of the manager's team (of the
 * manager alone when the manager has no team) in the goal's currency over the window.</li>
 * </ul>
 * Bad input is a {@link ValidationException} naming the field by its JSON path; an unknown manager or team a
 * {@link NotFoundException}.
 */
public final class GoalDeriver {

    /** The longest note a goal or target keeps. */
    public static final int MAX_NOTE_LENGTH = 500;

    private final Directory directory;
    private final FunnelService funnel;
    private final TargetSettings settings;
    private final Clock clock;

    /**
     * @param directory knows the managers, teams and time zones
     * @param funnel    the configured steps and the measured conversions
     * @param settings  the defaults of what a request leaves out
     * @param clock     gives "today" in each manager's time zone
     */
    public GoalDeriver(Directory directory, FunnelService funnel, TargetSettings settings, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.funnel = Objects.requireNonNull(funnel, "funnel");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What the request's targets are derived from.
     *
     * @throws ValidationException naming the field of bad input, or {@code pinnedRates} when a conversion is unknown
     * @throws NotFoundException   for an unknown manager or team
     */
    public Derivation derive(DeriveRequest request) {
        if (request == null) {
            throw new ValidationException("body", "is required");
        }
        Scope scope = request.scope();
        if (scope == null) {
            throw new ValidationException("scope", "is required: a type (team or manager) and an id");
        }
        PlanPeriod period = period(request.period());
        GoalAmount goal = checkGoal(request.goal());
        WeeksRule weeksRule = request.weeksRule() == null ? settings.weeksRule() : weeksRule(request.weeksRule());
        ConversionMethod method = request.method() == null ? settings.method() : request.method();
        int windowDays = request.windowDays() == null ? settings.windowDays() : windowDays(request.windowDays());
        List<FunnelStep> steps = steps();
        Map<String, PinnedRate> pinned = checkPinned(request.pinnedRates(), steps);

        List<User> managers = managers(scope);
        List<ManagerBasis> bases = new ArrayList<>(managers.size());
        List<String> unknown = new ArrayList<>();
        for (User manager : managers) {
            LocalDate asOf = request.asOf() != null ? request.asOf() : Periods.today(clock, manager.timeZone());
            LocalDate from = asOf.minusDays(windowDays);
            LocalDate to = asOf.minusDays(1);
            ConversionReport report = funnel.conversions(Scope.manager(manager.id()), from, to, method);
            bases.add(basis(manager, asOf, from, to, report, steps, pinned, unknown));
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException("pinnedRates", "no measured conversion is known for " + String.join("; ", unknown)
                    + ". Pinning a rate for each of these fixes it");
        }
        AverageDeal average = goal.revenue() == null ? null : averagePaidDeal(goal, scope, managers, bases, windowDays, method);
        return new Derivation(scope, period, goal, weeksRule, method, windowDays, steps, average, bases);
    }

    /** Refuses a note longer than {@value #MAX_NOTE_LENGTH} characters, naming {@code field}. */
    public static void checkNote(String note, String field) {
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw new ValidationException(field, "must be at most " + MAX_NOTE_LENGTH + " characters, was " + note.length());
        }
    }

    /** The configured steps as plan steps. */
    List<FunnelStep> steps() {
        List<FunnelStep> steps = FunnelSteps.of(funnel.steps());
        try {
            // Checks the chain the configuration makes: not empty, ids unique, activities first, paid last.
            new Funnel(steps, chainOfOnes(steps), Map.of());
        } catch (PlanValidationException e) {
            throw new IllegalStateException("the configured funnel (org.pacekpi.funnel) is not a chain a goal can be "
                    + "derived through: " + e.getMessage(), e);
        }
        return steps;
    }

    private static List<Conversion> chainOfOnes(List<FunnelStep> steps) {
        List<Conversion> chain = new ArrayList<>();
        for (int i = 0; i + 1 < steps.size(); i++) {
            chain.add(Conversion.pinned(steps.get(i).id(), steps.get(i + 1).id(), Fraction.ONE));
        }
        return chain;
    }

    private static PlanPeriod period(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("period", "is required: a month such as 2026-03 or a quarter such as 2026-Q1");
        }
        try {
            return PlanPeriod.parse(text);
        } catch (PlanValidationException e) {
            throw new ValidationException("period", e.getMessage().substring(e.field().length() + 2));
        }
    }

    private static WeeksRule weeksRule(String text) {
        try {
            return WeeksRule.parse(text, "weeksRule");
        } catch (PlanValidationException e) {
            throw new ValidationException("weeksRule", e.getMessage().substring(e.field().length() + 2));
        }
    }

    private static int windowDays(int days) {
        if (days < TargetSettings.MIN_WINDOW_DAYS || days > TargetSettings.MAX_WINDOW_DAYS) {
            throw new ValidationException("windowDays", "must be " + TargetSettings.MIN_WINDOW_DAYS + " to "
                    + TargetSettings.MAX_WINDOW_DAYS + " days, was " + days);
        }
        return days;
    }

    /** Checks the goal's fields; the exception names the offending one. */
    static GoalAmount checkGoal(GoalAmount goal) {
        if (goal == null) {
            throw new ValidationException("goal", "is required: paidDeals, or revenue (with an optional averagePaidDeal)");
        }
        if ((goal.paidDeals() == null) == (goal.revenue() == null)) {
            throw new ValidationException("goal", goal.paidDeals() == null
                    ? "needs paidDeals or revenue; neither was given"
                    : "needs paidDeals or revenue, not both");
        }
        if (goal.paidDeals() != null) {
            if (goal.paidDeals() <= 0) {
                throw new ValidationException("goal.paidDeals", "must be positive, was " + goal.paidDeals());
            }
            if (goal.averagePaidDeal() != null) {
                throw new ValidationException("goal.averagePaidDeal", "goes with a revenue goal only, not with paidDeals");
            }
            return goal;
        }
        String currency = checkMoney(goal.revenue(), "goal.revenue");
        if (goal.averagePaidDeal() != null) {
            String averageCurrency = checkMoney(goal.averagePaidDeal(), "goal.averagePaidDeal");
            if (!averageCurrency.equals(currency)) {
                throw new ValidationException("goal.averagePaidDeal.currency", "must be the revenue's currency " + currency
                        + ", was " + averageCurrency);
            }
        }
        return goal;
    }

    private static String checkMoney(Money money, String field) {
        if (money.amount() == null) {
            throw new ValidationException(field + ".amount", "is required");
        }
        if (money.amount().signum() <= 0) {
            throw new ValidationException(field + ".amount", "must be positive, was " + money.amount().toPlainString());
        }
        String currency = money.currency();
        if (currency == null || currency.isBlank()) {
            throw new ValidationException(field + ".currency", "is required: an ISO 4217 code such as EUR");
        }
        try {
            if (!Currency.getInstance(currency).getCurrencyCode().equals(currency)) {
                throw new IllegalArgumentException("not in its canonical form");
            }
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field + ".currency", "must be an ISO 4217 code such as EUR, was '" + currency + "'");
        }
        return currency;
    }

    /** The pinned rates by their {@code from} step, checked against the steps. */
    private static Map<String, PinnedRate> checkPinned(List<PinnedRate> rates, List<FunnelStep> steps) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            index.put(steps.get(i).id(), i);
        }
        String known = steps.stream().map(FunnelStep::id).collect(Collectors.joining(", "));
        Map<String, PinnedRate> byFrom = new LinkedHashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < rates.size(); i++) {
            String field = "pinnedRates[" + i + "]";
            // DeriveRequest and GoalInput copy the list with List.copyOf: no element is null.
            PinnedRate rate = rates.get(i);
            Integer from = rate.from() == null ? null : index.get(rate.from());
            if (from == null) {
                throw new ValidationException(field + ".from", (rate.from() == null ? "is required"
                        : "unknown step '" + rate.from() + "'") + "; the funnel's steps are " + known);
            }
            if (from == steps.size() - 1) {
                throw new ValidationException(field + ".from", rate.from() + " is the funnel's last step: nothing follows it");
            }
            Integer to = rate.to() == null ? null : index.get(rate.to());
            if (to == null) {
                throw new ValidationException(field + ".to", (rate.to() == null ? "is required"
                        : "unknown step '" + rate.to() + "'") + "; the funnel's steps are " + known);
            }
            if (to != from + 1) {
                throw new ValidationException(field + ".to", rate.from() + " -> " + rate.to()
                        + " does not join a step to the next one; the step after " + rate.from() + " is "
                        + steps.get(from + 1).id());
            }
            if (rate.rate() == null) {
                throw new ValidationException(field + ".rate", "is required: the share of " + rate.from()
                        + " that reaches " + rate.to() + ", above 0 and at most 1");
            }
            Fraction read;
            try {
                read = PinnedRateReading.read(rate.rate());
            } catch (NumberFormatException e) {
                throw new ValidationException(field + ".rate", e.getMessage());
            }
            if (read.signum() <= 0 || read.compareTo(Fraction.ONE) > 0) {
                throw new ValidationException(field + ".rate", "must be above 0 and at most 1, was " + rate.rate());
            }
            Integer earlier = positions.putIfAbsent(rate.from(), i);
            if (earlier != null) {
                throw new ValidationException(field, "pins " + rate.from() + " -> " + rate.to()
                        + " a second time; pinnedRates[" + earlier + "] pins it already");
            }
            byFrom.put(rate.from(), rate);
        }
        return byFrom;
    }

    /** The rate as literally written, with no reading of decimals into fractions. */
    private static Fraction asWritten(String written) {
        return written.contains("/") ? Fraction.parse(written) : Fraction.of(new BigDecimal(written));
    }

    /** The managers of the scope, ordered by id. */
    private List<User> managers(Scope scope) {
        if (scope.type() == Scope.Type.MANAGER) {
            return List.of(manager(directory, scope.id()));
        }
        Team team = Teams.team(directory, scope.id());
        List<User> managers = directory.members(team.id()).stream()
                .filter(user -> user.active() && user.hasRole(Role.MANAGER))
                .sorted(Comparator.comparing(User::id)).toList();
        if (managers.isEmpty()) {
            throw new ValidationException("scope.id", "team '" + team.id() + "' has no active managers to split the goal among");
        }
        return managers;
    }

    /** The user with the manager role, or {@link NotFoundException} naming the id. */
    static User manager(Directory directory, String managerId) {
        return (managerId == null ? Optional.<User>empty() : directory.user(managerId))
                .filter(user -> user.hasRole(Role.MANAGER))
                .orElseThrow(() -> new NotFoundException("no manager with id '" + managerId + "'"));
    }

    private static ManagerBasis basis(User manager, LocalDate asOf, LocalDate from, LocalDate to, ConversionReport report,
                                      List<FunnelStep> steps, Map<String, PinnedRate> pinned, List<String> unknown) {
        List<RateBasis> rates = new ArrayList<>();
        for (int i = 0; i + 1 < steps.size(); i++) {
            String fromStep = steps.get(i).id();
            String toStep = steps.get(i + 1).id();
            PinnedRate pin = pinned.get(fromStep);
            if (pin != null) {
                Fraction rate = PinnedRateReading.read(pin.rate());
                String written = pin.rate().trim();
                String read = rate.toString().equals(written) || asWritten(written).equals(rate) ? ""
                        : ", read as " + rate;
                rates.add(new RateBasis(fromStep, toStep, rate, RateSource.PINNED, 0,
                        "pinned by an admin at " + written + read));
                continue;
            }
            Optional<MeasuredRate> measured = report.toNext().stream()
                    .filter(rate -> fromStep.equals(rate.from()) && toStep.equals(rate.to())).findFirst();
            Fraction rate = measured.map(GoalDeriver::usableRate).orElse(null);
            if (rate == null) {
                unknown.add(fromStep + " -> " + toStep + " for manager " + manager.id() + " (" + from + " to " + to
                        + (measured.isPresent() && measured.get().explanation() != null
                        ? ": " + measured.get().explanation() : ": not measured") + ")");
                continue;
            }
            MeasuredRate m = measured.get();
            rates.add(new RateBasis(fromStep, toStep, rate, RateSource.MEASURED, Math.max(0, m.sampleSize()),
                    m.explanation() == null ? "measured on " + m.sampleSize() : m.explanation()));
        }
        return new ManagerBasis(manager.id(), manager.timeZone(), asOf, rates, medians(report, steps));
    }

    /** The measured rate if it can be divided by: known, above 0, at most 1. */
    private static Fraction usableRate(MeasuredRate measured) {
        if (measured.rate() == null || measured.rate().fraction() == null) {
            return null;
        }
        Fraction rate;
        try {
            rate = Fraction.parse(measured.rate().fraction());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the funnel service measured " + measured.from() + " -> " + measured.to()
                    + " as " + e.getMessage(), e);
        }
        return rate.signum() > 0 && rate.compareTo(Fraction.ONE) <= 0 ? rate : null;
    }

    private static Map<String, BigDecimal> medians(ConversionReport report, List<FunnelStep> steps) {
        String paid = steps.get(steps.size() - 1).id();
        Map<String, BigDecimal> byStep = new HashMap<>();
        for (StageTiming timing : report.timesToPaid()) {
            if (paid.equals(timing.to()) && timing.medianDays() != null && !paid.equals(timing.from())) {
                BigDecimal days = timing.medianDays();
                if (days.signum() < 0 || days.compareTo(BigDecimal.valueOf(Funnel.MAX_TIME_TO_PAID.toDays())) > 0) {
                    throw new IllegalStateException("the funnel service measured a median of " + days.toPlainString()
                            + " days from " + timing.from() + " to " + paid + ", outside 0 to "
                            + Funnel.MAX_TIME_TO_PAID.toDays());
                }
                byStep.put(timing.from(), days);
            }
        }
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        for (FunnelStep step : steps) {
            if (byStep.containsKey(step.id())) {
                ordered.put(step.id(), byStep.get(step.id()));
            }
        }
        return ordered;
    }

    private AverageDeal averagePaidDeal(GoalAmount goal, Scope scope, List<User> managers, List<ManagerBasis> bases,
                                        int windowDays, ConversionMethod method) {
        if (goal.averagePaidDeal() != null) {
            return new AverageDeal(goal.averagePaidDeal(), false, "given with the goal");
        }
        String currency = goal.revenue().currency();
        Scope measuredOn;
        if (scope.type() == Scope.Type.TEAM) {
            measuredOn = scope;
        } else {
            String teamId = managers.get(0).teamId();
            measuredOn = teamId != null && directory.team(teamId).isPresent() ? Scope.team(teamId) : scope;
        }
        LocalDate from = bases.stream().map(basis -> basis.asOf().minusDays(windowDays)).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = bases.stream().map(basis -> basis.asOf().minusDays(1)).max(Comparator.naturalOrder()).orElseThrow();
        ConversionReport report = funnel.conversions(measuredOn, from, to, method);
        Optional<Money> average = report.averagePaidDeal().stream()
                .filter(money -> currency.equals(money.currency()) && money.amount() != null && money.amount().signum() > 0)
                .findFirst();
        if (average.isEmpty()) {
            throw new ValidationException("goal.averagePaidDeal", "no deal was paid in " + currency + " by " + measuredOn
                    + " from " + from + " to " + to + ", so the average paid deal is unknown; give it with the goal");
        }
        return new AverageDeal(average.get(), true, "the average paid deal of " + measuredOn + " in " + currency
                + " from " + from + " to " + to + " (" + report.dealsPaid() + " deals paid in all currencies)");
    }
}
