package org.pacekpi.rest.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.pacekpi.api.RebuildService;
import org.pacekpi.api.dto.RebuildResult;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.identity.RequestIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Admin actions under {@code /pace/api/v1/admin}: {@code POST /admin/rebuild} recomputes every aggregate from the
 * activity log under the current counting rules (after a change of {@code etc/org.pacekpi.counting.cfg}) and answers
 * when done with {@code {activities, durationMillis, appliedSequence}}. Admins only (403 otherwise). A separate
 * resource from the KPI queries, so those stay available while no {@link RebuildService} is registered.
 */
@Component(service = AdminResource.class)
@JakartarsResource
@JakartarsName("pace.admin")
@JakartarsApplicationSelect(PaceApplication.SELECT)
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final Logger LOG = LoggerFactory.getLogger(AdminResource.class);

    private final RebuildService rebuild;
    private final AccessPolicy policy;
    private final RequestAuthentication authentication;

    /** DS constructor. */
    @Activate
    public AdminResource(@Reference RebuildService rebuild, @Reference Directory directory,
                         @Reference RequestIdentity identity) {
        this.rebuild = Objects.requireNonNull(rebuild, "rebuild");
        this.policy = new AccessPolicy(directory);
        this.authentication = new RequestAuthentication(identity, policy);
    }

    /** Rebuilds every aggregate and says how long it took. */
    @POST
    @Path("rebuild")
    public RebuildResult rebuild(@Context HttpHeaders headers) {
        User caller = authentication.caller(headers);
        policy.requireAdmin(caller, "rebuild Pace's aggregates");
        refuseCrossSite(headers);
        LOG.info("Rebuild of every aggregate requested by '{}'", caller.login());
        RebuildResult result = rebuild.rebuild();
        LOG.info("Rebuild requested by '{}' recounted {} activities in {} ms", caller.login(), result.activities(),
                result.durationMillis());
        return result;
    }

    /**
     * A browser sends the admin's CRM session cookie with a form posted from any other site too; an {@code Origin}
     * that is not this server's is such a request, and is refused. Requests without {@code Origin} (curl, scripts)
     * are not browsers' cross-site requests.
     */
    static void refuseCrossSite(HttpHeaders headers) {
        String origin = headers.getHeaderString("Origin");
        if (origin == null || origin.isBlank()) {
            return;
        }
        String host = Optional.ofNullable(headers.getHeaderString("X-Forwarded-Host"))
                .filter(h -> !h.isBlank()).orElse(headers.getHeaderString(HttpHeaders.HOST));
        String originHost = authority(origin);
        if (host == null || originHost == null
                || !originHost.equals(host.split(",")[0].trim().toLowerCase(Locale.ROOT))) {
            throw new AccessDeniedException("cross-site request refused: Origin " + origin
                    + " is not this server (" + host + ")");
        }
    }

    /** {@code host[:port]} of an origin such as {@code http://localhost:8181}, lower case; null if unreadable. */
    private static String authority(String origin) {
        try {
            String authority = URI.create(origin.trim()).getRawAuthority();
            return authority == null ? null : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            // "null" (a sandboxed frame) or garbage: not this server
            return null;
        }
    }
}
