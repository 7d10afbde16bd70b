package org.pacekpi.shell.internal;

import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.ValidationException;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;

/** Scopes as the commands take and show them: {@code team:north}, {@code manager:anna}. */
final class Scopes {

    private Scopes() {
    }

    /**
     * Reads {@code team:<teamId>} or {@code manager:<managerId>}.
     *
     * @param name the option or argument, for the message, e.g. {@code --scope}
     * @throws IllegalArgumentException naming {@code name} if the text is not a scope
     */
    static Scope parse(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is required: team:<teamId> or manager:<managerId>");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException(name + " must be team:<teamId> or manager:<managerId>, was '" + text
                    + "'");
        }
        try {
            return new Scope(Scope.Type.parse(trimmed.substring(0, colon), name),
                    trimmed.substring(colon + 1));
        } catch (ValidationException e) {
            throw new IllegalArgumentException(name + " must be team:<teamId> or manager:<managerId>, was '" + text
                    + "'", e);
        }
    }

    /** "North (team:north)", "Zoe North (manager:m1)", or the scope alone if the directory does not know it. */
    static String label(Directory directory, Scope scope) {
        String name = scope.type() == Scope.Type.TEAM
                ? directory.team(scope.id()).map(Team::name).orElse(null)
                : directory.user(scope.id()).map(User::displayName).orElse(null);
        return name == null ? scope.toString() : name + " (" + scope + ")";
    }
}
