package org.pacekpi.shell.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.User;

/** What the commands need to know about a manager from the host's directory: name and time zone. */
final class Managers {

    private Managers() {
    }

    /** The manager's time zone; the server's for an id the directory does not know (the KPI service says so). */
    static ZoneId zone(Directory directory, String managerId) {
        return directory.user(managerId).map(User::timeZone).orElseGet(ZoneId::systemDefault);
    }

    /** Today where the manager is. */
    static LocalDate today(Directory directory, String managerId, Clock clock) {
        return LocalDate.now(clock.withZone(zone(directory, managerId)));
    }

    /** "Zoe North (m1)", or the id alone if the directory does not know it. */
    static String label(Directory directory, String managerId) {
        return directory.user(managerId).map(u -> u.displayName() + " (" + u.id() + ")").orElse(managerId);
    }
}
