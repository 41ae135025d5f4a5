package dev.triage.intake;

import com.android.tools.r8.CompilationMode;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.OutputMode;
import com.reandroid.apk.AndroidFrameworks;
import com.reandroid.arsc.chunk.PackageBlock;
import com.reandroid.arsc.chunk.TableBlock;
import com.reandroid.arsc.chunk.xml.ResXmlDocument;
import com.reandroid.arsc.value.Entry;
import com.reandroid.xml.kxml2.KXmlParser;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Builds real Android inputs for the tests: javac + D8 for DEX, ARSCLib for binary XML and resource tables. */
final class AndroidFixtures {
    private AndroidFixtures() {
    }

    /** Compiles Java sources (class name → source) with debug info and dexes them with D8 (debug mode). */
    static byte[] dex(Map<String, String> sources) {
        try {
            Path dir = Files.createTempDirectory("triage-dex");
            Path src = dir.resolve("src");
            Path classes = dir.resolve("classes");
            Path out = dir.resolve("out");
            Files.createDirectories(classes);
            Files.createDirectories(out);
            List<String> args = new ArrayList<>(List.of("-g", "--release", "11", "-d", classes.toString()));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
                args.add(f.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("javac failed");
            }
            List<Path> classFiles;
            try (Stream<Path> s = Files.walk(classes)) {
                classFiles = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            }
            D8.run(D8Command.builder()
                    .addProgramFiles(classFiles)
                    .setMinApiLevel(26)
                    .setMode(CompilationMode.DEBUG)
                    .setOutput(out, OutputMode.DexIndexed)
                    .build());
            byte[] dex = Files.readAllBytes(out.resolve("classes.dex"));
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            return dex;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A resource table for {@code pkg}: its package block, to add entries to before {@link #axml}. */
    static TableBlock table(String pkg) {
        TableBlock t = new TableBlock();
        t.addFramework(AndroidFrameworks.getLatest().getTableBlock());
        t.newPackage(0x7f, pkg);
        return t;
    }

    static Entry string(TableBlock t, String name, String value) {
        Entry e = t.pickOne().getOrCreate("", "string", name);
        e.setValueAsString(value);
        return e;
    }

    static Entry file(TableBlock t, String type, String name, String path) {
        Entry e = t.pickOne().getOrCreate("", type, name);
        e.setValueAsString(path);
        return e;
    }

    static byte[] arsc(TableBlock t) {
        t.refreshFull();
        return t.getBytes();
    }

    /** Text XML → binary XML (aapt-style), attributes resolved against the framework and {@code t}. */
    static byte[] axml(TableBlock t, String xml) {
        try {
            PackageBlock p = t.pickOne();
            ResXmlDocument d = new ResXmlDocument();
            d.setPackageBlock(p);
            KXmlParser parser = new KXmlParser();
            parser.setFeature("http://xmlpull.org/v1/doc/features.html#process-namespaces", true);
            parser.setInput(new StringReader(xml));
            d.parse(parser);
            d.refreshFull();
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            d.writeBytes(bo);
            return bo.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
