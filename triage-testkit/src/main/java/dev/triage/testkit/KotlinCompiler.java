package dev.triage.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles Kotlin sources in-process with kotlin-compiler-embeddable (K2JVMCompiler), as the Kotlin Gradle plugin
 * would for an Android app: JVM target 1.8, against android-all and the given class path, without bundling the
 * standard library (the app ships it as library code). The compiler is an optional dependency of the testkit: a
 * module building Kotlin test apps adds kotlin-compiler-embeddable to its test class path.
 */
final class KotlinCompiler {
    private KotlinCompiler() {
    }

    /** Compiles {@code sources} (Kotlin, and Java sources they refer to) into {@code out}; fails with the messages. */
    static synchronized void kotlinc(List<Path> sources, List<Path> classPath, Path out) throws IOException {
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-no-stdlib", "-no-reflect", "-jvm-target", "1.8",
                "-nowarn", "-Xno-call-assertions", "-Xno-param-assertions", "-Xno-receiver-assertions"));
        StringBuilder cp = new StringBuilder();
        for (Path p : classPath) {
            if (cp.length() > 0) cp.append(java.io.File.pathSeparatorChar);
            cp.append(p);
        }
        args.add("-classpath");
        args.add(cp.toString());
        for (Path s : sources) args.add(s.toString());
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        Object code;
        try (PrintStream err = new PrintStream(messages, true, StandardCharsets.UTF_8)) {
            code = new org.jetbrains.kotlin.cli.jvm.K2JVMCompiler().exec(err, args.toArray(new String[0]));
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("Kotlin sources need org.jetbrains.kotlin:kotlin-compiler-embeddable on the class path", e);
        }
        if (!"OK".equals(String.valueOf(code))) {
            throw new IllegalArgumentException("kotlinc failed (" + code + "):\n" + messages.toString(StandardCharsets.UTF_8));
        }
    }
}
