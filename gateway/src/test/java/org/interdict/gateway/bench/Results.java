package org.interdict.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's figures: printed as a table as they come, and written as JSON at the end. */
final class Results {

    /**
     * One figure. {@code aim} is issue 9's target (null when the figure is a reference), {@code atLeast} which side
     * of it meets it.
     */
    record Figure(String section, String name, double value, String unit, Double aim, boolean atLeast, String note) {

        Boolean met() {
            return aim == null ? null : atLeast ? value >= aim : value <= aim;
        }
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();

    void context(String key, Object value) {
        context.put(key, value);
    }

    void add(String section, String name, double value, String unit, String note) {
        record(new Figure(section, name, value, unit, null, true, note));
    }

    void aim(String section, String name, double value, String unit, double aim, boolean atLeast, String note) {
        record(new Figure(section, name, value, unit, aim, atLeast, note));
    }

    private void record(Figure figure) {
        figures.add(figure);
        System.out.println("  " + row(figure));
    }

    String table() {
        StringBuilder table = new StringBuilder("| Section | Figure | Value | Aim | Met | Note |\n|---|---|---:|---|---|---|\n");
        figures.forEach(figure -> table.append("| ").append(row(figure).replace(" ; ", " | ")).append(" |\n"));
        return table.toString();
    }

    private static String row(Figure figure) {
        String aim = figure.aim() == null ? "" : (figure.atLeast() ? ">= " : "<= ") + format(figure.aim()) + " " + figure.unit();
        String met = figure.met() == null ? "" : figure.met() ? "yes" : "NO";
        return figure.section() + " ; " + figure.name() + " ; " + format(figure.value()) + " " + figure.unit() + " ; "
                + aim + " ; " + met + " ; " + (figure.note() == null ? "" : figure.note());
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format("%,.0f", value)
                : String.format("%.2f", value);
    }

    void write(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("finishedAt", Instant.now().toString());
        json.put("context", context);
        json.put("figures", figures.stream().map(figure -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("section", figure.section());
            entry.put("name", figure.name());
            entry.put("value", Double.isNaN(figure.value()) ? null : figure.value());
            entry.put("unit", figure.unit());
            entry.put("aim", figure.aim());
            entry.put("aimIsMinimum", figure.aim() == null ? null : figure.atLeast());
            entry.put("met", figure.met());
            entry.put("note", figure.note());
            return entry;
        }).toList());
        try {
            Files.createDirectories(file.getParent());
            Api.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
