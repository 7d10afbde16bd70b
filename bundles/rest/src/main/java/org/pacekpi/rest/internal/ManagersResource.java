package org.pacekpi.rest.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.pacekpi.api.KpiService;
import org.pacekpi.api.PeriodType;
import org.pacekpi.host.directory.Directory;
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
 * {@code GET /pace/api/v1/managers}: the managers the caller may see, and
 * {@code GET /pace/api/v1/managers/{id}/kpis?period=day|week|month&date=YYYY-MM-DD}: one manager's KPIs for the
 * period containing the date (today in the manager's time zone if absent).
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

    /** A manager's KPIs; 404 for an unknown manager, 403 for one the caller may not see, 400 for bad parameters. */
    @GET
    @Path("{id}/kpis")
    public KpiView kpis(@PathParam("id") String managerId, @QueryParam("period") String period,
                        @QueryParam("date") String date, @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        User manager = policy.visibleManager(caller, managerId);
        PeriodType type = KpiQuery.period(period);
        // "today" is the manager's today: the week a manager in Vladivostok is in starts before Moscow's does
        LocalDate day = KpiQuery.date(date).orElseGet(() -> LocalDate.now(clock.withZone(manager.timeZone())));
        return KpiView.of(kpis.managerKpis(manager.id(), type, day));
    }
}
