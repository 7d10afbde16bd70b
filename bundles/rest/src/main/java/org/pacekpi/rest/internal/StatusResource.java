package org.pacekpi.rest.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.pacekpi.api.IngestMonitor;
import org.pacekpi.api.dto.IngestStatus;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.identity.RequestIdentity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /pace/api/v1/status}: how far Pace has read the host's activity stream; admins only. */
@Component(service = StatusResource.class)
@JakartarsResource
@JakartarsName("pace.status")
@JakartarsApplicationSelect(PaceApplication.SELECT)
@Path("status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final IngestMonitor monitor;
    private final AccessPolicy policy;
    private final RequestAuthentication authentication;

    /** DS constructor. */
    @Activate
    public StatusResource(@Reference IngestMonitor monitor, @Reference Directory directory,
                          @Reference RequestIdentity identity) {
        this.monitor = monitor;
        this.policy = new AccessPolicy(directory);
        this.authentication = new RequestAuthentication(identity, policy);
    }

    /** The ingest status. */
    @GET
    public IngestStatus status(@Context HttpHeaders headers) {
        policy.requireAdmin(authentication.caller(headers), "see the ingest status");
        return monitor.status();
    }
}
