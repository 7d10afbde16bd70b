package org.pacekpi.api;

import org.osgi.annotation.versioning.ProviderType;
import org.pacekpi.api.dto.RebuildResult;

/**
 * Recomputes every aggregate from the activity log under the current counting rules, e.g. after a change of
 * {@code etc/org.pacekpi.counting.cfg}. Live ingest waits while it runs; nothing is lost.
 */
@ProviderType
public interface RebuildService {

    /** Rebuilds and returns when done. */
    RebuildResult rebuild();
}
