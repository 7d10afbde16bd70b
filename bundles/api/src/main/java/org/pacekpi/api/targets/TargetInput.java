package org.pacekpi.api.targets;

/**
 * A manual target.
 *
 * @param scope  a team or a manager
 * @param metric a KPI metric id ({@code touches}, {@code firstContacts}, {@code meetingsHeld}, {@code stage:<id>},
 *               {@code dealsWon}, ...)
 * @param period a week ({@code 2026-W10}), month ({@code 2026-03}) or quarter ({@code 2026-Q1})
 * @param value  the count to reach, at least 0
 * @param note   free text, at most 500 characters; may be null
 */
public record TargetInput(Scope scope, String metric, String period, long value, String note) {
}
