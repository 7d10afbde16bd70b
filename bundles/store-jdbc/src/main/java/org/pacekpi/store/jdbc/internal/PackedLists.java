package org.pacekpi.store.jdbc.internal;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;

import org.pacekpi.api.store.Contribution;
import org.pacekpi.api.store.LoggedActivity.LoggedCounterpart;
import org.pacekpi.api.store.StoreException;

/**
 * The text an activity row keeps its counterparts and its contributions in (columns {@code counterparts} and
 * {@code contributions}). Kept in the row rather than in tables of their own so that writing an activity is one row
 * and one primary-key entry, and reading it is one lookup: those two tables cost more than half of the ingest time.
 *
 * <p>Format: records separated by U+001E, fields by U+001F; a null field is {@code ~}; in a value, {@code %},
 * {@code ~}, U+001E and U+001F are written {@code %25}, {@code %7E}, {@code %1E} and {@code %1F}. An empty list is
 * SQL NULL. The V3 migration writes the same format in SQL; keep the two in step.
 */
final class PackedLists {

    static final char RECORD = '\u001E';
    static final char FIELD = '\u001F';
    private static final String NULL = "~";

    private PackedLists() {
    }

    /** The counterparts as packed text, or null for none. */
    static String packCounterparts(List<LoggedCounterpart> counterparts) {
        if (counterparts.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (LoggedCounterpart c : counterparts) {
            if (text.length() > 0) {
                text.append(RECORD);
            }
            field(text, c.contactId()).append(FIELD);
            field(text, c.accountId()).append(FIELD);
            field(text, c.email()).append(FIELD);
            field(text, c.phone()).append(FIELD);
            text.append(c.internal() ? '1' : '0');
        }
        return text.toString();
    }

    /** The counterparts of packed text (null is none). */
    static List<LoggedCounterpart> unpackCounterparts(String text, String activityId) {
        List<LoggedCounterpart> counterparts = new ArrayList<>();
        for (List<String> fields : records(text, 5, "counterparts", activityId)) {
            String internal = fields.get(4);
            if (!"1".equals(internal) && !"0".equals(internal)) {
                throw damaged("counterparts", activityId, "internal flag '" + internal + "' is not 0 or 1");
            }
            counterparts.add(new LoggedCounterpart(fields.get(0), fields.get(1), fields.get(2), fields.get(3),
                    "1".equals(internal)));
        }
        return counterparts;
    }

    /** The contributions as packed text, or null for none. */
    static String packContributions(List<Contribution> contributions) {
        if (contributions.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Contribution c : contributions) {
            if (text.length() > 0) {
                text.append(RECORD);
            }
            field(text, c.managerId()).append(FIELD);
            field(text, c.metric()).append(FIELD);
            text.append(c.day()).append(FIELD).append(c.value());
        }
        return text.toString();
    }

    /** Packed lists one after the other, as one packed list; nulls (empty lists) are left out. */
    static String concat(String... packed) {
        String joined = null;
        for (String part : packed) {
            if (part != null) {
                joined = joined == null ? part : joined + RECORD + part;
            }
        }
        return joined;
    }

    /** The contributions of packed text (null is none). */
    static List<Contribution> unpackContributions(String text, String activityId) {
        List<Contribution> contributions = new ArrayList<>();
        for (List<String> fields : records(text, 4, "contributions", activityId)) {
            try {
                contributions.add(new Contribution(fields.get(0), fields.get(1), day(fields.get(2)),
                        Long.parseLong(fields.get(3))));
            } catch (DateTimeException | NumberFormatException | NullPointerException e) {
                throw damaged("contributions", activityId, e.getMessage());
            }
        }
        return contributions;
    }

    /**
     * A day as {@link LocalDate#toString()} writes it: yyyy-mm-dd read directly (a recount reads millions), anything
     * else by {@link LocalDate#parse}.
     */
    static LocalDate day(String text) {
        if (text != null && text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day); // throws DateTimeException, as parse would, for 2026-02-30
            }
        }
        return LocalDate.parse(text);
    }

    /** The number written by the ASCII digits from {@code from} to {@code to}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static StringBuilder field(StringBuilder text, String value) {
        if (value == null) {
            return text.append(NULL);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '%' -> text.append("%25");
                case '~' -> text.append("%7E");
                case RECORD -> text.append("%1E");
                case FIELD -> text.append("%1F");
                default -> text.append(c);
            }
        }
        return text;
    }

    private static List<List<String>> records(String text, int fieldCount, String column, String activityId) {
        List<List<String>> records = new ArrayList<>();
        if (text == null) {
            return records;
        }
        List<String> fields = new ArrayList<>(fieldCount);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? RECORD : text.charAt(i);
            if (c == FIELD || c == RECORD) {
                fields.add(unescape(text.substring(start, i), column, activityId));
                start = i + 1;
                if (c == RECORD) {
                    if (fields.size() != fieldCount) {
                        throw damaged(column, activityId, "a record has " + fields.size() + " fields, not "
                                + fieldCount);
                    }
                    records.add(fields);
                    fields = new ArrayList<>(fieldCount);
                }
            }
        }
        return records;
    }

    private static String unescape(String field, String column, String activityId) {
        if (NULL.equals(field)) {
            return null;
        }
        if (field.indexOf('%') < 0) {
            return field;
        }
        StringBuilder value = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '%') {
                value.append(c);
                continue;
            }
            String code = i + 3 <= field.length() ? field.substring(i + 1, i + 3) : "";
            switch (code) {
                case "25" -> value.append('%');
                case "7E" -> value.append('~');
                case "1E" -> value.append(RECORD);
                case "1F" -> value.append(FIELD);
                default -> throw damaged(column, activityId, "unknown escape '%" + code + "'");
            }
            i += 2;
        }
        return value.toString();
    }

    private static StoreException damaged(String column, String activityId, String why) {
        return new StoreException("pace_activity." + column + " of activity " + activityId
                + " cannot be read (" + why + "): the Pace store is damaged; restore it or rebuild it from the host");
    }
}
