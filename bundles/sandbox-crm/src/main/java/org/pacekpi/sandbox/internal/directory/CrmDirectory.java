package org.pacekpi.sandbox.internal.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;
import org.pacekpi.sandbox.internal.crm.Company;
import org.pacekpi.sandbox.internal.crm.Contact;
import org.pacekpi.sandbox.internal.crm.Contacts;
import org.pacekpi.sandbox.internal.crm.Teams;
import org.pacekpi.sandbox.internal.crm.Users;
import org.pacekpi.sandbox.internal.db.CrmDatabase;

/**
 * The sandbox's {@link Directory}. Pace asks it about every activity, so it answers from an in-memory snapshot of
 * users, teams, colleague contacts and company numbers, reloaded when {@link CrmDatabase#directoryVersion()} says
 * that something changed (every write of those tables bumps it after its commit).
 *
 * <p>Registered also under its own class, for the sandbox's REST resources, which need the user's phone and the
 * teams a user heads.
 */
@Component(service = { Directory.class, CrmDirectory.class })
public final class CrmDirectory implements Directory {

    private final CrmDatabase database;
    private final Object reloadLock = new Object();
    private volatile Snapshot snapshot;

    /** The OSGi constructor. */
    @Activate
    public CrmDirectory(@Reference CrmDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<User> user(String userId) {
        Users.UserRow row = current().users.get(userId);
        return row == null ? Optional.empty() : Optional.of(row.user());
    }

    @Override
    public List<User> users() {
        return current().users.values().stream().map(Users.UserRow::user).toList();
    }

    @Override
    public Optional<Team> team(String teamId) {
        return Optional.ofNullable(current().teams.get(teamId));
    }

    @Override
    public List<Team> teams() {
        return List.copyOf(current().teams.values());
    }

    @Override
    public List<User> members(String teamId) {
        return users().stream().filter(user -> teamId != null && teamId.equals(user.teamId())).toList();
    }

    @Override
    public boolean isInternalContact(String contactId) {
        return contactId != null && current().internalContactIds.contains(contactId);
    }

    @Override
    public boolean isInternalEmail(String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        Snapshot current = current();
        if (current.internalEmails.contains(address)) {
            return true;
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String domain = address.substring(at + 1);
        for (String company : current.companyDomains) {
            // a subdomain of a company domain (sales.pace-demo.example) is the company too
            if (domain.equals(company) || domain.endsWith("." + company)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isInternalPhone(String phone) {
        String normalized = PhoneNumbers.normalize(phone);
        if (normalized == null) {
            return false;
        }
        for (String internal : current().internalPhones) {
            if (PhoneNumbers.sameNormalized(internal, normalized)) {
                return true;
            }
        }
        return false;
    }

    /** The user with this login. */
    public Optional<User> byLogin(String login) {
        return current().users.values().stream().map(Users.UserRow::user)
                .filter(user -> user.login().equals(login)).findFirst();
    }

    /** A user's work phone, if known. */
    public Optional<String> phone(String userId) {
        Users.UserRow row = current().users.get(userId);
        return row == null ? Optional.empty() : Optional.ofNullable(row.phone());
    }

    /** The ids of the teams a user heads, ordered by id. */
    public List<String> teamsHeadedBy(String userId) {
        return current().teams.values().stream().filter(team -> team.headUserIds().contains(userId))
                .map(Team::id).toList();
    }

    /**
     * True if {@code viewer} may see {@code userId}'s data: themselves; an admin everyone; a head the members of
     * the teams they head. The same rule Pace applies.
     */
    public boolean maySee(User viewer, String userId) {
        if (viewer.id().equals(userId) || viewer.hasRole(Role.ADMIN)) {
            return true;
        }
        if (!viewer.hasRole(Role.HEAD)) {
            return false;
        }
        Optional<User> target = user(userId);
        return target.isPresent() && target.get().teamId() != null
                && teamsHeadedBy(viewer.id()).contains(target.get().teamId());
    }

    /** The users {@code viewer} may see, ordered by id. */
    public List<User> visibleTo(User viewer) {
        return users().stream().filter(user -> maySee(viewer, user.id())).toList();
    }

    private Snapshot current() {
        long version = database.directoryVersion();
        Snapshot current = snapshot;
        if (current != null && current.version == version) {
            return current;
        }
        synchronized (reloadLock) {
            current = snapshot;
            // read the version before the data: a change committed during the load bumps it again, and the next
            // call reloads, so a stale snapshot is never kept under a new version
            version = database.directoryVersion();
            if (current == null || current.version != version) {
                current = load(version);
                snapshot = current;
            }
            return current;
        }
    }

    private Snapshot load(long version) {
        return database.read("loading the directory", connection -> {
            Map<String, Users.UserRow> users = new LinkedHashMap<>();
            for (Users.UserRow row : Users.all(connection)) {
                users.put(row.user().id(), row);
            }
            Map<String, Team> teams = new LinkedHashMap<>();
            for (Team team : Teams.all(connection)) {
                teams.put(team.id(), team);
            }
            Set<String> internalContactIds = new HashSet<>();
            Set<String> internalEmails = new HashSet<>();
            List<String> internalPhones = new ArrayList<>();
            for (Users.UserRow row : users.values()) {
                addEmail(internalEmails, row.user().email());
                addPhone(internalPhones, row.phone());
            }
            for (Contact contact : Contacts.internal(connection)) {
                internalContactIds.add(contact.id());
                addEmail(internalEmails, contact.email());
                addPhone(internalPhones, contact.phone());
            }
            for (String phone : Company.phones(connection)) {
                addPhone(internalPhones, phone);
            }
            return new Snapshot(version, users, teams, internalContactIds, internalEmails,
                    Company.domains(connection), internalPhones);
        });
    }

    private static void addEmail(Set<String> emails, String email) {
        if (email != null && !email.isBlank()) {
            emails.add(email.strip().toLowerCase(Locale.ROOT));
        }
    }

    private static void addPhone(List<String> phones, String phone) {
        String normalized = PhoneNumbers.normalize(phone);
        if (normalized != null) {
            phones.add(normalized);
        }
    }

    /** An immutable copy of what the directory answers from. */
    private static final class Snapshot {
        final long version;
        final Map<String, Users.UserRow> users;
        final Map<String, Team> teams;
        final Set<String> internalContactIds;
        final Set<String> internalEmails;
        final List<String> companyDomains;
        final List<String> internalPhones;

        Snapshot(long version, Map<String, Users.UserRow> users, Map<String, Team> teams,
                 Set<String> internalContactIds, Set<String> internalEmails, List<String> companyDomains,
                 List<String> internalPhones) {
            this.version = version;
            this.users = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(users));
            this.teams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(teams));
            this.internalContactIds = Set.copyOf(internalContactIds);
            this.internalEmails = Set.copyOf(internalEmails);
            this.companyDomains = List.copyOf(companyDomains);
            this.internalPhones = List.copyOf(internalPhones);
        }
    }
}
