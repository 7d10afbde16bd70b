package org.pacekpi.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.Role;
import org.pacekpi.host.directory.User;

/** Completes a manager id with the ids of the active managers in the host's directory. */
@Service
public class ManagerIdCompleter implements Completer {

    @Reference
    Directory directory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (User user : directory.users()) {
            if (user.active() && user.hasRole(Role.MANAGER)) {
                delegate.getStrings().add(user.id());
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
