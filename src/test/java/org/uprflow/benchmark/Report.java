package org.uprflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The figures of one run: printed as a table at the end and written as
 * {@code target/benchmarks/benchmark-<date>.json}, with the machine, the load it was under and
 * the aims of issue 6 met or missed.
 */
final class Report {

    private final OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
    private final List<Figure> figures = new CopyOnWriteArrayList<>();
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private final Map<String, Object> aims = new LinkedHashMap<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private final Scale scale;

    Report(Scale scale) {
        this.scale = scale;
        machine.putAll(Machine.describe());
        machine.put("loadAverageAtStart", Machine.loadAverage());
    }

    Figure add(Figure figure) {
        figures.add(figure);
        System.out.println("[benchmark] " + row(figure));
        return figure;
    }

    void machine(String key, Object value) {
        machine.put(key, value);
    }

    void note(String key, Object value) {
        notes.put(key, value);
    }

    void aim(String aim, boolean met, String measured) {
        aims.put(aim, Map.of("met", met, "measured", measured));
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** The latest figure of a case, channel and user count; an exception if the harness did not measure it. */
    Figure find(String benchmarkCase, String channel, int users) {
        return figures.stream().filter(f -> f.benchmarkCase().equals(benchmarkCase) && f.channel().equals(channel)
                && f.users() == users).reduce((earlier, later) -> later)
                .orElseThrow(() -> new IllegalStateException("not measured: " + benchmarkCase + " / " + channel + " / " + users));
    }

    Path finish() {
        machine.put("loadAverageAtEnd", Machine.loadAverage());
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n%-9s | %-62s | %5s | %7s | %9s | %9s | %9s | %s%n",
                "case", "channel", "users", "ops", "ops/s", "median ms", "p95 ms", "note"));
        table.append("-".repeat(150)).append('\n');
        figures.forEach(figure -> table.append(row(figure)).append('\n'));
        table.append("\naims of issue 6:\n");
        aims.forEach((aim, result) -> table.append("  ").append(aim).append(": ").append(result).append('\n'));
        table.append("machine: ").append(machine).append('\n');
        System.out.println(table);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", started.toString());
        json.put("scale", scale);
        json.put("machine", machine);
        json.put("figures", new ArrayList<>(figures));
        json.put("aims", aims);
        json.put("notes", notes);
        Path file = Path.of("target", "benchmarks",
                "benchmark-" + started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[benchmark] written " + file.toAbsolutePath());
        return file;
    }

    private static String row(Figure f) {
        return String.format(Locale.ROOT, "%-9s | %-62s | %5s | %7s | %9s | %9s | %9s | %s", f.benchmarkCase(),
                f.channel(), f.users() == 0 ? "" : f.users(), f.operations() == 0 ? "" : f.operations(),
                number(f.opsPerSecond()), number(f.medianMs()), number(f.p95Ms()), f.note());
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
}
