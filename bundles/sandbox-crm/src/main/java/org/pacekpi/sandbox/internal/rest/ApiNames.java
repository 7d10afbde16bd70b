package org.pacekpi.sandbox.internal.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.pacekpi.host.activity.ActivityKind;

/**
 * The names the REST API uses for enum values: lower case with underscores ({@code no_answer}, {@code in_person}),
 * read case-insensitively and with {@code -} or {@code _}; activity kinds by the CRM's words
 * ({@code deal_stage_change} for {@link ActivityKind#DEAL_STAGE_CHANGED}).
 */
public final class ApiNames {

    private ApiNames() {
    }

    /** The API name of an activity kind. */
    public static String type(ActivityKind kind) {
        return kind == ActivityKind.DEAL_STAGE_CHANGED ? "deal_stage_change" : lower(kind);
    }

    /** The activity kinds a client may log, by API name. */
    public static List<String> loggableTypes() {
        return Arrays.stream(ActivityKind.values()).filter(kind -> kind != ActivityKind.OTHER)
                .map(ApiNames::type).toList();
    }

    /** The kind an API type name stands for ({@code OTHER} cannot be logged through the API). */
    public static Optional<ActivityKind> kind(String type) {
        String name = canonical(type);
        for (ActivityKind kind : ActivityKind.values()) {
            if (kind != ActivityKind.OTHER && (type(kind).equals(name) || lower(kind).equals(name))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The value of an enum by its API name. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        String name = canonical(value);
        for (E constant : type.getEnumConstants()) {
            if (lower(constant).equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The API name of an enum value. */
    public static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** The API names of all values of an enum, for error messages. */
    public static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(ApiNames::lower).toList());
    }

    private static String canonical(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
