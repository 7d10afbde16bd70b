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
import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.ConversionReport;
import org.pacekpi.api.targets.FunnelService;
import org.pacekpi.api.targets.FunnelStage;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.identity.RequestIdentity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The funnel, under {@code /pace/api/v1/funnel}:
 * <ul>
 * <li>{@code GET /funnel}: the configured steps, activities first and paid last; for any signed-in user (it is
 * configuration, nobody's numbers);</li>
 * <li>{@code GET /funnel/conversions?scope=team:north|manager:anna&from=&to=&method=cohort|snapshot}: conversions,
 * times, win rate and average paid deal of a scope the caller may read ({@link AccessPolicy#requireRead}). Without
 * {@code from} and {@code to} the window is the {@value TargetQuery#DEFAULT_WINDOW_DAYS} days ending yesterday in the
 * scope's time zone (today's deals are still moving); with one of them, {@value TargetQuery#DEFAULT_WINDOW_DAYS}
 * days from or to it. The method defaults to cohort.</li>
 * </ul>
 */
@Component(service = FunnelResource.class)
@JakartarsResource
@JakartarsName("pace.funnel")
@JakartarsApplicationSelect(PaceApplication.SELECT)
@Path("funnel")
@Produces(MediaType.APPLICATION_JSON)
public class FunnelResource {

    private final FunnelService funnel;
    private final Directory directory;
    private final AccessPolicy policy;
    private final RequestAuthentication authentication;
    private final Clock clock;

    /** DS constructor. */
    @Activate
    public FunnelResource(@Reference FunnelService funnel, @Reference Directory directory,
                          @Reference RequestIdentity identity) {
        this(funnel, directory, identity, Clock.systemUTC());
    }

    /** With a clock, so tests can say what "today" is. */
    FunnelResource(FunnelService funnel, Directory directory, RequestIdentity identity, Clock clock) {
        this.funnel = Objects.requireNonNull(funnel, "funnel");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.policy = new AccessPolicy(directory);
        this.authentication = new RequestAuthentication(identity, policy);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The configured steps. */
    @GET
    public List<FunnelStage> steps(@Context HttpHeaders headers) {
        authentication.caller(headers);
        return funnel.steps();
    }

    /** The conversions of a scope over a window of days. */
    @GET
    @Path("conversions")
    public ConversionReport conversions(@QueryParam("scope") String scope, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("method") String method,
                                        @Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        Scope asked = TargetQuery.scope("scope", scope);
        policy.requireRead(caller, asked);
        TargetQuery.Window window = TargetQuery.window(from, to,
                () -> LocalDate.now(clock.withZone(ScopeZones.scope(directory, asked, caller.timeZone()))));
        ConversionMethod conversionMethod = TargetQuery.method(method);
        return funnel.conversions(asked, window.from(), window.to(), conversionMethod);
    }
}
