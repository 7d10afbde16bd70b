package org.pacekpi.rest.internal;

import org.pacekpi.api.targets.DeriveRequest;
import org.pacekpi.api.targets.GoalInput;
import org.pacekpi.api.targets.Scope;
import org.pacekpi.api.targets.TargetInput;
import org.pacekpi.api.targets.ValidationException;

/**
 * The scope of a request body, which the REST layer needs before the service sees the body: whether the caller may
 * read or write it decides whether the body is looked at at all. Everything else in a body is the service's to
 * check.
 */
final class Bodies {

    private Bodies() {
    }

    /** The scope of a goal. */
    static Scope scope(GoalInput input) {
        return scope(input == null ? null : input.scope(), input == null);
    }

    /** The scope of a derivation. */
    static Scope scope(DeriveRequest request) {
        return scope(request == null ? null : request.scope(), request == null);
    }

    /** The scope of a manual target. */
    static Scope scope(TargetInput input) {
        return scope(input == null ? null : input.scope(), input == null);
    }

    private static Scope scope(Scope scope, boolean noBody) {
        if (noBody) {
            // Jakarta REST hands an empty body to the method as null
            throw new ValidationException("body", "is required: a JSON object");
        }
        if (scope == null) {
            throw new ValidationException("scope",
                    "is required: {\"type\":\"team\",\"id\":\"<teamId>\"} or {\"type\":\"manager\",\"id\":\"<managerId>\"}");
        }
        return scope;
    }
}
