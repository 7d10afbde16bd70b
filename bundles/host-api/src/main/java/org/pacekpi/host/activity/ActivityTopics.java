package org.pacekpi.host.activity;

/**
 * The EventAdmin topics and event properties of the activity stream. A host posts one event per change, in
 * sequence order where it can (Pace does not rely on order: it keeps the newest sequence per activity).
 * <pre>
 * topic    crm/activity/CREATED | crm/activity/UPDATED | crm/activity/DELETED
 * activity {@link Activity}  the whole, immutable record after the change (the last state for DELETED)
 * activity.id        String  the activity's id
 * activity.sequence  Long    the change's sequence number
 * </pre>
 */
public final class ActivityTopics {
    /** Common prefix of every activity topic. */
    public static final String PREFIX = "crm/activity/";
    /** Subscribe to every activity change. */
    public static final String ALL = PREFIX + "*";
    /** An activity was logged. */
    public static final String CREATED = PREFIX + "CREATED";
    /** An activity was corrected. */
    public static final String UPDATED = PREFIX + "UPDATED";
    /** An activity was deleted. */
    public static final String DELETED = PREFIX + "DELETED";

    /** Event property holding the {@link Activity}. */
    public static final String PROPERTY_ACTIVITY = "activity";
    /** Event property holding the activity id (String). */
    public static final String PROPERTY_ID = "activity.id";
    /** Event property holding the change's sequence number (Long). */
    public static final String PROPERTY_SEQUENCE = "activity.sequence";

    private ActivityTopics() {
    }

    /** The change type a topic stands for; empty if the topic is not one of the three activity topics. */
    public static java.util.Optional<ChangeType> changeOf(String topic) {
        if (topic == null || !topic.startsWith(PREFIX)) {
            return java.util.Optional.empty();
        }
        String name = topic.substring(PREFIX.length());
        for (ChangeType type : ChangeType.values()) {
            if (type.name().equals(name)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
