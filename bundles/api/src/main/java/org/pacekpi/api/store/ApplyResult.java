package org.pacekpi.api.store;

/**
 * What {@link PaceStore#apply} did.
 *
 * @param applied         entries stored (new activities or newer versions)
 * @param skipped         entries ignored because the stored version was as new or newer
 * @param appliedSequence the history cursor after the call
 */
public record ApplyResult(int applied, int skipped, long appliedSequence) {
}
