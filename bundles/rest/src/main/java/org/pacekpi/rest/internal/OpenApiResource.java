package org.pacekpi.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /pace/api/v1/openapi.json}: the OpenAPI 3.1 description of the whole Pace API, for anyone (no sign-in:
 * it describes, it shows no data). A maintained file, {@value #DOCUMENT}, that {@code OpenApiDocumentTest} holds to
 * the resources' annotations.
 */
@Component(service = OpenApiResource.class)
@JakartarsResource
@JakartarsName("pace.openapi")
@JakartarsApplicationSelect(PaceApplication.SELECT)
@Path("openapi.json")
public class OpenApiResource {

    /** The document, beside this class in the bundle. */
    static final String DOCUMENT = "openapi.json";

    /** The document as served. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks " + DOCUMENT + " beside " + getClass().getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + DOCUMENT + " from the bundle", e);
        }
    }
}
