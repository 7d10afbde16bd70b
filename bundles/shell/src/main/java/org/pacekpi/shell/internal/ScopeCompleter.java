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
import org.pacekpi.host.directory.Team;
import org.pacekpi.host.directory.User;

/** Completes a scope: {@code team:<id>} for every team, {@code manager:<id>} for every active manager. */
@Service
public class ScopeCompleter implements Completer {

    @Reference
    Directory directory;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (Team team : directory.teams()) {
            delegate.getStrings().add("team:" + team.id());
        }
        for (User user : directory.users()) {
            if (user.active() && user.hasRole(Role.MANAGER)) {
                delegate.getStrings().add("manager:" + user.id());
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
