package org.pacekpi.sandbox.internal.rest;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;
import org.pacekpi.host.identity.HttpRequestView;
import org.pacekpi.sandbox.internal.CrmProblem;
import org.pacekpi.sandbox.internal.auth.CrmAuth;
import org.pacekpi.sandbox.internal.directory.CrmDirectory;

/** Finds the signed-in user of a request from its {@code Authorization} header and session cookie. */
public final class SignedIn {

    private final CrmAuth auth;
    private final CrmDirectory directory;

    /** Resolves users with this sign-in and directory. */
    public SignedIn(CrmAuth auth, CrmDirectory directory) {
        this.auth = auth;
        this.directory = directory;
    }

    /** The signed-in user, if the credentials are valid. */
    public Optional<User> user(String authorization, String sessionToken) {
        HttpRequestView view = new HttpRequestView() {
            @Override
            public Optional<String> header(String name) {
                return "Authorization".equalsIgnoreCase(name) ? Optional.ofNullable(authorization) : Optional.empty();
            }

            @Override
            public Optional<String> cookie(String name) {
                return CrmAuth.SESSION_COOKIE.equals(name) ? Optional.ofNullable(sessionToken) : Optional.empty();
            }
        };
        return auth.userId(view).flatMap(directory::user).filter(User::active);
    }

    /** The signed-in user; a 401 problem without valid credentials. */
    public User require(String authorization, String sessionToken) {
        return user(authorization, sessionToken).orElseThrow(() -> CrmProblem.notSignedIn(
                authorization == null && sessionToken == null
                        ? "sign in first: send HTTP Basic credentials (login:password) or the CRMSESSION cookie of "
                                + "the sign-in form at /crm/"
                        : "wrong login or password, or the session has expired; sign in again"));
    }

    /** The ids of the owners whose records the caller may see, or null for every owner (an admin). */
    public Set<String> visibleOwners(User caller) {
        return caller.hasRole(Role.ADMIN) ? null
                : directory.visibleTo(caller).stream().map(User::id).collect(Collectors.toSet());
    }

    /**
     * A record the caller asked for by id: a 404 problem if there is none, a 403 problem if it belongs to someone the
     * caller may not see.
     *
     * @param kind  what the record is, for the messages ("contact", "deal")
     * @param found the record, if it exists
     * @param owner the record's owner
     */
    public <T> T visible(User caller, String kind, String id, Optional<T> found, Function<T, String> owner) {
        T record = found.orElseThrow(() -> CrmProblem.notFound("no " + kind + " '" + id + "'"));
        String ownerId = owner.apply(record);
        if (!directory.maySee(caller, ownerId)) {
            throw CrmProblem.forbidden(kind + " " + id + " belongs to " + ownerId);
        }
        return record;
    }
}
