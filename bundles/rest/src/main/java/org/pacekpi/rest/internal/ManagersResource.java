package org.pacekpi.rest.internal;

import java.time.Clock;
import java.time.LocalDate;
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
import org.pacekpi.api.targets.TargetService;
import org.pacekpi.api.PeriodType;
import org.pacekpi.api.dto.KpiReport;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.identity.RequestIdentity;
import org.pacekpi.rest.internal.KpiQuery.PeriodOf;
import org.pacekpi.rest.internal.KpiQuery.Range;
import org.pacekpi.rest.internal.KpiQuery.Selection;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The managers the caller may see and their numbers, under {@code /pace/api/v1/managers}:
 * <ul>
 * <li>{@code GET /managers}: the managers the caller may see, by name;</li>
 * <li>{@code GET /managers/{id}/kpis?period=day|week|month|quarter&date=YYYY-MM-DD} (the period containing the
 * date, today in the manager's time zone if absent), with {@code pacing} against the manager's targets whose
 * period contains the date when a {@link TargetService} is there; or {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD} (a
 * custom range of at most {@value KpiQuery#MAX_RANGE_DAYS} days, without pacing);</li>
 * <li>{@code GET /managers/{id}/kpis/series?step=day|week|month|quarter&from=&to=}: one report per period, at most
 * {@value KpiQuery#MAX_POINTS};</li>
 * <li>{@code GET /managers/{id}/exclusions?period=&date=} or {@code ?from=&to=}, {@code &limit=} (default
 * {@value KpiQuery#DEFAULT_LIMIT}, at most {@value KpiQuery#MAX_LIMIT}): the interactions that did not count as
 * touches, and why.</li>
 * </ul>
 * Each answers 401 without a signed-in user, 404 for an unknown manager, 403 for one the caller may not see (see
 * {@link AccessPolicy}), then 400 naming the bad parameter; in that order, so nothing is computed for a caller who
 * may not see it.
 */
@Component(service = ManagersResource.class)
@JakartarsResource
@JakartarsName("pace.managers")
@JakartarsApplicationSelect(PaceApplication.SELECT)
@Path("managers")
@Produces(MediaType.APPLICATION_JSON)
public class ManagersResource {

    private final KpiService kpis;
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
    public ManagersResource(@Reference KpiService kpis, @Reference Directory directory,
                            @Reference RequestIdentity identity) {
        this(kpis, directory, identity, Clock.systemUTC());
    }

    /** With a clock, so tests can say what "today" is. */
    ManagersResource(KpiService kpis, Directory directory, RequestIdentity identity, Clock clock) {
        this.kpis = Objects.requireNonNull(kpis, "kpis");
        this.policy = new AccessPolicy(directory);
        this.authentication = new RequestAuthentication(identity, policy);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The managers the caller may see, by display name. */
    @GET
    public List<ManagerView> managers(@Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        return policy.visibleManagers(caller).stream().map(ManagerView::of).toList();
    }

    /** A manager's KPIs for a period or a custom range. */
    @GET
    @Path("{id}/kpis")
    public KpiView kpis(@PathParam("id") String managerId, @QueryParam("period") String period,
                        @QueryParam("date") String date, @QueryParam("from") String from,
                        @QueryParam("to") String to, @Context HttpHeaders headers) {
        User manager = visibleManager(managerId, headers);
        Selection selection = KpiQuery.selection(period, date, from, to, () -> today(manager));
        if (selection instanceof PeriodOf p) {
            KpiReport report = kpis.managerKpis(manager.id(), p.type(), p.date());
            // read once: the dynamic reference may change between two reads
            TargetService targetService = targets;
            return KpiView.of(report, targetService == null ? null
                    : targetService.managerPacing(manager.id(), p.date()));
        }
        Range range = selection.days();
        return KpiView.of(kpis.managerKpis(manager.id(), range.from(), range.to()));
    }

    /** A manager's KPIs as a series, e.g. weekly over a quarter. */
    @GET
    @Path("{id}/kpis/series")
    public SeriesView series(@PathParam("id") String managerId, @QueryParam("step") String step,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @Context HttpHeaders headers) {
        User manager = visibleManager(managerId, headers);
        PeriodType type = KpiQuery.step(step);
        Range range = KpiQuery.seriesRange(type, from, to);
        List<KpiView> points = kpis.managerSeries(manager.id(), type, range.from(), range.to()).stream()
                .map(KpiView::of).toList();
        return new SeriesView(manager.id(), type.id(), range.from(), range.to(), points);
    }

    /** The manager's interactions in a period or range that did not count as touches, with the reasons. */
    @GET
    @Path("{id}/exclusions")
    public ExclusionView exclusions(@PathParam("id") String managerId, @QueryParam("period") String period,
                                    @QueryParam("date") String date, @QueryParam("from") String from,
                                    @QueryParam("to") String to, @QueryParam("limit") String limit,
                                    @Context HttpHeaders headers) {
        User manager = visibleManager(managerId, headers);
        Selection selection = KpiQuery.selection(period, date, from, to, () -> today(manager));
        int max = KpiQuery.limit(limit);
        Range range = selection.days();
        return ExclusionView.of(kpis.exclusions(manager.id(), range.from(), range.to(), max));
    }

    private User visibleManager(String managerId, HttpHeaders headers) {
        return policy.visibleManager(authentication.caller(headers), managerId);
    }

    /** "Today" is the manager's today: the week a manager in Vladivostok is in starts before Moscow's does. */
    private LocalDate today(User manager) {
        return LocalDate.now(clock.withZone(manager.timeZone()));
    }
}
