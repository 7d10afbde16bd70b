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

    /** The counterparts of packed text (null is none), as a list that cannot be changed. */
    static List<LoggedCounterpart> unpackCounterparts(String text, String activityId) {
        List<String[]> records = records(text, 5, "counterparts", activityId);
        LoggedCounterpart[] counterparts = new LoggedCounterpart[records.size()];
        for (int i = 0; i < counterparts.length; i++) {
            String[] fields = records.get(i);
            String internal = fields[4];
            if (!"1".equals(internal) && !"0".equals(internal)) {
                throw damaged("counterparts", activityId, "internal flag '" + internal + "' is not 0 or 1");
            }
            counterparts[i] = new LoggedCounterpart(fields[0], fields[1], fields[2], fields[3], "1".equals(internal));
        }
        // Unchangeable already, so that LoggedActivity, which copies its list, keeps this one: a recount reads millions.
        return List.of(counterparts);
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
        List<String[]> records = records(text, 4, "contributions", activityId);
        List<Contribution> contributions = new ArrayList<>(records.size());
        for (String[] fields : records) {
            try {
                contributions.add(new Contribution(fields[0], fields[1], day(fields[2]), Long.parseLong(fields[3])));
            } catch (DateTimeException | NumberFormatException | NullPointerException e) {
                throw damaged("contributions", activityId, e.getMessage());
            }
        }
        return contributions;
    }

    /**
     * How many contributions packed text holds, without reading them (null is none): the number its contributions
     * have if it can be read, since a value's record separators are escaped.
     */
    static int contributionCount(String text) {
        if (text == null) {
            return 0;
        }
        int count = 1;
        for (int i = text.indexOf(RECORD); i >= 0; i = text.indexOf(RECORD, i + 1)) {
            count++;
        }
        return count;
    }

    /**
     * True if packed text is exactly what {@link #packContributions} writes for the contributions of the lists one
     * after the other: then it holds those contributions in that order. Compared in place, without reading the text
     * into contributions (a recount compares millions). False says nothing more: the text may hold the same
     * contributions in another order, or be damaged; {@link #unpackContributions} tells.
     */
    @SafeVarargs
    static boolean packs(String text, List<Contribution>... lists) {
        if (text == null) {
            for (List<Contribution> list : lists) {
                if (!list.isEmpty()) {
                    return false;
                }
            }
            return true;
        }
        int at = 0;
        for (List<Contribution> list : lists) {
            for (Contribution c : list) {
                if (at > 0) {
                    if (at >= text.length() || text.charAt(at) != RECORD) {
                        return false;
                    }
                    at++;
                }
                at = packedValue(text, at, c.managerId());
                at = packedValue(text, separator(text, at), c.metric());
                at = packedDay(text, separator(text, at), c.day());
                at = packedNumber(text, separator(text, at), c.value());
                if (at < 0) {
                    return false;
                }
            }
        }
        return at > 0 && at == text.length(); // at 0 no contribution was given, and the text holds some
    }

    /** The position after the field separator at {@code at}, or -1 if there is none. */
    private static int separator(String text, int at) {
        return at >= 0 && at < text.length() && text.charAt(at) == FIELD ? at + 1 : -1;
    }

    /** The position after {@code value} as {@link #field} writes it at {@code at}, or -1 if it is not there. */
    private static int packedValue(String text, int at, String value) {
        if (at < 0) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escape = switch (c) {
                case '%' -> "%25";
                case '~' -> "%7E";
                case RECORD -> "%1E";
                case FIELD -> "%1F";
                default -> null;
            };
            if (escape == null) {
                if (at >= text.length() || text.charAt(at) != c) {
                    return -1;
                }
                at++;
            } else {
                if (!text.startsWith(escape, at)) {
                    return -1;
                }
                at += escape.length();
            }
        }
        return at;
    }

    /**
     * The position after {@code day} as {@link #packContributions} writes it ({@link LocalDate#toString()}) at
     * {@code at}, or -1 if it is not there; compared digit by digit when the year has four digits, as nearly every
     * year has.
     */
    private static int packedDay(String text, int at, LocalDate day) {
        if (at < 0) {
            return -1;
        }
        int year = day.getYear();
        if (year < 0 || year > 9999) {
            String written = day.toString();
            return text.startsWith(written, at) ? at + written.length() : -1;
        }
        if (at + 10 > text.length() || text.charAt(at + 4) != '-' || text.charAt(at + 7) != '-'
                || digits(text, at, at + 4) != year || digits(text, at + 5, at + 7) != day.getMonthValue()
                || digits(text, at + 8, at + 10) != day.getDayOfMonth()) {
            return -1;
        }
        return at + 10;
    }

    /** The position after {@code value} in decimal at {@code at} (as {@link Long#toString} writes it), or -1. */
    private static int packedNumber(String text, int at, long value) {
        if (at < 0) {
            return -1;
        }
        int end = at;
        while (end < text.length() && text.charAt(end) != RECORD) {
            end++;
        }
        int length = end - at;
        if (length == 0 || length > 20) {
            return -1;
        }
        // Compared as text, from the last digit: the number written has no sign but a minus, and no leading zero.
        long rest = value;
        int i = end - 1;
        do {
            if (i < at || text.charAt(i) != (char) ('0' + Math.abs(rest % 10))) {
                return -1;
            }
            rest /= 10;
            i--;
        } while (rest != 0);
        if (value < 0) {
            if (i < at || text.charAt(i) != '-') {
                return -1;
            }
            i--;
        }
        return i == at - 1 ? end : -1;
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

    /** The records of packed text, each as its fields; null text is none. */
    private static List<String[]> records(String text, int fieldCount, String column, String activityId) {
        if (text == null) {
            return List.of();
        }
        List<String[]> records = new ArrayList<>(2);
        String[] fields = new String[fieldCount];
        int field = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? RECORD : text.charAt(i);
            if (c == FIELD || c == RECORD) {
                String value = unescape(text.substring(start, i), column, activityId);
                if (field < fieldCount) {
                    fields[field] = value;
                }
                field++;
                start = i + 1;
                if (c == RECORD) {
                    if (field != fieldCount) {
                        throw damaged(column, activityId, "a record has " + field + " fields, not " + fieldCount);
                    }
                    records.add(fields);
                    fields = new String[fieldCount];
                    field = 0;
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
