package org.pacekpi.api.store;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Judges one activity of the log on its own for a recount ({@link PaceStore#recountAll}): what it decides by itself,
 * and what it adds if the group rules elect it. The engine implements it with its counting rules; the store calls it
 * and knows nothing of metrics or rules.
 */
@ConsumerType
@FunctionalInterface
public interface ActivityJudge {

    /**
     * The judgement of an activity as logged (a deleted one as its tombstone: it must count for nothing and be no
     * candidate). Called for every activity of the log, in no particular order, on the thread that called
     * {@link PaceStore#recountAll}; a store may ask again about some activities within one recount, and the judgement
     * must then be the same (a store may check, and fail the recount). Whatever it throws ends the recount (nothing is
     * changed) and is rethrown to that caller.
     */
    Judgement judge(LoggedActivity activity);
}
