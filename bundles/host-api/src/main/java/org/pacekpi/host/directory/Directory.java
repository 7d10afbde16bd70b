package org.pacekpi.host.directory;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's directory of users and teams, and its knowledge of who is a colleague. Pace asks it on every
 * activity, so a host should answer from memory or a cache, not with a remote call each time.
 */
@ProviderType
public interface Directory {

    /** The user with this id, active or not. */
    Optional<User> user(String userId);

    /** All users, active or not, ordered by id. */
    List<User> users();

    /** The team with this id. */
    Optional<Team> team(String teamId);

    /** All teams, ordered by id. */
    List<Team> teams();

    /** The users of a team, ordered by id. */
    List<User> members(String teamId);

    /** True if the contact is a colleague (an employee of the company recorded as a contact). */
    boolean isInternalContact(String contactId);

    /** True if the e-mail address belongs to the company (a colleague's address or one of the company's domains). */
    boolean isInternalEmail(String email);

    /** True if the phone number is one of the company's (a colleague's, an office line). */
    boolean isInternalPhone(String phone);
}
