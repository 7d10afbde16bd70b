package org.pacekpi.sandbox.internal;

import java.util.Optional;

/**
 * A request the sandbox refuses, with the HTTP status and a message for the person who sent it; {@link #field()}
 * names the request field that was wrong, when one was.
 */
public final class CrmProblem extends CrmException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    private CrmProblem(int status, String field, String detail) {
        super(detail, null);
        this.status = status;
        this.field = field;
    }

    /** 400: a field of the request is wrong; the detail says what is wrong with it. */
    public static CrmProblem invalid(String field, String detail) {
        return new CrmProblem(400, field, field == null ? detail : field + ": " + detail);
    }

    /** 401: no or wrong credentials. */
    public static CrmProblem notSignedIn(String detail) {
        return new CrmProblem(401, null, detail);
    }

    /** 403: signed in, but not allowed to do this. */
    public static CrmProblem forbidden(String detail) {
        return new CrmProblem(403, null, detail);
    }

    /** 404: the thing asked for does not exist. */
    public static CrmProblem notFound(String detail) {
        return new CrmProblem(404, null, detail);
    }

    /** 409: the request conflicts with the current state, e.g. moving a deal that is already won. */
    public static CrmProblem conflict(String field, String detail) {
        return new CrmProblem(409, field, detail);
    }

    @Override
    public int status() {
        return status;
    }

    /** The request field that was wrong, if the problem is about one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
