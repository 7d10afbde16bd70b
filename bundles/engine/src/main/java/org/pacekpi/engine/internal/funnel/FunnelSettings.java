package org.pacekpi.engine.internal.funnel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.pacekpi.api.Metrics;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.engine.internal.plan.FunnelStep;
import org.pacekpi.engine.internal.plan.StepKind;

/**
 * The funnel an admin configures (PID {@code org.pacekpi.funnel}), checked once so that a wrong value fails at
 * activation with a message naming the property.
 *
 * @param activities           the activity KPIs in front of the stages, in order (may be empty)
 * @param stages               Pace's deal stages in order, at least one; the last is paid
 * @param hostStages           host stage id to the Pace stage it maps onto, as configured; a host stage id that is
 *                             not a key but equals a Pace stage id maps onto that stage; any other is ignored
 * @param windowDays           the days a measurement looks back over by default (1 to {@link #MAX_WINDOW_DAYS})
 * @param shrinkageWeight      the pseudo-count k by which a manager's rate is shrunk toward the team's: a sample of
 *                             k deals weighs as much as the team's rate (0: no shrinkage)
 * @param tooYoungFallbackDays the age below which an open deal is too young to judge, when the team has no timing
 *                             to take its 80th percentile from
 */
public record FunnelSettings(List<FunnelStep> activities, List<FunnelStep> stages, Map<String, String> hostStages,
                             int windowDays, int shrinkageWeight, int tooYoungFallbackDays) {

    /** The configuration PID; named in error messages. */
    public static final String PID = "org.pacekpi.funnel";

    /** The longest window: three years (of which one may be a leap year). */
    public static final int MAX_WINDOW_DAYS = 1096;

    /** The largest shrinkage weight: beyond it the team's rate would drown any manager's history. */
    public static final int MAX_SHRINKAGE_WEIGHT = 100_000;

    /** The longest fallback age for "too young": ten years is a typo, not a sales cycle. */
    public static final int MAX_TOO_YOUNG_DAYS = 3650;

    /** The default activity steps: touches, first contacts, meetings held. */
    public static final List<FunnelStep> DEFAULT_ACTIVITIES = List.of(FunnelStep.TOUCHES, FunnelStep.FIRST_CONTACTS,
            FunnelStep.MEETINGS_HELD);

    /** Pace stage ids: a word that is safe in a URL, a .cfg list and a metric id. */
    private static final Pattern STAGE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** Activity metrics a funnel may start with, with their words. */
    private static final Map<String, FunnelStep> KNOWN_ACTIVITIES = known();

    // Declared after the patterns its constructor uses: static fields initialise in order.
    /** The documented defaults: the default stages and activities, no mapping, 180 days, k = 10, 30 days. */
    public static final FunnelSettings DEFAULTS = new FunnelSettings(DEFAULT_ACTIVITIES, FunnelStep.DEFAULT_STAGES,
            Map.of(), 180, 10, 30);

    private static Map<String, FunnelStep> known() {
        Map<String, FunnelStep> known = new LinkedHashMap<>();
        DEFAULT_ACTIVITIES.forEach(step -> known.put(step.id(), step));
        known.put(Metrics.NEW_CONTACTS, FunnelStep.activity(Metrics.NEW_CONTACTS, "new contact", "new contacts"));
        known.put(Metrics.CALL_ATTEMPTS, FunnelStep.activity(Metrics.CALL_ATTEMPTS, "call attempt", "call attempts"));
        return Map.copyOf(known);
    }

    /** Checks the steps, the mapping and the numbers; copies the collections. */
    public FunnelSettings {
        Objects.requireNonNull(activities, PID + ": activities");
        Objects.requireNonNull(stages, PID + ": stages");
        Objects.requireNonNull(hostStages, PID + ": hostStages");
        if (stages.isEmpty()) {
            throw new IllegalArgumentException(PID + ": stages: at least one stage is needed (the last one is paid)");
        }
        Map<String, String> seen = new HashMap<>();
        for (FunnelStep step : activities) {
            if (step.kind() != StepKind.ACTIVITY) {
                throw new IllegalArgumentException(PID + ": activities: '" + step.id() + "' is not an activity");
            }
            if (seen.put(step.id(), "activities") != null) {
                throw new IllegalArgumentException(PID + ": activities: '" + step.id() + "' appears twice");
            }
        }
        for (FunnelStep step : stages) {
            if (step.kind() != StepKind.STAGE) {
                throw new IllegalArgumentException(PID + ": stages: '" + step.id() + "' is not a stage");
            }
            if (!STAGE_ID.matcher(step.id()).matches()) {
                throw new IllegalArgumentException(PID + ": stages: '" + step.id()
                        + "' is not a stage id (a letter, then letters, digits, '_' or '-')");
            }
            String earlier = seen.put(step.id(), "stages");
            if (earlier != null) {
                throw new IllegalArgumentException(PID + ": stages: '" + step.id() + "' appears twice"
                        + ("activities".equals(earlier) ? " (it is also an activity)" : ""));
            }
        }
        for (Map.Entry<String, String> mapping : hostStages.entrySet()) {
            if (mapping.getKey() == null || mapping.getKey().isBlank()) {
                throw new IllegalArgumentException(PID + ": hostStages: a host stage id is empty");
            }
            if (!"stages".equals(seen.get(mapping.getValue()))) {
                throw new IllegalArgumentException(PID + ": hostStages: '" + mapping.getKey() + "' is mapped onto '"
                        + mapping.getValue() + "', which is not one of the stages " + ids(stages));
            }
        }
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException(PID + ": windowDays must be 1 to " + MAX_WINDOW_DAYS + ", was "
                    + windowDays);
        }
        if (shrinkageWeight < 0 || shrinkageWeight > MAX_SHRINKAGE_WEIGHT) {
            throw new IllegalArgumentException(PID + ": shrinkageWeight must be 0 (no shrinkage) to "
                    + MAX_SHRINKAGE_WEIGHT + ", was " + shrinkageWeight);
        }
        if (tooYoungFallbackDays < 0 || tooYoungFallbackDays > MAX_TOO_YOUNG_DAYS) {
            throw new IllegalArgumentException(PID + ": tooYoungFallbackDays must be 0 to " + MAX_TOO_YOUNG_DAYS
                    + ", was " + tooYoungFallbackDays);
        }
        activities = List.copyOf(activities);
        stages = List.copyOf(stages);
        hostStages = Map.copyOf(hostStages);
    }

    /**
     * Settings from configured values. Every list is a comma-separated list; each array element may itself be such a
     * list, so that both {@code stages = meeting, demo, paid} in a {@code .cfg} file and a real multi-value property
     * work.
     *
     * @param stages               Pace stage ids in order, the last is paid
     * @param stageNames           {@code id=singular/plural} (or {@code id=singular}, plural adding "s") for stages
     *                             and activities; the default stages and the known activities have defaults, any
     *                             other step is called by its id
     * @param hostStages           {@code hostStageId=paceStageId}
     * @param activities           activity metric ids in order: touches, firstContacts, meetingsHeld, newContacts,
     *                             callAttempts or touches:&lt;channel&gt;
     * @param windowDays           see {@link FunnelSettings}
     * @param shrinkageWeight      see {@link FunnelSettings}
     * @param tooYoungFallbackDays see {@link FunnelSettings}
     * @throws IllegalArgumentException naming the property that is wrong
     */
    public static FunnelSettings of(String[] stages, String[] stageNames, String[] hostStages, String[] activities,
                                    int windowDays, int shrinkageWeight, int tooYoungFallbackDays) {
        Map<String, String[]> names = new HashMap<>();
        for (String token : tokens(stageNames)) {
            String[] idAndWords = pair(token, "stageNames", "id=singular/plural, e.g. proposal=proposal/proposals");
            String[] words = idAndWords[1].split("/", -1);
            if (words.length > 2 || words[0].isBlank() || (words.length == 2 && words[1].isBlank())) {
                throw new IllegalArgumentException(PID + ": stageNames: '" + token
                        + "' is not id=singular/plural, e.g. proposal=proposal/proposals");
            }
            String singular = words[0].trim();
            String plural = words.length == 2 ? words[1].trim() : singular + "s";
            if (names.put(idAndWords[0], new String[] {singular, plural}) != null) {
                throw new IllegalArgumentException(PID + ": stageNames: '" + idAndWords[0] + "' is named twice");
            }
        }
        List<FunnelStep> activitySteps = new ArrayList<>();
        for (String id : tokens(activities)) {
            FunnelStep known = KNOWN_ACTIVITIES.get(id);
            String[] words;
            if (known != null) {
                words = new String[] {known.singular(), known.plural()};
            } else if (id.startsWith(Metrics.TOUCHES_BY_CHANNEL_PREFIX)
                    && id.length() > Metrics.TOUCHES_BY_CHANNEL_PREFIX.length()) {
                String channel = id.substring(Metrics.TOUCHES_BY_CHANNEL_PREFIX.length());
                words = new String[] {channel + " touch", channel + " touches"};
            } else {
                throw new IllegalArgumentException(PID + ": activities: '" + id + "' is not an activity KPI; use "
                        + String.join(", ", KNOWN_ACTIVITIES.keySet().stream().sorted().toList())
                        + " or touches:<channel>");
            }
            words = names.getOrDefault(id, words);
            activitySteps.add(FunnelStep.activity(id, words[0], words[1]));
        }
        Map<String, FunnelStep> defaultStages = new HashMap<>();
        FunnelStep.DEFAULT_STAGES.forEach(step -> defaultStages.put(step.id(), step));
        List<FunnelStep> stageSteps = new ArrayList<>();
        for (String id : tokens(stages)) {
            FunnelStep known = defaultStages.get(id);
            String[] words = names.getOrDefault(id, known != null ? new String[] {known.singular(), known.plural()}
                    : new String[] {id, id + "s"});
            stageSteps.add(FunnelStep.stage(id, words[0], words[1]));
        }
        for (String id : names.keySet()) {
            if (stageSteps.stream().noneMatch(s -> s.id().equals(id))
                    && activitySteps.stream().noneMatch(s -> s.id().equals(id))) {
                throw new IllegalArgumentException(PID + ": stageNames: '" + id + "' is neither a stage nor an "
                        + "activity of the funnel " + ids(stageSteps));
            }
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String token : tokens(hostStages)) {
            String[] hostAndPace = pair(token, "hostStages", "hostStageId=paceStageId, e.g. qualified=meeting");
            String earlier = mapping.put(hostAndPace[0], hostAndPace[1]);
            if (earlier != null && !earlier.equals(hostAndPace[1])) {
                throw new IllegalArgumentException(PID + ": hostStages: '" + hostAndPace[0] + "' is mapped onto both '"
                        + earlier + "' and '" + hostAndPace[1] + "'");
            }
        }
        return new FunnelSettings(activitySteps, stageSteps, mapping, windowDays, shrinkageWeight,
                tooYoungFallbackDays);
    }

    /** The steps in funnel order: the activities, then the stages. */
    public List<FunnelStep> steps() {
        List<FunnelStep> steps = new ArrayList<>(activities.size() + stages.size());
        steps.addAll(activities);
        steps.addAll(stages);
        return List.copyOf(steps);
    }

    /** The last stage: paid. */
    public FunnelStep paid() {
        return stages.get(stages.size() - 1);
    }

    /**
     * The index in {@link #stages()} of the Pace stage a host stage id maps onto: its configured mapping, else the
     * stage with that very id; empty for a host stage the funnel ignores (and for null).
     */
    public Optional<Integer> stageIndex(String hostStage) {
        if (hostStage == null) {
            return Optional.empty();
        }
        String paceStage = hostStages.getOrDefault(hostStage, hostStage);
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(paceStage)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The age below which an open deal is too young to judge when the team has no timing of the move. */
    public Duration tooYoungFallback() {
        return Duration.ofDays(tooYoungFallbackDays);
    }

    /**
     * The funnel as the API describes it: each step with its words, and for each stage the host stage ids that map
     * onto it (the configured ones by id, then its own id unless that id is mapped elsewhere).
     */
    public List<FunnelStage> funnelStages() {
        List<FunnelStage> described = new ArrayList<>();
        for (FunnelStep activity : activities) {
            described.add(new FunnelStage(activity.id(), "activity", activity.singular(), List.of()));
        }
        for (FunnelStep stage : stages) {
            List<String> mapped = new ArrayList<>();
            hostStages.entrySet().stream().filter(e -> e.getValue().equals(stage.id())).map(Map.Entry::getKey)
                    .sorted().forEach(mapped::add);
            if (!hostStages.containsKey(stage.id())) {
                mapped.add(stage.id());
            }
            described.add(new FunnelStage(stage.id(), "stage", stage.singular(), mapped));
        }
        return List.copyOf(described);
    }

    /** The settings as an admin reads them in the log. */
    @Override
    public String toString() {
        return "stages " + String.join(" > ", stages.stream().map(FunnelStep::id).toList()) + " (host stages "
                + new java.util.TreeMap<>(hostStages) + "), activities "
                + (activities.isEmpty() ? "none" : String.join(" > ", activities.stream().map(FunnelStep::id).toList()))
                + ", window " + windowDays + " days, shrinkage weight " + shrinkageWeight + ", too young fallback "
                + tooYoungFallbackDays + " days";
    }

    private static String ids(List<FunnelStep> steps) {
        return steps.stream().map(FunnelStep::id).toList().toString();
    }

    private static String[] pair(String token, String property, String form) {
        int equals = token.indexOf('=');
        if (equals <= 0 || equals == token.length() - 1 || token.indexOf('=', equals + 1) >= 0) {
            throw new IllegalArgumentException(PID + ": " + property + ": '" + token + "' is not " + form);
        }
        String key = token.substring(0, equals).trim();
        String value = token.substring(equals + 1).trim();
        if (key.isEmpty() || value.isEmpty()) {
            throw new IllegalArgumentException(PID + ": " + property + ": '" + token + "' is not " + form);
        }
        return new String[] {key, value};
    }

    private static List<String> tokens(String[] values) {
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).filter(Objects::nonNull).flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(t -> !t.isEmpty()).toList();
    }
}
