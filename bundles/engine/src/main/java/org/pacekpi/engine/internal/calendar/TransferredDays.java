package org.pacekpi.engine.internal.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The transferred days of the production calendars, which the holiday library does not model: kept as data in
 * {@value #RESOURCE} next to this class, one day a line: {@code country,date,kind,note} (kind {@code WORKING} or
 * {@code DAY_OFF}; the note is the rest of the line and may hold commas; {@code #} starts a comment line). Each
 * year's lines cite the decree they come from. A transfer decides the day's status over the weekly days off and the
 * public holidays; an admin's day off still wins over it.
 */
public final class TransferredDays {

    /** The bundled data file, a resource in this package. */
    public static final String RESOURCE = "transferred-days.csv";

    private static final String HEADER = "country,date,kind,note";

    /** The bundled transfers once read: immutable data, like a constant. */
    private static volatile TransferredDays bundled;

    private final List<DayTransfer> transfers;

    private TransferredDays(List<DayTransfer> transfers) {
        this.transfers = List.copyOf(transfers);
    }

    /**
     * The transfers shipped with Pace, read once.
     *
     * @throws IllegalStateException if the bundled file is missing or broken (a packaging error)
     */
    public static TransferredDays bundled() {
        TransferredDays loaded = bundled;
        if (loaded == null) {
            synchronized (TransferredDays.class) {
                if (bundled == null) {
                    bundled = loadBundled();
                }
                loaded = bundled;
            }
        }
        return loaded;
    }

    /** No transfers: the week and the public holidays alone. */
    public static TransferredDays none() {
        return new TransferredDays(List.of());
    }

    /**
     * These transfers.
     *
     * @throws IllegalArgumentException if two of them are for the same calendar and day
     */
    public static TransferredDays of(List<DayTransfer> transfers) {
        Set<String> seen = new HashSet<>();
        for (DayTransfer transfer : transfers) {
            if (!seen.add(transfer.calendar().id() + " " + transfer.date())) {
                throw new IllegalArgumentException("two transfers for " + transfer.calendar() + " on " + transfer.date());
            }
        }
        return new TransferredDays(transfers);
    }

    /**
     * Reads transfers in the format of {@value #RESOURCE}.
     *
     * @param source the name used in error messages
     * @throws IllegalArgumentException naming the source and line of a malformed or duplicate line
     * @throws UncheckedIOException     if reading fails
     */
    public static TransferredDays parse(Reader reader, String source) {
        List<DayTransfer> transfers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean header = false;
        try (BufferedReader lines = new BufferedReader(reader)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!text.replace(" ", "").equalsIgnoreCase(HEADER)) {
                        throw new IllegalArgumentException(source + " line " + number + ": expected the header '"
                                + HEADER + "', found '" + text + "'");
                    }
                    header = true;
                    continue;
                }
                DayTransfer transfer = parseLine(text, source, number);
                if (!seen.add(transfer.calendar().id() + " " + transfer.date())) {
                    throw new IllegalArgumentException(source + " line " + number + ": a second line for "
                            + transfer.calendar() + " on " + transfer.date());
                }
                transfers.add(transfer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return new TransferredDays(transfers);
    }

    private static DayTransfer parseLine(String text, String source, int number) {
        String[] fields = text.split(",", 4);
        if (fields.length < 3) {
            throw new IllegalArgumentException(source + " line " + number + ": expected " + HEADER + ", found '" + text + "'");
        }
        String where = source + " line " + number + ": ";
        HolidayCalendarId calendar;
        try {
            calendar = HolidayCalendarId.parse(fields[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(fields[1].strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "date must be YYYY-MM-DD, was '" + fields[1].strip() + "'", e);
        }
        DayTransfer.Kind kind;
        try {
            kind = DayTransfer.Kind.valueOf(fields[2].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "kind must be WORKING or DAY_OFF, was '" + fields[2].strip() + "'", e);
        }
        return new DayTransfer(calendar, date, kind, fields.length == 4 ? fields[3] : "");
    }

    /** Every transfer, in the order read. */
    public List<DayTransfer> all() {
        return transfers;
    }

    /**
     * The transfers that apply to a calendar: those of its country and of every subdivision it lies within; where
     * two apply to one day, the more specific one.
     */
    public Map<LocalDate, DayTransfer> forCalendar(HolidayCalendarId calendar) {
        Map<LocalDate, DayTransfer> result = new HashMap<>();
        transfers.stream()
                .filter(transfer -> calendar.isWithin(transfer.calendar()))
                .sorted(Comparator.comparingInt(transfer -> transfer.calendar().subdivisions().size()))
                .forEach(transfer -> result.put(transfer.date(), transfer));
        return Map.copyOf(result);
    }

    /** Reads this bundle's own resource (no context class loader involved, so it works the same in OSGi). */
    private static TransferredDays loadBundled() {
        InputStream stream = TransferredDays.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("the bundled " + RESOURCE + " is missing next to " + TransferredDays.class.getName());
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return parse(reader, RESOURCE);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the bundled " + RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }
}
