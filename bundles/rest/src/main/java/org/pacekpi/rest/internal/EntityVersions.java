package org.pacekpi.rest.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pacekpi.api.targets.ValidationException;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Goal and target versions as HTTP entity tags: a record at version 3 is sent with {@code ETag: "3"} (strong), and
 * a write must send that tag back in {@code If-Match}. Writing without it would silently overwrite whatever another
 * admin saved meanwhile, so it is refused (428) rather than taken as "any version".
 */
final class EntityVersions {

    /** The header, as named in problems. */
    static final String IF_MATCH = "If-Match";

    private static final Pattern STRONG = Pattern.compile("\"(\\d{1,18})\"");

    private EntityVersions() {
    }

    /** A response carrying {@code entity} with the ETag of {@code version}. */
    static Response.ResponseBuilder tagged(Response.ResponseBuilder response, long version) {
        return response.tag(new EntityTag(Long.toString(version)));
    }

    /**
     * The version a write is based on, from {@code If-Match}.
     *
     * @param resource the resource's path, for the message, e.g. {@code /goals/g1}
     * @throws PreconditionRequiredException if there is no {@code If-Match}
     * @throws ValidationException           on field {@code If-Match} if it is not one strong ETag of a version
     */
    static long ifMatch(HttpHeaders headers, String resource) {
        List<String> values = headers.getRequestHeader(IF_MATCH);
        if (values == null || values.isEmpty() || values.stream().allMatch(String::isBlank)) {
            throw new PreconditionRequiredException("send If-Match with the ETag of GET " + resource
                    + " (e.g. If-Match: \"3\"): a change must say which version it changes, so that nobody"
                    + " overwrites a change they have not seen");
        }
        String value = String.join(",", values).trim();
        Matcher strong = STRONG.matcher(value);
        if (strong.matches()) {
            return Long.parseLong(strong.group(1));
        }
        String why;
        if (value.equals("*")) {
            why = "'*' (any version) is not accepted; send the ETag of GET " + resource;
        } else if (value.startsWith("W/")) {
            why = "must be the strong ETag of GET " + resource + " such as \"3\", not a weak one, was " + value;
        } else if (value.contains(",")) {
            why = "must be one ETag, was " + value;
        } else {
            why = "must be the ETag of GET " + resource + ", a version in double quotes such as \"3\", was " + value;
        }
        throw new ValidationException(IF_MATCH, why);
    }
}
