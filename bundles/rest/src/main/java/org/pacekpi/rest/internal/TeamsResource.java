package org.pacekpi.rest.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.pacekpi.api.KpiService;
import org.pacekpi.api.dto.TeamKpiReport;
import org.pacekpi.api.targets.TargetService;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.identity.RequestIdentity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Teams and their KPIs, under {@code /pace/api/v1/teams}:
 * <ul>
 * <li>{@code GET /teams}: the teams whose KPIs the caller may see, by name: every team for an admin, the teams a
 * head of sales heads, none for a manager (a manager sees their own numbers, not their colleagues', so a manager
 * gets {@code []}, not their own team);</li>
 * <li>{@code GET /teams/{id}/kpis?period=day|week|month|quarter&date=YYYY-MM-DD}: each member's KPIs for the period
 * containing the date, and the team's sums, with {@code pacing} against the team's targets whose period contains
 * the date when a {@link TargetService} is there; for admins and that team's heads only (403 otherwise). Without a
 * date, "today" is taken in the time zone most of the team's managers are in.</li>
 * </ul>
 */
@Component(service = TeamsResource.class)
@JakartarsResource
@JakartarsName("pace.teams")
@JakartarsApplicationSelect(PaceApplication.SELECT)
@Path("teams")
@Produces(MediaType.APPLICATION_JSON)
public class TeamsResource {

    private final KpiService kpis;
    private final Directory directory;
    private final AccessPolicy policy;
    private final RequestAuthentication authentication;
    private final Clock clock;

    /**
     * Targets and pacing, when the engine offers them: KPIs answer without (and without {@code pacing}), so the
     * reference is optional, and dynamic so that a target service coming or going does not restart the KPIs.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TargetService targets;

    /** DS constructor. */
    @Activate
    public TeamsResource(@Reference KpiService kpis, @Reference Directory directory,
                         @Reference RequestIdentity identity) {
        this(kpis, directory, identity, Clock.systemUTC());
    }

    /** With a clock, so tests can say what "today" is. */
    TeamsResource(KpiService kpis, Directory directory, RequestIdentity identity, Clock clock) {
        this.kpis = Objects.requireNonNull(kpis, "kpis");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.policy = new AccessPolicy(directory);
        this.authentication = new RequestAuthentication(identity, policy);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The teams whose KPIs the caller may see. */
    @GET
    public List<TeamView> teams(@Context HttpHeaders headers) {
        return policy.visibleTeams(authentication.caller(headers)).stream().map(TeamView::of).toList();
    }

    /** A team's KPIs for a period: 404 unknown team, 403 not its head nor an admin, 400 bad parameters. */
    @GET
    @Path("{id}/kpis")
    public TeamKpiView kpis(@PathParam("id") String teamId, @QueryParam("period") String period,
                            @QueryParam("date") String date, @QueryParam("from") String from,
                            @QueryParam("to") String to, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        Team team = policy.visibleTeam(caller, teamId);
        if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
            // the KPI service sums a team by calendar period only
            throw new IllegalArgumentException("team KPIs are by period (and date); from and to are not supported");
        }
        KpiQuery.PeriodOf selection = KpiQuery.periodOf(period, date,
                () -> LocalDate.now(clock.withZone(teamZone(team, caller))));
        TeamKpiReport report = kpis.teamKpis(team.id(), selection.type(), selection.date());
        // read once: the dynamic reference may change between two reads
        TargetService targetService = targets;
        return TeamKpiView.of(report, id -> directory.user(id).map(User::displayName).orElse(id),
                targetService == null ? null : targetService.teamPacing(team.id(), selection.date()));
    }

    private ZoneId teamZone(Team team, User caller) {
        return ScopeZones.team(directory, team, caller.timeZone());
    }
}
