package org.pacekpi.shell.internal;

import java.io.PrintStream;
import java.util.function.Supplier;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.ShellUtil;
import org.pacekpi.api.targets.TargetService;
import org.pacekpi.host.directory.Directory;

/**
 * What {@code pace:derive}, {@code pace:goal} and {@code pace:targets} share: the target service, the directory for
 * names, and who is writing. Whoever can run Karaf commands administers the server, so the commands check no
 * roles; the audit history names them as {@code karaf:<user>}, the Karaf user signed in to the shell (over ssh or
 * the local console), so that their changes are told apart from the CRM users' made through REST.
 */
abstract class TargetCommands implements Action {

    @Reference
    TargetService targets;

    @Reference
    Directory directory;

    /** Where the command writes: in Karaf, System.out is the session's console. Tests replace it. */
    PrintStream out = System.out;

    /** The Karaf user running the command, from the JAAS subject Karaf runs commands as; tests replace it. */
    Supplier<String> shellUser = ShellUtil::getCurrentUserName;

    /**
     * The actor of a change: {@code karaf:<user>}. Without a JAAS subject (a command run in-process, outside any
     * shell session) the operating-system user that runs Karaf stands in.
     */
    String actor() {
        String user = shellUser.get();
        return "karaf:" + (user == null || user.isBlank() ? System.getProperty("user.name") : user);
    }

    /** {@code name}'s value, or the rule that it is needed for {@code action}. */
    static String required(String value, String name, String action) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required for " + action);
        }
        return value.trim();
    }
}
