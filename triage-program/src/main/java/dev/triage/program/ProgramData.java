package dev.triage.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Reads the program model's data files (YAML beside its classes): unknown sections and keys fail loading. */
final class ProgramData {
    private ProgramData() {
    }

    /** The file's top level, whose sections must be among {@code sections}. */
    static JsonNode read(ClassLoader loader, String resource, Set<String> sections) {
        JsonNode root;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        keys(root, sections, resource, "section");
        return root;
    }

    /** Fails unless every key of {@code node} is among {@code allowed}. */
    static void keys(JsonNode node, Set<String> allowed, String resource, String what) {
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) throw new IllegalStateException(resource + ": unknown " + what + " " + k + " in " + node);
        });
    }

    /** {@code javax.ws.rs.GET} → {@code javax/ws/rs/GET}. */
    static String internal(String dotted) {
        return dotted.replace('.', '/');
    }
}
