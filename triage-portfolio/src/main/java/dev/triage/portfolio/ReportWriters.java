package dev.triage.portfolio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a portfolio report as JSON ({@code portfolio.json}, schema {@code docs/portfolio-report-schema.json}), CSV
 * (one file per table under {@code csv/}, plus {@code headline.csv}) and one self-contained HTML page
 * ({@code portfolio.html}: inline SVG charts, no script, nothing loaded from the network).
 */
public final class ReportWriters {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ReportWriters() {
    }

    public static List<Path> write(Figures.Report report, List<String> formats, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (String f : formats) {
            switch (f.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> written.add(json(report, dir.resolve("portfolio.json")));
                case "csv" -> written.addAll(csv(report, dir.resolve("csv")));
                case "html" -> written.add(html(report, dir.resolve("portfolio.html")));
                default -> throw new IllegalArgumentException("unknown report format '" + f + "': html, json or csv");
            }
        }
        return written;
    }

    static Path json(Figures.Report report, Path file) throws IOException {
        JSON.writeValue(file.toFile(), report);
        return file;
    }

    static List<Path> csv(Figures.Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        Path headline = dir.resolve("headline.csv");
        try (Writer w = Files.newBufferedWriter(headline, StandardCharsets.UTF_8);
             CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader("figure", "count", "of", "share", "ci_low", "ci_high", "value").get().print(w)) {
            flatten("", report.headline(), p);
        }
        out.add(headline);
        for (Figures.Table t : report.tables()) {
            Path file = dir.resolve(t.name() + ".csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter p = CSVFormat.DEFAULT.builder().setHeader(t.columns().toArray(String[]::new)).get().print(w)) {
                for (List<Object> row : t.rows()) p.printRecord(row);
            }
            out.add(file);
        }
        return out;
    }

    private static void flatten(String prefix, Map<String, Object> map, CSVPrinter p) throws IOException {
        for (var e : map.entrySet()) {
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            Object v = e.getValue();
            if (v instanceof Figures.Share s) {
                p.printRecord(name, s.count(), s.of(), blank(s.share()), blank(s.low()), blank(s.high()), "");
            } else if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked") Map<String, Object> sub = (Map<String, Object>) m;
                flatten(name, sub, p);
            } else {
                p.printRecord(name, "", "", "", "", "", v == null ? "" : v);
            }
        }
    }

    private static Object blank(Object o) {
        return o == null ? "" : o;
    }

    static Path html(Figures.Report report, Path file) throws IOException {
        Files.writeString(file, HtmlReport.render(report), StandardCharsets.UTF_8);
        return file;
    }

    static String date(long epochMillis) {
        return epochMillis <= 0 ? "—" : Instant.ofEpochMilli(epochMillis).toString().substring(0, 10);
    }
}
