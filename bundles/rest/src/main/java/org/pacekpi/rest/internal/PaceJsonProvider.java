package org.pacekpi.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;

/**
 * JSON for Pace's application only: Jackson with {@link PaceJson}'s settings, for {@code application/json} and
 * {@code application/problem+json} (so error bodies are written by the same mapper).
 */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class }, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsName(PaceJsonProvider.NAME)
@JakartarsApplicationSelect(PaceApplication.SELECT)
@JakartarsMediaType({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class PaceJsonProvider extends JacksonJsonProvider {

    /** The extension's whiteboard name. */
    public static final String NAME = "pace.json";

    /** A provider around a new {@link PaceJson#newMapper() Pace mapper}. */
    public PaceJsonProvider() {
        super(PaceJson.newMapper());
    }
}
