package dev.triage.cli.corpus;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Compiles a corpus case with javac ({@code -g --release 17}, class path = the test class path, so the real
 * servlet / Spring / HttpClient / codec jars are there) into one classes directory and copies the case's
 * resources next to the classes, at the class-path root.
 */
public final class CaseCompiler {
    private CaseCompiler() {
    }

    /** Compiles {@code c} into {@code classesDir} (created if needed) and returns it; fails with the diagnostics. */
    public static Path compile(CorpusCase c, Path classesDir) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        try {
            Files.createDirectories(classesDir);
            // a Kotlin-only Android case has no Java to compile (the testkit compiles its Kotlin)
            if (!c.sources().isEmpty()) javac(c, classesDir);
            for (CorpusCase.Resource r : c.resources()) {
                Path target = classesDir.resolve(r.name());
                Files.createDirectories(target.getParent());
                Files.copy(r.file(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            return classesDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test class path, after the older API jars the case asks for. */
    private static String classPath(CorpusCase c) {
        StringBuilder sb = new StringBuilder();
        for (Path jar : c.compileBefore()) sb.append(jar).append(java.io.File.pathSeparatorChar);
        return sb.append(System.getProperty("java.class.path")).toString();
    }

    private static void javac(CorpusCase c, Path classesDir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        {
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StringWriter out = new StringWriter();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(c.sources());
                // -parameters as Spring Boot builds compile (MyBatis and Spring bind by the compiled parameter names)
                List<String> options = List.of("-g", "-parameters", "--release", "17", "-proc:none", "-encoding", "UTF-8",
                        "-Xlint:none", "-nowarn",
                        "-classpath", classPath(c),
                        "-d", classesDir.toString());
                boolean ok = javac.getTask(out, fm, diagnostics, options, null, units).call();
                if (!ok) {
                    StringBuilder sb = new StringBuilder("case " + c.id() + " does not compile:\n");
                    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                        if (d.getKind() != Diagnostic.Kind.ERROR) continue;
                        String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
                        sb.append("  ").append(file).append(':').append(d.getLineNumber()).append(": ")
                                .append(d.getMessage(Locale.ROOT)).append('\n');
                    }
                    sb.append(out);
                    throw new AssertionError(sb.toString());
                }
            }
        }
    }
}
