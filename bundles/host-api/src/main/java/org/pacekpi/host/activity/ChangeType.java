package org.pacekpi.host.activity;

/** What a change on the activity stream did to an activity. */
public enum ChangeType {
    /** The activity was logged. */
    CREATED,
    /** The activity was corrected; the record carries its whole new state. */
    UPDATED,
    /** The activity was deleted; the record carries its last state. */
    DELETED;

    /** The EventAdmin topic this change is published on, e.g. {@code crm/activity/CREATED}. */
    public String topic() {
        return ActivityTopics.PREFIX + name();
    }
}
