package org.pacekpi.api;

import org.osgi.annotation.versioning.ProviderType;
import org.pacekpi.api.dto.IngestStatus;

/** How far Pace has read the host's activity stream. */
@ProviderType
public interface IngestMonitor {

    /** The current ingest status. */
    IngestStatus status();
}
