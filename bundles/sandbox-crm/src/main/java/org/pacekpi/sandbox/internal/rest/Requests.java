package org.pacekpi.sandbox.internal.rest;

import java.util.Locale;
import java.util.regex.Pattern;

import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.sandbox.internal.CrmProblem;

/** Checks shared by the contact and deal resources. */
final class Requests {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,40}");

    private Requests() {
    }

    /** The request body, or a 400 if there is none. */
    static <T> T body(T body) {
        if (body == null) {
            throw CrmProblem.invalid(null, "the request body is missing; send a JSON object");
        }
        return body;
    }

    /** A required, trimmed text of at most {@code max} characters. */
    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw CrmProblem.invalid(field, "is required");
        }
        return optional(field, value, max);
    }

    /** An optional, trimmed text of at most {@code max} characters, null when blank. */
    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw CrmProblem.invalid(field, "is longer than " + max + " characters");
        }
        return trimmed;
    }

    /** An optional e-mail address, lower case. */
    static String email(String value) {
        String email = optional("email", value, 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw CrmProblem.invalid("email", "'" + value + "' is not an e-mail address");
        }
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    /** An optional phone number, as typed. */
    static String phone(String value) {
        String phone = optional("phone", value, 50);
        if (phone != null && (!PHONE.matcher(phone).matches() || phone.chars().filter(Character::isDigit).count() < 3)) {
            throw CrmProblem.invalid("phone", "'" + value + "' is not a phone number");
        }
        return phone;
    }

    /** The owner a request names: the caller by default; someone else only for an admin; must exist. */
    static String owner(String requested, User caller, Directory directory) {
        String owner = requested == null || requested.isBlank() ? caller.id() : requested.strip();
        if (!owner.equals(caller.id()) && !caller.hasRole(Role.ADMIN)) {
            throw CrmProblem.forbidden("only an admin may act for someone else (ownerId '" + owner + "')");
        }
        if (directory.user(owner).isEmpty()) {
            throw CrmProblem.invalid("ownerId", "no user '" + owner + "'");
        }
        return owner;
    }
}
