package org.pacekpi.api.dto;

/**
 * How far Pace has read the host's activity stream.
 *
 * @param appliedSequence every change up to this history sequence number has been applied
 * @param hostSequence    the host's latest sequence number when last asked
 * @param queued          live events waiting to be written
 * @param applied         changes written since start
 * @param skipped         changes skipped since start because a newer version of the activity was already stored
 * @param lastError       the last ingest error, or null
 */
public record IngestStatus(long appliedSequence, long hostSequence, int queued, long applied, long skipped,
                           String lastError) {
}
