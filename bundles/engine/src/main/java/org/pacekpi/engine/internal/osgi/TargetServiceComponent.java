package org.pacekpi.engine.internal.osgi;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.api.store.TargetStore;
import org.pacekpi.api.targets.Change;
import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.DerivedTargets;
import org.pacekpi.api.targets.FunnelService;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.GoalRecord;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetInput;
import org.pacekpi.api.targets.TargetPace;
import org.pacekpi.api.targets.TargetRecord;
import org.pacekpi.api.targets.TargetService;
import org.pacekpi.engine.internal.targets.GoalsAndTargets;
import org.pacekpi.engine.internal.targets.ManagerCalendars;
import org.pacekpi.engine.internal.targets.TargetSettings;
import org.pacekpi.host.directory.Directory;

/**
 * Publishes the {@link TargetService}, configured by PID {@code org.pacekpi.targets} ({@link TargetsConfig}); the
 * work is the plain {@link GoalsAndTargets}. A configuration change replaces the component.
 */
@Component(service = TargetService.class, configurationPid = TargetSettings.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TargetsConfig.class)
public final class TargetServiceComponent implements TargetService {

    private final GoalsAndTargets targets;

    /**
     * Nothing to undo on deactivation: no thread, no registration of its own.
     *
     * @throws IllegalArgumentException naming the configuration key that is wrong
     */
    @Activate
    public TargetServiceComponent(@Reference TargetStore store, @Reference PaceStore counts,
                                  @Reference FunnelService funnel, @Reference Directory directory,
                                  @Reference ManagerCalendars calendars, TargetsConfig config) {
        this(store, counts, funnel, directory, calendars, settings(config), Clock.systemUTC());
    }

    /** For tests: the settings and clock given. */
    TargetServiceComponent(TargetStore store, PaceStore counts, FunnelService funnel, Directory directory,
                           ManagerCalendars calendars, TargetSettings settings, Clock clock) {
        this.targets = new GoalsAndTargets(store, counts, funnel, directory, calendars, settings, clock);
    }

    /** The validated settings of the configuration. */
    static TargetSettings settings(TargetsConfig config) {
        return TargetSettings.of(config.weeksRule(), config.method(), config.windowDays());
    }

    @Override
    public DerivedTargets derive(DeriveRequest request) {
        return targets.derive(request);
    }

    @Override
    public List<GoalRecord> goals(Scope scope, String period) {
        return targets.goals(scope, period);
    }

    @Override
    public GoalRecord goal(String id) {
        return targets.goal(id);
    }

    @Override
    public GoalRecord createGoal(GoalInput input, String actor) {
        return targets.createGoal(input, actor);
    }

    @Override
    public GoalRecord updateGoal(String id, long expectedVersion, GoalInput input, String actor) {
        return targets.updateGoal(id, expectedVersion, input, actor);
    }

    @Override
    public GoalRecord rederive(String id, long expectedVersion, String actor) {
        return targets.rederive(id, expectedVersion, actor);
    }

    @Override
    public void deleteGoal(String id, long expectedVersion, String actor) {
        targets.deleteGoal(id, expectedVersion, actor);
    }

    @Override
    public List<TargetRecord> targets(Scope scope, String period, String metric) {
        return targets.targets(scope, period, metric);
    }

    @Override
    public TargetRecord target(String id) {
        return targets.target(id);
    }

    @Override
    public TargetRecord createTarget(TargetInput input, String actor) {
        return targets.createTarget(input, actor);
    }

    @Override
    public TargetRecord updateTarget(String id, long expectedVersion, TargetInput input, String actor) {
        return targets.updateTarget(id, expectedVersion, input, actor);
    }

    @Override
    public void deleteTarget(String id, long expectedVersion, String actor) {
        targets.deleteTarget(id, expectedVersion, actor);
    }

    @Override
    public List<Change> history(String id) {
        return targets.history(id);
    }

    @Override
    public List<TargetPace> managerPacing(String managerId, LocalDate date) {
        return targets.managerPacing(managerId, date);
    }

    @Override
    public List<TargetPace> teamPacing(String teamId, LocalDate date) {
        return targets.teamPacing(teamId, date);
    }
}
