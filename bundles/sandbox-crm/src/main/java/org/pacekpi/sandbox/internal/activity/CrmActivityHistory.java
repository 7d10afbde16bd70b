package org.pacekpi.sandbox.internal.activity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pacekpi.host.activity.ActivityChange;
import org.pacekpi.host.activity.ActivityHistory;
import org.pacekpi.host.activity.ChangeType;
import org.pacekpi.host.activity.HistoryPage;
import org.pacekpi.sandbox.internal.crm.Counters;
import org.pacekpi.sandbox.internal.db.CrmDatabase;

/**
 * The sandbox's {@link ActivityHistory}: pages through {@code crm_activity_change} by sequence. Every change the
 * {@link ActivityLog} posts is there with the same sequence, committed before it was posted.
 */
@Component(service = ActivityHistory.class)
public final class CrmActivityHistory implements ActivityHistory {

    /** Largest page served, whatever is asked: keeps one call's memory bounded. */
    static final int MAX_PAGE = 5_000;

    private final CrmDatabase database;

    /** The OSGi constructor. */
    @Activate
    public CrmActivityHistory(@Reference CrmDatabase database) {
        this.database = database;
    }

    @Override
    public HistoryPage changesAfter(long afterSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        int size = Math.min(limit, MAX_PAGE);
        return database.read("reading the activity history after sequence " + afterSequence, connection -> {
            List<ActivityChange> changes = new ArrayList<>();
            boolean more = false;
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, change_type, state FROM "
                    + "crm_activity_change WHERE seq > ? ORDER BY seq LIMIT ?")) {
                select.setLong(1, afterSequence);
                select.setInt(2, size + 1);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (changes.size() == size) {
                            more = true;
                            break;
                        }
                        changes.add(new ActivityChange(ChangeType.valueOf(rows.getString("change_type")),
                                ActivityCodec.fromJson(rows.getString("state"))));
                    }
                }
            }
            return new HistoryPage(changes, more);
        });
    }

    @Override
    public long latestSequence() {
        // the counter, not MAX(seq): the same number, one row read
        return database.read("reading the latest activity sequence",
                connection -> Counters.read(connection, ActivityLog.SEQUENCE));
    }
}
