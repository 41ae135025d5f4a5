package dev.triage.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Golden SARIF files: a scan's SARIF log, normalised so that it depends only on the scanned app and on Triage's
 * behaviour, compared with a file kept in the repository.
 *
 * <p>Normalised away: the run's start and end times, the tool version, and every absolute path of the machine the
 * test ran on (the caller names them: the source root, temporary directories), which become placeholders such as
 * {@code $SRCROOT}. What stays is exactly what a user's tooling keys on: rules, results in the reports' one order,
 * messages, relative locations, code flows, properties and fingerprints. No internal solver state is written.
 *
 * <p>Refresh after an intended change of behaviour with {@code -Dtriage.golden.update=true} (the files are rewritten
 * in the module's source tree, and the test passes); review the diff like code.
 */
public final class GoldenSarif {
    /** The system property that rewrites golden files instead of comparing with them. */
    public static final String UPDATE_PROPERTY = "triage.golden.update";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenSarif() {
    }

    /**
     * The SARIF text normalised: times and tool version dropped, each key of {@code placeholders} (an absolute path or
     * URI prefix) replaced by its value wherever it occurs in a string. Keys are tried longest first.
     */
    public static String normalise(String sarif, Map<String, String> placeholders) {
        JsonNode root;
        try {
            root = JSON.readTree(sarif);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        List<Map.Entry<String, String>> byLength = new ArrayList<>(placeholders.entrySet());
        byLength.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
        for (JsonNode run : root.path("runs")) {
            JsonNode driver = run.path("tool").path("driver");
            if (driver instanceof ObjectNode d && d.has("version")) d.put("version", "$VERSION");
            for (JsonNode inv : run.path("invocations")) {
                if (inv instanceof ObjectNode o) {
                    o.remove("startTimeUtc");
                    o.remove("endTimeUtc");
                }
            }
        }
        replaceStrings(root, byLength);
        return pretty(root);
    }

    private static void replaceStrings(JsonNode node, List<Map.Entry<String, String>> placeholders) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) e.setValue(TextNode.valueOf(replace(e.getValue().asText(), placeholders)));
                else replaceStrings(e.getValue(), placeholders);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) a.set(i, TextNode.valueOf(replace(a.get(i).asText(), placeholders)));
                else replaceStrings(a.get(i), placeholders);
            }
        }
    }

    private static String replace(String s, List<Map.Entry<String, String>> placeholders) {
        for (Map.Entry<String, String> p : placeholders) {
            if (!p.getKey().isEmpty()) s = s.replace(p.getKey(), p.getValue());
        }
        return s;
    }

    private static String pretty(JsonNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compares normalised SARIF with the golden file; with {@code -Dtriage.golden.update=true} rewrites the file
     * instead. Throws an {@link AssertionError} naming the first differing line and how to refresh.
     */
    public static void assertMatches(Path golden, String normalised) {
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(golden.toAbsolutePath().getParent());
                Files.writeString(golden, normalised, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.isRegularFile(golden)) {
                throw new AssertionError("golden file missing: " + golden.toAbsolutePath()
                        + " (create it with -D" + UPDATE_PROPERTY + "=true)");
            }
            String expected = Files.readString(golden, StandardCharsets.UTF_8).replace("\r\n", "\n");
            if (expected.equals(normalised)) return;
            throw new AssertionError(firstDifference(golden, expected, normalised));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstDifference(Path golden, String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int n = Math.min(e.length, a.length);
        int i = 0;
        while (i < n && e[i].equals(a[i])) i++;
        StringBuilder sb = new StringBuilder("SARIF differs from the golden file " + golden + " at line " + (i + 1) + ":\n");
        for (int k = Math.max(0, i - 3); k < Math.min(e.length, i + 4); k++) sb.append(k == i ? "- " : "  ").append(e[k]).append('\n');
        sb.append("now:\n");
        for (int k = Math.max(0, i - 3); k < Math.min(a.length, i + 4); k++) sb.append(k == i ? "+ " : "  ").append(a[k]).append('\n');
        sb.append("(").append(e.length).append(" lines expected, ").append(a.length).append(" now.) If the change is intended, "
                + "refresh with -D").append(UPDATE_PROPERTY).append("=true and review the diff.");
        return sb.toString();
    }
}
