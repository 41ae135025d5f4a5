package dev.triage.analysis.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.model.Models;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the data tables of the model files. */
final class Tables {
    private Tables() {
    }

    static Set<String> upperSet(Models m, String name) {
        Set<String> out = new TreeSet<>();
        for (String s : set(m, name)) out.add(s.toUpperCase(Locale.ROOT));
        return out;
    }

    static Set<String> set(Models m, String name) {
        m.table(name); // fails loudly when a table a detector needs is missing
        return m.stringSet(name);
    }

    static Map<String, Integer> intMap(Models m, String name) {
        Map<String, Integer> out = new HashMap<>();
        JsonNode t = m.table(name);
        t.fields().forEachRemaining(e -> out.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue().asInt()));
        return out;
    }
}
