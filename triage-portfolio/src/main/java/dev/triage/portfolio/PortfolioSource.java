package dev.triage.portfolio;

import dev.triage.store.AppInfo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The apps of a portfolio: every artifact under a directory, or the rows of a manifest CSV with the columns
 * {@code path, app_id, name, category, vendor, version, store_updated} (a header row names them, in any order; all
 * optional but {@code path}; relative paths are resolved against the manifest's folder; dates are ISO
 * {@code yyyy-mm-dd}). A row that cannot be used is a problem line; the other rows go on.
 */
public final class PortfolioSource {
    /** Artifact kinds Triage scans, by file extension. */
    static final Set<String> JVM = Set.of("war", "ear", "jar");
    static final Set<String> ANDROID = Set.of("apk", "aab", "aar", "dex");
    static final List<String> COLUMNS = List.of("path", "app_id", "name", "category", "vendor", "version", "store_updated");
    /** A trailing version in a file name: {@code portal-1.4.2}, {@code app_v3}, {@code app-2.0-SNAPSHOT}. */
    private static final Pattern VERSION_SUFFIX = Pattern.compile("[-_.]v?\\d+(\\.\\d+)*([-.][A-Za-z0-9]+)*$");
    private static final long MAX_MANIFEST_BYTES = 64L << 20;

    /** What was listed, and the rows that could not be used. */
    public record Listing(Path source, List<PortfolioEntry> entries, List<String> problems) {
        public Listing {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    private PortfolioSource() {
    }

    public static Listing read(Path source) throws IOException {
        Path abs = source.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) return directory(abs);
        if (Files.isRegularFile(abs) && abs.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return manifest(abs);
        }
        throw new IOException("not a directory or a manifest .csv: " + source);
    }

    /** Every artifact under {@code dir} (recursively, in path order); the app key is its relative path less extension and version. */
    static Listing directory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> platformOf(p) != null).sorted().toList();
        }
        List<PortfolioEntry> entries = new ArrayList<>();
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            String key = appKeyOf(rel);
            AppInfo app = new AppInfo(key, nameOf(key), platformOf(f), null, null, null);
            PortfolioEntry e = new PortfolioEntry(f, app, null, 0);
            entries.add(e);
        }
        return new Listing(dir, entries, List.of());
    }

    static Listing manifest(Path csv) throws IOException {
        if (Files.size(csv) > MAX_MANIFEST_BYTES) throw new IOException("manifest larger than 64 MiB: " + csv);
        List<PortfolioEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (ManifestRow row : rows(r, csv.getFileName().toString(), problems)) {
                entries.add(new PortfolioEntry(csv.getParent().resolve(row.path()).normalize(), row.app(), row.version(), row.line()));
            }
        } catch (IOException e) {
            throw new IOException(csv + ": " + e.getMessage(), e);
        }
        return new Listing(csv, entries, problems);
    }

    /**
     * One usable row of a manifest, its path as written (relative to the manifest's folder, or absolute, or — for
     * the Spark job — any Hadoop FileSystem URI).
     */
    public record ManifestRow(String path, AppInfo app, String version, int line) {
    }

    /**
     * The usable rows of a manifest read from {@code in} (named {@code name} in problem lines), in order; a row that
     * cannot be used, and an unknown column, add a line to {@code problems}. The one manifest reader of the portfolio
     * scan and the Spark job.
     */
    public static List<ManifestRow> rows(Reader in, String name, List<String> problems) throws IOException {
        List<ManifestRow> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = format.parse(in)) {
            Map<String, Integer> header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            header.putAll(parser.getHeaderMap());
            if (!header.containsKey("path")) throw new IOException("the header row has no 'path' column");
            for (String h : header.keySet()) {
                if (!COLUMNS.contains(h.toLowerCase(Locale.ROOT))) {
                    problems.add(name + ": unknown column '" + h + "' ignored (known: " + String.join(", ", COLUMNS) + ")");
                }
            }
            for (CSVRecord row : parser) {
                int line = (int) row.getRecordNumber() + 1;
                try {
                    rows.add(row(header, row, line));
                } catch (IllegalArgumentException e) {
                    problems.add(name + " line " + line + ": " + e.getMessage());
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new IOException("not a readable CSV manifest: " + e.getMessage(), e);
        }
        return rows;
    }

    private static ManifestRow row(Map<String, Integer> header, CSVRecord row, int line) {
        String pathText = get(header, row, "path");
        if (pathText == null) throw new IllegalArgumentException("no path");
        String platform = platformOfName(pathText);
        if (platform == null) throw new IllegalArgumentException("not an artifact Triage scans (.war .ear .jar .apk .aab .aar .dex): " + pathText);
        String key = get(header, row, "app_id");
        if (key == null) key = appKeyOf(pathText.replace('\\', '/'));
        String name = get(header, row, "name");
        Integer updated = null;
        String date = get(header, row, "store_updated");
        if (date != null) {
            try {
                updated = (int) LocalDate.parse(date).toEpochDay();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("store_updated is not a yyyy-mm-dd date: " + date);
            }
        }
        AppInfo app = new AppInfo(key, name == null ? nameOf(key) : name, platform, get(header, row, "category"),
                get(header, row, "vendor"), updated);
        return new ManifestRow(pathText, app, get(header, row, "version"), line);
    }

    private static String get(Map<String, Integer> header, CSVRecord row, String column) {
        Integer i = header.get(column);
        if (i == null || i >= row.size()) return null;
        String v = row.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** {@code android} or {@code jvm} by extension; null for a file Triage does not scan. */
    public static String platformOf(Path p) {
        return platformOfName(p.getFileName().toString());
    }

    /** {@link #platformOf} of a file name or path text (the part after the last {@code /} counts). */
    public static String platformOfName(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        if (dot < 0) return null;
        String ext = n.substring(dot + 1);
        if (ANDROID.contains(ext)) return "android";
        if (JVM.contains(ext)) return "jvm";
        return null;
    }

    /** {@code vendor/portal-1.4.war} → {@code vendor/portal}: versions of one app share a key. */
    public static String appKeyOf(String relativePath) {
        String s = relativePath;
        int dot = s.lastIndexOf('.');
        if (dot > s.lastIndexOf('/')) s = s.substring(0, dot);
        String stripped = VERSION_SUFFIX.matcher(s).replaceFirst("");
        String name = stripped.substring(stripped.lastIndexOf('/') + 1);
        return name.chars().noneMatch(Character::isLetter) ? s : stripped;
    }

    private static String nameOf(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? key : key.substring(slash + 1);
    }
}
