package org.pacekpi.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.pacekpi.api.RebuildService;
import org.pacekpi.api.dto.RebuildResult;

/**
 * {@code pace:rebuild}: recomputes every aggregate from the activity log under the current counting rules (after a
 * change of {@code etc/org.pacekpi.counting.cfg}), and says how many activities it recounted and how long it took.
 */
@Service
@Command(scope = "pace", name = "rebuild", description = "Recomputes every KPI aggregate from Pace's activity log "
        + "under the current counting rules. Live ingest waits meanwhile; nothing is lost.")
public class RebuildCommand implements Action {

    @Reference
    RebuildService rebuild;

    /** Where the command writes: in Karaf, System.out is the session's console. Tests replace it. */
    PrintStream out = System.out;

    @Override
    public Object execute() {
        out.println("Rebuilding every aggregate from the activity log...");
        // a rebuild of millions of activities takes a while: show the line above before it starts
        out.flush();
        RebuildResult result = rebuild.rebuild();
        out.println("Rebuilt: " + result.activities() + " activities recounted in "
                + Labels.duration(result.durationMillis()) + "; every change up to history sequence "
                + result.appliedSequence() + " is applied.");
        return null;
    }
}
