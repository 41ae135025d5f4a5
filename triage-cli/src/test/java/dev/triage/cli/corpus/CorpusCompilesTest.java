package dev.triage.cli.corpus;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case compiles against the real API jars, declares the package its folder implies, and every Java marker
 * stands on a line that javac put in a line number table (otherwise no tool could ever report it there).
 * Needs no analysis engine.
 */
class CorpusCompilesTest {
    @TempDir
    Path tmp;

    @Test
    void corpusIsNotEmpty() {
        assertFalse(CorpusCase.discover().isEmpty(), "no cases under " + CorpusCase.casesRoot());
    }

    @TestFactory
    Stream<DynamicTest> everyCaseCompiles() {
        return CorpusCase.discover().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private void check(CorpusCase c) throws IOException {
        String expected = "corpus." + c.family() + (Files.isDirectory(c.root()) ? "." + c.name() : "");
        for (Path s : c.sources()) {
            String pkg = CorpusCase.packageOf(s);
            assertTrue(pkg.equals(expected) || pkg.startsWith(expected + "."),
                    s + " declares package '" + pkg + "', expected " + expected);
        }
        Path classes = CaseCompiler.compile(c, tmp.resolve(c.family()).resolve(c.name()));
        Map<String, Set<Integer>> linesBySource = lineTables(classes);
        List<String> dead = new ArrayList<>();
        for (Marker m : c.markers()) {
            if (!m.sourcePath().endsWith(".java")) continue;
            Set<Integer> lines = linesBySource.getOrDefault(m.sourcePath(), Set.of());
            if (!lines.contains(m.line())) dead.add(m + " (no bytecode on that line)");
        }
        assertEquals(List.of(), dead, "markers no finding can ever match in " + c.id());
        for (CorpusCase.Resource r : c.resources()) {
            assertTrue(Files.isRegularFile(classes.resolve(r.name())), "resource not copied: " + r.name());
        }
    }

    /** source path (package path + SourceFile) → lines present in the LineNumberTables of its classes. */
    static Map<String, Set<Integer>> lineTables(Path classesDir) throws IOException {
        Map<String, Set<Integer>> out = new HashMap<>();
        List<Path> classFiles;
        try (Stream<Path> s = Files.walk(classesDir)) {
            classFiles = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path cf : classFiles) {
            ClassReader reader = new ClassReader(Files.readAllBytes(cf));
            Set<Integer> lines = new TreeSet<>();
            String[] source = new String[1];
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visitSource(String file, String debug) {
                    source[0] = file;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLineNumber(int line, Label start) {
                            lines.add(line);
                        }
                    };
                }
            }, ClassReader.SKIP_FRAMES);
            if (source[0] == null) continue;
            String internal = reader.getClassName();
            int slash = internal.lastIndexOf('/');
            String path = (slash < 0 ? "" : internal.substring(0, slash + 1)) + source[0];
            out.computeIfAbsent(path, k -> new TreeSet<>()).addAll(lines);
        }
        return out;
    }
}
