package org.pacekpi.sandbox.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.pacekpi.sandbox.internal.CrmProblem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;

/**
 * JSON for the sandbox's resources, registered as a Jakarta REST whiteboard extension of the default application.
 * It reads and writes only the sandbox's own types (and collections of them): other bundles' resources in the
 * default application keep whatever JSON provider they bring. Unreadable JSON becomes a 400 {@link CrmProblem} that
 * names the offending field.
 */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class }, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsName(CrmJsonProvider.NAME)
@JakartarsMediaType(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class CrmJsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    /** The extension's whiteboard name. */
    public static final String NAME = "crm-json";

    private static final String OUR_PACKAGE = "org.pacekpi.sandbox.";

    private final ObjectMapper mapper = CrmJson.mapper();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && ours(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        try {
            return mapper.readerFor(mapper.constructType(genericType)).readValue(entityStream);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : "; known fields: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw CrmProblem.invalid(e.getPropertyName(), "unknown field" + known);
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field == null) {
                throw CrmProblem.invalid(null, "the request body must be a JSON object ("
                        + e.getOriginalMessage() + ")");
            }
            throw CrmProblem.invalid(field, "has the wrong type; expected " + expected(e.getTargetType()));
        } catch (JsonParseException e) {
            throw CrmProblem.invalid(null, "the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw CrmProblem.invalid(path(e), "cannot be read: " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw CrmProblem.invalid(null, "the request body cannot be read: " + e.getOriginalMessage());
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        if (!isJson(mediaType)) {
            return false;
        }
        if (ours(type)) {
            return true;
        }
        return Collection.class.isAssignableFrom(type) && genericType instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && ours(element);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        mapper.writerFor(mapper.constructType(genericType)).writeValue(entityStream, value);
    }

    private static boolean ours(Class<?> type) {
        return type.getName().startsWith(OUR_PACKAGE);
    }

    private static boolean isJson(MediaType mediaType) {
        return mediaType == null || mediaType.isWildcardType()
                || (mediaType.getType().equals("application") && (mediaType.getSubtype().equals("json")
                || mediaType.getSubtype().endsWith("+json")));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return type == Long.class || type == long.class || type == Integer.class ? "a whole number" : "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
