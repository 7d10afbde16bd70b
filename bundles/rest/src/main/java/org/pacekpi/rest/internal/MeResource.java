package org.pacekpi.rest.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.identity.RequestIdentity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /pace/api/v1/me}: who the caller is for Pace, with roles and team. */
@Component(service = MeResource.class)
@JakartarsResource
@JakartarsName("pace.me")
@JakartarsApplicationSelect(PaceApplication.SELECT)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final Directory directory;
    private final RequestAuthentication authentication;

    /** DS constructor. */
    @Activate
    public MeResource(@Reference RequestIdentity identity, @Reference Directory directory) {
        this.directory = directory;
        this.authentication = new RequestAuthentication(identity, new AccessPolicy(directory));
    }

    /** The signed-in user. */
    @GET
    public MeView me(@Context HttpHeaders headers) {
        return MeView.of(authentication.caller(headers), directory);
    }
}
