package dev.triage.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator produces compilable code with the requested number of top-level classes. Not a timing test. */
class AppGeneratorTest {

    @TempDir
    Path work;

    @Test
    void generates50ClassApp() throws Exception {
        Path appLib = Path.of(System.getProperty("triage.bench.appLib", "target/app-lib"));
        List<Path> libs = Benchmark.libraries(appLib);
        AppGenerator.App app = new AppGenerator(7, libs).generate(50, work);

        List<String> classes;
        try (JarFile jar = new JarFile(app.jar().toFile())) {
            classes = jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).collect(Collectors.toList());
        }
        long topLevel = classes.stream().filter(n -> !n.contains("$")).count();
        assertEquals(50, topLevel, "top-level classes in " + classes);
        assertTrue(classes.size() > 50, "nested/anonymous classes too: " + classes.size());
        assertEquals(classes.size(), app.classFiles());
        assertTrue(classes.stream().anyMatch(n -> n.contains("Servlet")), "has servlets");

        try (JarFile war = new JarFile(app.war().toFile())) {
            assertTrue(war.getEntry("WEB-INF/lib/" + libs.get(0).getFileName()) != null);
            assertEquals(classes.size(), war.stream().filter(e -> e.getName().startsWith("WEB-INF/classes/")
                && e.getName().endsWith(".class")).count());
        }
        // Cached on the second call, same bytes.
        long size = Files.size(app.jar());
        AppGenerator.App again = new AppGenerator(7, libs).generate(50, work);
        assertTrue(again.fromCache());
        assertEquals(size, Files.size(again.jar()));
    }

    @Test
    void planIsDeterministic() {
        AppGenerator a = new AppGenerator(3, List.of());
        AppGenerator b = new AppGenerator(3, List.of());
        assertEquals(a.plan(500).stream().map(t -> t.fqcn() + t.weak).collect(Collectors.toList()),
            b.plan(500).stream().map(t -> t.fqcn() + t.weak).collect(Collectors.toList()));
    }

    @Test
    void readsTriageJsonShapes() {
        assertEquals(2, TriageRunner.countFindings(MiniJson.parse("{\"findings\":[{\"ruleId\":\"a\"},{}],\"x\":1.5e3}")));
        assertEquals(0, TriageRunner.countFindings(MiniJson.parse("[]")));
        assertEquals(1, TriageRunner.countFindings(MiniJson.parse("{\"result\":{\"findings\":[\"\\u0041\"]}}")));
    }
}
