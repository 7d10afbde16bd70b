package org.pacekpi.api.targets;

import java.util.Locale;
import java.util.Objects;

/**
 * Whom a goal or a target is for: a team or one manager.
 *
 * @param type team or manager
 * @param id   the team's or the manager's id in the host directory
 */
public record Scope(Type type, String id) {

    /** The two kinds of scope. */
    public enum Type {
        /** A team of managers (its head of sales and members per the host directory). */
        TEAM,
        /** One manager. */
        MANAGER;

        /** {@code team} or {@code manager}, as in URLs and JSON. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses {@code team} or {@code manager}, ignoring case.
         *
         * @throws ValidationException on {@code field} naming the accepted values
         */
        public static Type parse(String text, String field) {
            if (text != null) {
                for (Type type : values()) {
                    if (type.name().equalsIgnoreCase(text.trim())) {
                        return type;
                    }
                }
            }
            throw new ValidationException(field, "must be team or manager, was " + (text == null ? "missing" : "'" + text + "'"));
        }
    }

    /** Checks that both parts are given. */
    public Scope {
        Objects.requireNonNull(type, "type");
        if (id == null || id.isBlank()) {
            throw new ValidationException("scope.id", "is required");
        }
    }

    /** A team's scope. */
    public static Scope team(String teamId) {
        return new Scope(Type.TEAM, teamId);
    }

    /** A manager's scope. */
    public static Scope manager(String managerId) {
        return new Scope(Type.MANAGER, managerId);
    }

    /** {@code team:north} or {@code manager:anna}. */
    @Override
    public String toString() {
        return type.id() + ":" + id;
    }
}
