package dev.triage.analysis.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every model file in the source tree is listed in {@code index.list} and loaded, and every listed file exists: a
 * file added without its index line would silently never be read.
 */
class ModelFilesTest {
    static final Path MODELS = Path.of("src", "main", "resources", "dev", "triage", "models");

    @Test
    void everyModelFileIsListedAndLoaded() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MODELS)) {
            files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .forEach(p -> onDisk.add(MODELS.relativize(p).toString().replace('\\', '/')));
        }
        List<String> listed = Files.readAllLines(MODELS.resolve("index.list"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals(listed.size(), new TreeSet<>(listed).size(), "a file listed twice: " + listed);
        assertEquals(onDisk, new TreeSet<>(listed), "model files on disk and in index.list");
        assertEquals(listed, Models.builtIn().files(), "every listed file is loaded, in index order");
    }
}
