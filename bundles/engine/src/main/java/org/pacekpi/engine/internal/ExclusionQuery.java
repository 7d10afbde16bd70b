package org.pacekpi.engine.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.pacekpi.api.NotFoundException;
import org.pacekpi.api.dto.ExcludedActivity;
import org.pacekpi.api.dto.ExclusionReport;
import org.pacekpi.api.store.CountedActivity;
import org.pacekpi.api.store.PaceStore;
import org.pacekpi.engine.internal.calendar.DateRange;
import org.pacekpi.host.directory.Directory;
import org.pacekpi.host.directory.User;

/** Answers "why did this not count?" for a manager and a range of days: counts by reason and the newest cases. */
public final class ExclusionQuery {

    /** The most excluded activities one report lists; the counts always cover all of them. */
    public static final int MAX_LIMIT = 1000;

    private final Directory directory;
    private final PaceStore store;
    private final ExclusionExplainer explainer;

    /**
     * @param directory knows the managers
     * @param store     holds the states
     * @param explainer says the reasons in words
     */
    public ExclusionQuery(Directory directory, PaceStore store, ExclusionExplainer explainer) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.store = Objects.requireNonNull(store, "store");
        this.explainer = Objects.requireNonNull(explainer, "explainer");
    }

    /**
     * @see org.pacekpi.api.KpiService#exclusions
     * @throws NotFoundException        for an unknown manager
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public ExclusionReport exclusions(String managerId, LocalDate from, LocalDate to, int limit) {
        DateRange range = KpiCalculator.range(from, to);
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT + ", was " + limit);
        }
        User manager = KpiCalculator.manager(directory, managerId);
        Map<String, Long> byReason = new TreeMap<>(store.exclusionCounts(manager.id(), range.from(), range.to()));
        byReason.values().removeIf(count -> count == 0);
        long total = byReason.values().stream().mapToLong(Long::longValue).sum();
        List<ExcludedActivity> activities = limit == 0 ? List.of()
                : store.excluded(manager.id(), range.from(), range.to(), limit).stream().map(this::excluded).toList();
        return new ExclusionReport(manager.id(), range.from(), range.to(), byReason, total, activities);
    }

    private ExcludedActivity excluded(CountedActivity activity) {
        return new ExcludedActivity(activity.activity().id(), activity.activity().occurredAt(),
                activity.activity().kind(), activity.activity().channel(), explainer.counterpart(activity.activity()),
                activity.state().exclusionReason(), explainer.explain(activity));
    }
}
