package dev.triage.analysis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Flattens a YAML configuration file to dotted keys with the line of each value, as Spring reads
 * {@code application.yml}. Streaming (no object tree), bounded in size and entries; SnakeYAML's own
 * alias limits guard against alias bombs. A file that does not parse yields nothing.
 */
final class YamlFlattener {
    private static final int MAX_BYTES = 4 << 20;
    private static final int MAX_ENTRIES = 20_000;
    private static final YAMLFactory FACTORY = new YAMLFactory();
    /** Marks an object level in the index stack (ArrayDeque holds no nulls). */
    private static final int[] NOT_ARRAY = {-1};

    private YamlFlattener() {
    }

    static List<PropertiesIndex.Entry> flatten(String file, byte[] bytes) {
        List<PropertiesIndex.Entry> out = new ArrayList<>();
        if (bytes.length > MAX_BYTES) return out;
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> arrayIndex = new ArrayDeque<>();
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken t;
            String field = null;
            while ((t = p.nextToken()) != null && out.size() < MAX_ENTRIES) {
                switch (t) {
                    case FIELD_NAME -> field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        String seg = segment(field, arrayIndex);
                        path.addLast(seg == null ? "" : seg);
                        arrayIndex.addLast(t == JsonToken.START_ARRAY ? new int[]{0} : NOT_ARRAY);
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (!path.isEmpty()) path.removeLast();
                        if (!arrayIndex.isEmpty()) arrayIndex.removeLast();
                    }
                    default -> {
                        String seg = segment(field, arrayIndex);
                        field = null;
                        if (seg == null) continue;
                        StringBuilder key = new StringBuilder();
                        for (String s : path) {
                            if (s.isEmpty()) continue;
                            if (key.length() > 0 && !s.startsWith("[")) key.append('.');
                            key.append(s);
                        }
                        if (key.length() > 0 && !seg.startsWith("[")) key.append('.');
                        key.append(seg);
                        String value = t == JsonToken.VALUE_NULL ? "" : p.getText();
                        out.add(new PropertiesIndex.Entry(file, key.toString(), value, p.currentTokenLocation().getLineNr()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /** The key segment for the current value: its field name, or [i] inside an array. */
    private static String segment(String field, Deque<int[]> arrayIndex) {
        int[] idx = arrayIndex.peekLast();
        if (field != null) return field;
        if (idx != null && idx != NOT_ARRAY) return "[" + (idx[0]++) + "]";
        return null;
    }
}
