package org.pacekpi.rest.internal;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** How Pace writes and reads JSON: ISO-8601 dates and times, plain decimal amounts, strict about request bodies. */
public final class PaceJson {

    private PaceJson() {
    }

    /** A new mapper with Pace's settings; the JSON provider and the tests use the same one. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // "2026-11-23", not [2026,11,23]: the widget and curl users read these
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // money as 1250.50 or 3000, never 3E+3
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                // a misspelt field in a request body is an error the client must see, not a silent default
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
