package dev.triage.analysis;

import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The app's own bundled configuration: {@code .properties} files, so that
 * {@code props.getProperty("crypto.cipher")} resolves to what the artifact ships, and Spring-style
 * {@code .yml}/{@code .yaml} files flattened to dotted keys ({@code spring.datasource.password}).
 * Library resources are ignored; a file that does not parse is skipped.
 */
public final class PropertiesIndex {
    /** One key's definition in one file. */
    public record Entry(String file, String key, String value, int line) {
    }

    private final Map<String, List<Entry>> byKey = new TreeMap<>();
    private final Map<String, List<Entry>> byFile = new TreeMap<>();

    public PropertiesIndex(List<ResourceEntry> resources) {
        for (ResourceEntry r : resources) {
            if (r.role() != CodeRole.APP) continue;
            if (r.name().endsWith(".yml") || r.name().endsWith(".yaml")) {
                List<Entry> entries = YamlFlattener.flatten(r.name(), r.bytes());
                if (entries.isEmpty()) continue;
                for (Entry e : entries) byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
                byFile.put(r.name(), entries);
                continue;
            }
            if (!r.name().endsWith(".properties")) continue;
            String text = new String(r.bytes(), r.name().startsWith("META-INF/maven/") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            Properties p = new Properties();
            try {
                p.load(new StringReader(text));
            } catch (IOException | IllegalArgumentException e) {
                continue; // malformed \\u escape: the file is skipped, the rest goes on
            }
            Map<String, Integer> lines = lineNumbers(text);
            List<Entry> entries = new ArrayList<>();
            for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
                Entry e = new Entry(r.name(), key, p.getProperty(key), lines.getOrDefault(key, 0));
                entries.add(e);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
            byFile.put(r.name(), entries);
        }
    }

    /** Line of each key's first definition (simple keys; escaped keys get 0). */
    static Map<String, Integer> lineNumbers(String text) {
        Map<String, Integer> out = new LinkedHashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean continuation = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.stripLeading();
            boolean wasContinuation = continuation;
            continuation = endsWithOddBackslashes(line);
            if (wasContinuation || t.isEmpty() || t.startsWith("#") || t.startsWith("!")) continue;
            int end = 0;
            while (end < t.length() && "=: \t\f".indexOf(t.charAt(end)) < 0) {
                if (t.charAt(end) == '\\') end++;
                end++;
            }
            String key = t.substring(0, Math.min(end, t.length())).replace("\\", "");
            out.putIfAbsent(key, i + 1);
        }
        return out;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) n++;
        return n % 2 == 1;
    }

    /** Every definition of a key across the app's files (ordered by file). */
    public List<Entry> lookup(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** Entries of every file, by file name. */
    public Map<String, List<Entry>> files() {
        return Collections.unmodifiableMap(byFile);
    }
}
