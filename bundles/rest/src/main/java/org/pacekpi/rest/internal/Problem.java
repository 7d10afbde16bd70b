package org.pacekpi.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every Pace error response ({@code application/problem+json}).
 *
 * @param type     {@code about:blank}: the HTTP status says what kind of problem it is
 * @param title    the HTTP reason phrase
 * @param status   the HTTP status code
 * @param detail   what was wrong, for a person to read
 * @param instance the request path, or null if unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    /** The media type of problem details in JSON. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem type for problems whose status code says it all. */
    public static final String ABOUT_BLANK = "about:blank";
}
