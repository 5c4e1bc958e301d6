package org.interdict.registry.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.interdict.registry.designation.Designation;

/**
 * The UN Security Council 1718 Committee's Designated Vessels List as CSV, read record by record. Columns are found by
 * their header in any order; columns it does not know (one per measure) are ignored. A cell may hold several values
 * ({@code 1: A 2: B}): the first name is the current one and the others former names; for other columns the first
 * value counts.
 */
final class UnVesselList {

    static final String BASIS = "UN Security Council 1718 Committee Designated Vessels List";

    private static final Pattern NUMBERED = Pattern.compile("^\\s*1\\s*:");
    private static final Pattern NUMBER = Pattern.compile("(?:^|\\s)\\d+\\s*:\\s*");
    /** 28-Dec-17 as the list writes it, and a few other ways a spreadsheet may export it. */
    private static final List<DateTimeFormatter> DATES = List.of(
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 2000).toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d-MMM-yyyy").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMM yyyy").toFormatter(Locale.ENGLISH),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private enum Column {
        NUMBER("#", "no", "number"),
        NAME("vesselname", "name"),
        IMO("imonumber", "imo", "imono"),
        MMSI("mmsi"),
        FLAG("flag"),
        CALL_SIGN("callsign"),
        TYPE("type", "vesseltype"),
        INFO("otherinformation"),
        OWNER("designatedowneroperator", "owner", "registeredowner"),
        DATE("dateofdesignation", "designationdate", "listedon"),
        REFERENCE("reference", "referencenumber", "permanentreferencenumber");

        final List<String> headers;

        Column(String... headers) {
            this.headers = List.of(headers);
        }
    }

    private UnVesselList() {
    }

    static ParsedList read(InputStream body) throws IOException, MalformedListException {
        CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
        List<String> header = csv.next();
        if (header == null) {
            throw new MalformedListException("The file is empty");
        }
        Map<Column, Integer> columns = columns(header);
        for (Column required : List.of(Column.NAME, Column.IMO)) {
            if (!columns.containsKey(required)) {
                throw new MalformedListException("The file has no column for " + required.headers.get(0)
                        + "; is it the 1718 Committee's Designated Vessels List?");
            }
        }
        List<ListEntry> entries = new ArrayList<>();
        int row = 0;
        List<String> record;
        while ((record = csv.next()) != null) {
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            row++;
            entries.add(entry(record, columns, row));
        }
        return new ParsedList(entries, 0);
    }

    private static ListEntry entry(List<String> record, Map<Column, Integer> columns, int row) {
        List<String> names = values(cell(record, columns, Column.NAME));
        String name = names.isEmpty() ? null : names.get(0);
        String number = first(cell(record, columns, Column.NUMBER));
        String label = "row " + (number != null ? number : row) + " (" + (name != null ? name : "no name") + ")";
        String info = cell(record, columns, Column.INFO);
        String written = first(cell(record, columns, Column.DATE));
        LocalDate listedOn = date(written);
        return new ListEntry(label, first(cell(record, columns, Column.IMO)), name,
                names.size() > 1 ? names.subList(1, names.size()) : List.of(), first(cell(record, columns, Column.FLAG)),
                first(cell(record, columns, Column.MMSI)), first(cell(record, columns, Column.CALL_SIGN)),
                first(cell(record, columns, Column.TYPE)), first(cell(record, columns, Column.OWNER)), Designation.UN,
                first(cell(record, columns, Column.REFERENCE)), listedOn, info == null || info.isBlank() ? BASIS : info.trim(),
                written != null && listedOn == null ? "unreadable date of designation: " + written : null);
    }

    private static Map<Column, Integer> columns(List<String> header) {
        Map<Column, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = header.get(i).replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9#]", "");
            for (Column column : Column.values()) {
                if (column.headers.contains(key)) {
                    columns.putIfAbsent(column, i);
                }
            }
        }
        return columns;
    }

    private static String cell(List<String> record, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? null : record.get(index);
    }

    /** The values of a cell: several when written {@code 1: A 2: B}; none when empty. */
    static List<String> values(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        if (!NUMBERED.matcher(cell).find()) {
            return List.of(cell.trim());
        }
        return NUMBER.splitAsStream(cell).map(String::trim).filter(value -> !value.isEmpty()).toList();
    }

    private static String first(String cell) {
        List<String> values = values(cell);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The date of designation; null when empty or unreadable. */
    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text.trim(), format);
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        return null;
    }
}
