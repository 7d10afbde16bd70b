package org.pacekpi.api.dto;

/**
 * What a rebuild did.
 *
 * @param activities     activities recounted
 * @param durationMillis how long it took
 * @param appliedSequence the history cursor after the rebuild
 */
public record RebuildResult(long activities, long durationMillis, long appliedSequence) {
}
