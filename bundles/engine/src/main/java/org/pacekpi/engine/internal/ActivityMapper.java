package org.pacekpi.engine.internal;

import java.util.Objects;

import org.pacekpi.api.store.LoggedActivity;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.host.activity.Activity;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.Counterpart;
import org.pacekpi.host.directory.Directory;

/**
 * Flattens the host's activity record into the {@link LoggedActivity} Pace keeps, asking the directory once whether
 * each counterpart is a colleague. That answer is frozen into the log on purpose: if a colleague later leaves the
 * company, their old calls must not suddenly start counting.
 */
public final class ActivityMapper {

    private final Directory directory;

    /** @param directory answers whether a contact, e-mail or phone is internal */
    public ActivityMapper(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The logged form of the activity after a change; a {@link ChangeType#DELETED} change gives a tombstone. */
    public LoggedActivity map(ChangeType change, Activity activity) {
        Long seconds = activity.duration() == null ? null : activity.duration().toSeconds();
        return new LoggedActivity(activity.id(), activity.sequence(), change == ChangeType.DELETED,
                activity.occurredAt(), activity.actorId(), activity.kind().name(), activity.channel().name(),
                activity.direction().name(), activity.outcome().name(), seconds,
                activity.counterparts().stream().map(this::map).toList(), activity.dealId(), activity.stage(),
                activity.amount(), activity.currency(), activity.automated());
    }

    private LoggedCounterpart map(Counterpart counterpart) {
        return new LoggedCounterpart(counterpart.contactId(), counterpart.accountId(), counterpart.email(),
                counterpart.phone(), isInternal(counterpart));
    }

    /** A counterpart is a colleague if any of its identifiers is the company's. */
    private boolean isInternal(Counterpart counterpart) {
        return (present(counterpart.contactId()) && directory.isInternalContact(counterpart.contactId()))
                || (present(counterpart.email()) && directory.isInternalEmail(counterpart.email()))
                || (present(counterpart.phone()) && directory.isInternalPhone(counterpart.phone()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
