package org.pacekpi.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.pacekpi.api.targets.ConversionMethod;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.ValidationException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How Pace writes and reads JSON: ISO-8601 dates and times, plain decimal amounts, strict about request bodies
 * (unknown fields, a missing or null number, 2.5 for a count and trailing garbage are errors), and the targets API's
 * words: a {@link Scope} is {@code {"type":"team","id":"north"}}, a {@link ConversionMethod} {@code "cohort"}.
 */
public final class PaceJson {

    private PaceJson() {
    }

    /** A new mapper with Pace's settings; the JSON provider and the tests use the same one. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(targetsModule())
                // "2026-11-23", not [2026,11,23]: the widget and curl users read these
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // money as 1250.50 or 3000, never 3E+3
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // a misspelt field in a request body is an error the client must see, not a silent default
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // a target "value" left out is not a target of 0, and 2.5 paid deals are not 2
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Scopes and conversion methods in the lower-case words the API documents. */
    private static SimpleModule targetsModule() {
        SimpleModule module = new SimpleModule("pace-targets");
        module.addSerializer(Scope.Type.class, new JsonSerializer<>() {
            @Override
            public void serialize(Scope.Type value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(value.id());
            }
        });
        module.addSerializer(ConversionMethod.class, new JsonSerializer<>() {
            @Override
            public void serialize(ConversionMethod value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(value.id());
            }
        });
        module.addDeserializer(ConversionMethod.class, new JsonDeserializer<>() {
            @Override
            public ConversionMethod deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                try {
                    return ConversionMethod.parse(text, "method");
                } catch (ValidationException e) {
                    throw new BodyFieldException(p, "must be cohort or snapshot, was "
                            + (text == null ? p.getText() : "\"" + text + "\""));
                }
            }
        });
        module.addDeserializer(Scope.class, new ScopeDeserializer());
        return module;
    }

    /**
     * Reads {@code {"type":"team","id":"north"}}. Failures carry the path inside the scope ({@code type},
     * {@code id}), to which Jackson prepends the scope's own place in the body, so the problem names
     * {@code scope.type}.
     */
    private static final class ScopeDeserializer extends JsonDeserializer<Scope> {

        private static final List<Object> FIELDS = List.of("type", "id");

        @Override
        public Scope deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new BodyFieldException(p, "must be an object {\"type\":\"team\" or \"manager\",\"id\":...}, was "
                        + p.getText());
            }
            // the context, not the parser: the parser's codec would take the rest of the body for trailing tokens
            JsonNode node = ctxt.readTree(p);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                String name = it.next().getKey();
                if (!FIELDS.contains(name)) {
                    // its path names the field already
                    throw UnrecognizedPropertyException.from(p, Scope.class, name, new ArrayList<>(FIELDS));
                }
            }
            JsonNode type = node.get("type");
            JsonNode id = node.get("id");
            Scope.Type scopeType;
            try {
                scopeType = Scope.Type.parse(type == null || !type.isTextual() ? null : type.asText(), "type");
            } catch (ValidationException e) {
                throw fieldProblem(p, "type", "must be team or manager, was " + type);
            }
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                throw fieldProblem(p, "id", "is required: the team's or the manager's id, was " + id);
            }
            return new Scope(scopeType, id.asText());
        }

        private static JsonMappingException fieldProblem(JsonParser p, String field, String reason) {
            JsonMappingException problem = new BodyFieldException(p, reason.replace("was null", "was missing"));
            problem.prependPath(Scope.class, field);
            return problem;
        }
    }
}
