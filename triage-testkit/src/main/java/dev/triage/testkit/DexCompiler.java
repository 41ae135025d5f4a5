package dev.triage.testkit;

import com.android.tools.r8.ByteDataView;
import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.CompilationMode;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.DexIndexedConsumer;
import com.android.tools.r8.Diagnostic;
import com.android.tools.r8.DiagnosticsHandler;
import com.android.tools.r8.origin.Origin;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic.Kind;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.writer.io.MemoryDataStore;
import org.jf.dexlib2.writer.pool.DexPool;
import org.jf.smali.Smali;
import org.jf.smali.SmaliOptions;

/** javac (in-process) → D8 → DEX; smali → DEX; optional re-splitting into several DEX files with dexlib2. */
final class DexCompiler {
    private DexCompiler() {}

    /** The android-all jar: on the class path by file name, or the jar holding android/app/Activity.class. */
    static Path findAndroidJar() {
        String cp = System.getProperty("java.class.path", "");
        for (String s : cp.split(File.pathSeparator)) {
            if (s.isEmpty()) continue;
            Path p = Paths.get(s);
            Path name = p.getFileName();
            if (name != null && name.toString().startsWith("android-all-") && name.toString().endsWith(".jar") && Files.isRegularFile(p)) return p;
        }
        URL url = DexCompiler.class.getClassLoader().getResource("android/app/Activity.class");
        if (url != null && "jar".equals(url.getProtocol())) {
            String file = url.getPath();
            int bang = file.indexOf("!/");
            if (bang > 0 && file.startsWith("file:")) {
                try {
                    return Paths.get(new java.net.URI(file.substring(0, bang)));
                } catch (Exception ignored) {
                    // fall through
                }
            }
        }
        throw new IllegalStateException("android-all jar not found on the class path (java.class.path); pass it with androidJar(Path)");
    }

    /** Compiles Java sources into {@code classesDir}. */
    static void javac(List<Path> sources, List<Path> classPath, int release, Path classesDir) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) throw new IllegalStateException("no system Java compiler (running on a JRE?)");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-g", "--release", Integer.toString(release), "-proc:none",
                    "-encoding", "UTF-8", "-nowarn", "-implicit:none", "-d", classesDir.toString()));
            StringBuilder cp = new StringBuilder();
            for (Path p : classPath) {
                if (cp.length() > 0) cp.append(File.pathSeparator);
                cp.append(p.toAbsolutePath());
            }
            options.add("-classpath");
            options.add(cp.toString());
            List<File> files = sources.stream().sorted().map(Path::toFile).toList();
            StringWriter out = new StringWriter();
            boolean ok = compiler.getTask(out, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files)).call();
            if (!ok) {
                StringBuilder msg = new StringBuilder("javac failed:");
                for (var d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Kind.ERROR) msg.append('\n').append(d.getSource() == null ? "" : d.getSource().getName())
                            .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT));
                }
                msg.append(out);
                throw new IllegalArgumentException(msg.toString());
            }
        }
    }

    /** D8 in debug mode (line numbers and locals kept). Returns the DEX files in order (classes.dex first). */
    static List<byte[]> d8(List<Path> programInputs, List<Path> libraries, List<Path> classpath, int minApi) {
        TreeMap<Integer, byte[]> dexes = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        DiagnosticsHandler handler = new DiagnosticsHandler() {
            @Override
            public void error(Diagnostic d) {
                errors.add(d.getDiagnosticMessage());
            }

            @Override
            public void warning(Diagnostic d) {
                // missing classes and the like: fine for test apps
            }

            @Override
            public void info(Diagnostic d) {
            }
        };
        try {
            D8Command.Builder b = D8Command.builder(handler)
                    .setMode(CompilationMode.DEBUG)
                    .setMinApiLevel(minApi)
                    .setIntermediate(false)
                    .setProgramConsumer(new DexIndexedConsumer.ForwardingConsumer(null) {
                        @Override
                        public synchronized void accept(int fileIndex, ByteDataView data, Set<String> descriptors, DiagnosticsHandler h) {
                            dexes.put(fileIndex, data.copyByteData());
                        }
                    });
            for (Path p : programInputs) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.walk(p)) {
                        for (Path f : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                            b.addClassProgramData(Files.readAllBytes(f), Origin.unknown());
                        }
                    }
                } else {
                    b.addProgramFiles(p);
                }
            }
            b.addLibraryFiles(libraries);
            b.addClasspathFiles(classpath);
            b.setDisableDesugaring(false);
            D8.run(b.build());
        } catch (CompilationFailedException e) {
            throw new IllegalArgumentException("D8 failed: " + String.join("; ", errors), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(dexes.values());
    }

    /** Assembles smali files into one DEX. */
    static byte[] smali(List<Path> files, int api, Path workDir) throws IOException {
        Path out = workDir.resolve("smali.dex");
        SmaliOptions options = new SmaliOptions();
        options.apiLevel = api;
        options.jobs = 1;
        options.outputDexFile = out.toString();
        List<String> inputs = files.stream().sorted().map(p -> p.toAbsolutePath().toString()).toList();
        if (!Smali.assemble(options, inputs)) throw new IllegalArgumentException("smali failed on " + inputs);
        return Files.readAllBytes(out);
    }

    /** Re-packs the classes of all DEX files into files of at most {@code perDex} classes (0: one file). */
    static List<byte[]> split(List<byte[]> dexes, int perDex, int api) throws IOException {
        Opcodes opcodes = Opcodes.forApi(api);
        TreeMap<String, DexBackedClassDef> classes = new TreeMap<>();
        for (byte[] d : dexes) {
            DexBackedDexFile file = new DexBackedDexFile(opcodes, d);
            for (DexBackedClassDef c : file.getClasses()) {
                if (classes.put(c.getType(), c) != null) throw new IllegalArgumentException("class defined twice: " + c.getType());
            }
        }
        List<DexBackedClassDef> all = new ArrayList<>(classes.values());
        all.sort(Comparator.comparing(DexBackedClassDef::getType));
        int n = perDex <= 0 ? Math.max(1, all.size()) : perDex;
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += n) {
            DexPool pool = new DexPool(opcodes);
            for (DexBackedClassDef c : all.subList(i, Math.min(all.size(), i + n))) pool.internClass(c);
            MemoryDataStore store = new MemoryDataStore();
            pool.writeTo(store);
            out.add(java.util.Arrays.copyOf(store.getBuffer(), store.getSize()));
        }
        return out;
    }
}
