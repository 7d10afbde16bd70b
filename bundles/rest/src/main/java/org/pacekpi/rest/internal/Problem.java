package org.pacekpi.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every Pace error response ({@code application/problem+json}), with two
 * extension members where they apply.
 *
 * @param type           {@code about:blank}: the HTTP status says what kind of problem it is
 * @param title          the HTTP reason phrase
 * @param status         the HTTP status code
 * @param detail         what was wrong, for a person to read
 * @param instance       the request path, or null if unknown
 * @param field          for a 400: the offending field of the body ({@code goal.paidDeals},
 *                       {@code pinnedRates[1].rate}), query parameter ({@code scope}) or header ({@code If-Match});
 *                       null when the problem is not one field's
 * @param currentVersion for a 412: the version stored now (its ETag is {@code "<currentVersion>"}); else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      Long currentVersion) {

    /** The media type of problem details in JSON. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem type for problems whose status code says it all. */
    public static final String ABOUT_BLANK = "about:blank";

    /** A problem without extension members. */
    public Problem(String type, String title, int status, String detail, String instance) {
        this(type, title, status, detail, instance, null, null);
    }
}
