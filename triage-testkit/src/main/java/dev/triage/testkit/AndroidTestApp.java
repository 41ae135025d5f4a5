package dev.triage.testkit;

import com.android.apksig.ApkSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds real, deterministic Android test apps (APK, AAB, AAR, bare DEX) inside tests, without the Android SDK:
 * javac → D8 for Java sources, smali for smali sources, ARSCLib for binary XML and resources.arsc, apksig for
 * signatures.
 * <pre>
 * Path apk = AndroidTestApp.builder()
 *     .manifest(manifestXml)
 *     .resource("res/values/strings.xml", stringsXml)
 *     .resource("res/xml/network_security_config.xml", nscXml)
 *     .file("assets/config.json", bytes)
 *     .javaSources(List.of(mainActivityJava))
 *     .signing(Signing.debug())
 *     .buildApk(tempDir.resolve("app.apk"));
 * </pre>
 * A builder may be used for several outputs; each build reads its current state.
 */
public final class AndroidTestApp {
    private static final String DEFAULT_MANIFEST = """
            <?xml version="1.0" encoding="utf-8"?>
            <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="dev.triage.testapp">
                <application/>
            </manifest>
            """;
    private static final Pattern MIN_SDK = Pattern.compile("minSdkVersion\\s*=\\s*\"(\\d+)\"");

    private String manifest;
    private final TreeMap<String, String> resources = new TreeMap<>();
    private final TreeMap<String, byte[]> files = new TreeMap<>();
    private final List<Path> javaSources = new ArrayList<>();
    private final TreeMap<String, String> javaSourceTexts = new TreeMap<>();
    private final List<Path> classPath = new ArrayList<>();
    private final List<Path> libraryJars = new ArrayList<>();
    private final List<Path> smaliSources = new ArrayList<>();
    private final List<Path> kotlinSources = new ArrayList<>();
    private static final java.util.Map<String, List<byte[]>> RUNTIME_DEX = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> smaliTexts = new ArrayList<>();
    private int classesPerDex;
    private Signing signing = Signing.release();
    private Integer minApi;
    private int javaRelease = 11;
    private Path androidJar;
    private String format = "apk";

    private AndroidTestApp() {}

    /** A new, empty builder (release signing, Java release 11). */
    public static AndroidTestApp builder() {
        return new AndroidTestApp();
    }

    /**
     * A builder filled from a test-case folder:
     * <ul>
     * <li>{@code AndroidManifest.xml} → {@link #manifest}</li>
     * <li>{@code res/values*}{@code /*.xml} and other {@code res/<type>/*.xml} (not raw) → {@link #resource};
     *     other files under {@code res/} → {@link #file}</li>
     * <li>{@code assets/**} → {@link #file}; {@code root/**} → {@link #file} without the {@code root/} prefix</li>
     * <li>{@code **}{@code /*.java} → {@link #javaSources}; {@code **}{@code /*.smali} → {@link #smaliSources};
     *     {@code libs/*.jar} → {@link #libraryJars}</li>
     * <li>{@code apk.properties} (optional): {@code signing=release|debug|unsigned}, {@code schemes=v1,v2,v3},
     *     {@code digest=SHA1withRSA|MD5withRSA}, {@code expired=true}, {@code subject=CN=...},
     *     {@code classesPerDex=N}, {@code minApi=N}, {@code javaRelease=N}</li>
     * </ul>
     * Other files (expected results, notes) are ignored.
     */
    public static AndroidTestApp fromDirectory(Path dir) {
        AndroidTestApp b = builder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.")) continue;
                if (rel.equals("AndroidManifest.xml")) {
                    b.manifest(Files.readString(f));
                } else if (rel.startsWith("res/")) {
                    String type = AndroidResources.splitResPath(rel)[0];
                    if (rel.endsWith(".xml") && !type.equals("raw")) b.resource(rel, Files.readString(f));
                    else b.file(rel, Files.readAllBytes(f));
                } else if (rel.startsWith("assets/")) {
                    b.file(rel, Files.readAllBytes(f));
                } else if (rel.startsWith("root/")) {
                    b.file(rel.substring("root/".length()), Files.readAllBytes(f));
                } else if (rel.startsWith("libs/") && rel.endsWith(".jar")) {
                    b.libraryJars(List.of(f));
                } else if (rel.endsWith(".java")) {
                    b.javaSources(List.of(f));
                } else if (rel.endsWith(".kt")) {
                    b.kotlinSources(List.of(f));
                } else if (rel.endsWith(".smali")) {
                    b.smaliSources(List.of(f));
                } else if (rel.equals("apk.properties")) {
                    java.util.Properties p = new java.util.Properties();
                    try (var in = Files.newBufferedReader(f)) {
                        p.load(in);
                    }
                    b.properties(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b;
    }

    /** Applies apk.properties-style settings (see {@link #fromDirectory}); unknown keys are refused. */
    public AndroidTestApp properties(java.util.Properties p) {
        Signing s = switch (p.getProperty("signing", "release").trim()) {
            case "release" -> Signing.release();
            case "debug" -> Signing.debug();
            case "unsigned" -> Signing.unsigned();
            default -> throw new IllegalArgumentException("signing must be release, debug or unsigned: " + p.getProperty("signing"));
        };
        if (p.getProperty("subject") != null) s = s.subject(p.getProperty("subject").trim());
        if (p.getProperty("schemes") != null) s = s.schemes(p.getProperty("schemes").trim().split("\\s*,\\s*"));
        if (p.getProperty("digest") != null) s = s.digest(p.getProperty("digest").trim());
        if (Boolean.parseBoolean(p.getProperty("expired", "false").trim())) s = s.expired();
        signing(s);
        if (p.getProperty("classesPerDex") != null) classesPerDex(Integer.parseInt(p.getProperty("classesPerDex").trim()));
        if (p.getProperty("minApi") != null) minApi(Integer.parseInt(p.getProperty("minApi").trim()));
        if (p.getProperty("format") != null) format(p.getProperty("format").trim());
        if (p.getProperty("javaRelease") != null) javaRelease(Integer.parseInt(p.getProperty("javaRelease").trim()));
        for (String key : p.stringPropertyNames()) {
            if (!Set.of("signing", "subject", "schemes", "digest", "expired", "classesPerDex", "minApi", "javaRelease", "format").contains(key)) {
                throw new IllegalArgumentException("unknown apk.properties key: " + key);
            }
        }
        return this;
    }

    /** Text AndroidManifest.xml; encoded to binary XML keeping each element's start line. */
    public AndroidTestApp manifest(String xmlText) {
        this.manifest = Objects.requireNonNull(xmlText);
        return this;
    }

    /**
     * A resource XML text: {@code res/values[-qualifiers]/*.xml} go into resources.arsc; other
     * {@code res/<type>[-qualifiers]/<name>.xml} files (xml, layout, menu, drawable...) become binary XML files
     * with a table entry {@code @type/name}.
     */
    public AndroidTestApp resource(String path, String xmlText) {
        AndroidResources.splitResPath(path);
        resources.put(path, Objects.requireNonNull(xmlText));
        return this;
    }

    /** Any other file, verbatim: assets/..., res/raw/... (gets a table entry), META-INF/..., lib/... */
    public AndroidTestApp file(String path, byte[] bytes) {
        if (path.startsWith("/") || path.contains("\\")) throw new IllegalArgumentException("archive paths are relative with '/': " + path);
        files.put(path, bytes.clone());
        return this;
    }

    /** A text file, UTF-8. */
    public AndroidTestApp file(String path, String text) {
        return file(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Java source files, compiled with {@code javac -g --release 11} against android-all (+ {@link #classPath}). */
    public AndroidTestApp javaSources(List<Path> files) {
        javaSources.addAll(files);
        return this;
    }

    /** One Java source given as text; its file name comes from the public type's name. */
    public AndroidTestApp javaSource(String qualifiedClassName, String code) {
        javaSourceTexts.put(qualifiedClassName, code);
        return this;
    }

    /** Compile-only extra jars (not packaged). */
    public AndroidTestApp classPath(List<Path> jars) {
        classPath.addAll(jars);
        return this;
    }

    /** Jars dexed into the app as library code (and on the compile class path). */
    public AndroidTestApp libraryJars(List<Path> jars) {
        libraryJars.addAll(jars);
        return this;
    }

    /**
     * Kotlin source files, compiled in-process with kotlinc (JVM target 1.8) before the Java sources (which may use
     * them); the Kotlin standard library and kotlinx-coroutines found on the class path are dexed into the app as
     * library code, as an Android build ships them. Needs kotlin-compiler-embeddable on the class path.
     */
    public AndroidTestApp kotlinSources(List<Path> files) {
        kotlinSources.addAll(files);
        return this;
    }

    /** Smali files, assembled with smali into the same DEX set. */
    public AndroidTestApp smaliSources(List<Path> files) {
        smaliSources.addAll(files);
        return this;
    }

    /** One smali class given as text. */
    public AndroidTestApp smaliSource(String smaliText) {
        smaliTexts.add(smaliText);
        return this;
    }

    /** Forces multi-dex: at most {@code n} classes per DEX file (classes.dex, classes2.dex, ...). */
    public AndroidTestApp classesPerDex(int n) {
        if (n < 1) throw new IllegalArgumentException("classesPerDex must be at least 1");
        this.classesPerDex = n;
        return this;
    }

    /** How the APK is signed (default {@link Signing#release()}). */
    public AndroidTestApp signing(Signing s) {
        this.signing = Objects.requireNonNull(s);
        return this;
    }

    /** D8's min API level (default: the manifest's minSdkVersion raised to at least 21, or 24 without one). */
    public AndroidTestApp minApi(int api) {
        this.minApi = api;
        return this;
    }

    /** javac --release (default 11). */
    public AndroidTestApp javaRelease(int release) {
        this.javaRelease = release;
        return this;
    }

    /** The android-all jar to compile against (default: found on the class path). */
    public AndroidTestApp androidJar(Path jar) {
        this.androidJar = jar;
        return this;
    }

    // ------------------------------------------------------------------------------------------ outputs

    /** The output kind {@link #build(Path)} writes: apk (default), aab, aar or dex. */
    public AndroidTestApp format(String kind) {
        if (!Set.of("apk", "aab", "aar", "dex").contains(kind)) throw new IllegalArgumentException("format must be apk, aab, aar or dex: " + kind);
        this.format = kind;
        return this;
    }

    /** The output kind of {@link #build(Path)}. */
    public String format() {
        return format;
    }

    /** Builds the {@link #format()} output (buildApk, buildAab, buildAar or buildDex). */
    public Path build(Path out) {
        return switch (format) {
            case "aab" -> buildAab(out);
            case "aar" -> buildAar(out);
            case "dex" -> buildDex(out);
            default -> buildApk(out);
        };
    }

    /** A signed (or unsigned) APK. Returns {@code out}. */
    public Path buildApk(Path out) {
        try (Work work = new Work()) {
            String mf = manifestText();
            AndroidResources.Compiled res = AndroidResources.compile(mf, resources, files.keySet());
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("AndroidManifest.xml", res.manifest.bytes());
            TreeMap<String, byte[]> rest = new TreeMap<>();
            List<byte[]> dexes = dex(work, mf);
            for (int i = 0; i < dexes.size(); i++) rest.put(dexName(i), dexes.get(i));
            for (var x : res.xmlFiles.values()) rest.put(x.path(), x.bytes());
            if (!res.packageBlock.isEmpty()) rest.put("resources.arsc", res.tableBytes);
            for (var f : files.entrySet()) {
                if (rest.containsKey(f.getKey()) || f.getKey().equals("AndroidManifest.xml")) {
                    throw new IllegalArgumentException("file " + f.getKey() + " clashes with a generated entry");
                }
                rest.put(f.getKey(), f.getValue());
            }
            entries.putAll(rest);
            Set<String> stored = Set.of("resources.arsc");
            if (!signing.isSigned()) {
                DeterministicZip.write(out, entries, stored);
                return out;
            }
            Path unsigned = work.dir.resolve("unsigned.apk");
            DeterministicZip.write(unsigned, entries, stored);
            sign(unsigned, out, mf);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bare DEX file holding every class (Java, library jars, smali). Returns {@code out}. */
    public Path buildDex(Path out) {
        try (Work work = new Work()) {
            List<byte[]> dexes = dex(work, manifestText());
            if (dexes.size() != 1) dexes = DexCompiler.split(dexes, 0, effectiveMinApi(manifestText()));
            write(out, dexes.get(0));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An Android library archive: classes.jar (javac output), AndroidManifest.xml and res/ as text, assets/,
     * library jars under libs/. Smali sources are not packaged (an AAR holds JVM classes). Returns {@code out}.
     */
    public Path buildAar(Path out) {
        try (Work work = new Work()) {
            Path classes = compileJava(work);
            TreeMap<String, byte[]> jar = new TreeMap<>();
            if (classes != null) {
                try (Stream<Path> s = Files.walk(classes)) {
                    for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                        jar.put(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
            }
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("AndroidManifest.xml", manifestText().getBytes(StandardCharsets.UTF_8));
            TreeMap<String, byte[]> rest = new TreeMap<>();
            rest.put("classes.jar", zipBytes(jar));
            for (var r : resources.entrySet()) rest.put(r.getKey(), r.getValue().getBytes(StandardCharsets.UTF_8));
            for (Path lib : libraryJars) rest.put("libs/" + lib.getFileName(), Files.readAllBytes(lib));
            rest.putAll(files);
            entries.putAll(rest);
            DeterministicZip.write(out, entries, Set.of());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bundletool-style Android App Bundle (unsigned): base/manifest/AndroidManifest.xml and base/res/**.xml as
     * aapt2 protobuf XML (with source line numbers), base/resources.pb, base/dex/classes*.dex, base/assets/**,
     * base/root/** (other files), BundleConfig.pb. Returns {@code out}.
     */
    public Path buildAab(Path out) {
        try (Work work = new Work()) {
            String mf = manifestText();
            AndroidResources.Compiled res = AndroidResources.compile(mf, resources, files.keySet());
            TreeMap<String, byte[]> entries = new TreeMap<>();
            entries.put("BundleConfig.pb", AabProto.bundleConfig());
            entries.put("base/manifest/AndroidManifest.xml", AabProto.xml(res.manifest).toByteArray());
            List<byte[]> dexes = dex(work, mf);
            for (int i = 0; i < dexes.size(); i++) entries.put("base/dex/" + dexName(i), dexes.get(i));
            for (var x : res.xmlFiles.values()) entries.put("base/" + x.path(), AabProto.xml(x).toByteArray());
            if (!res.packageBlock.isEmpty()) entries.put("base/resources.pb", AabProto.table(res).toByteArray());
            for (var f : files.entrySet()) {
                String p = f.getKey();
                String target = p.startsWith("assets/") || p.startsWith("res/") || p.startsWith("lib/") ? "base/" + p : "base/root/" + p;
                entries.put(target, f.getValue());
            }
            DeterministicZip.write(out, entries, Set.of());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ internals

    private String manifestText() {
        return manifest == null ? DEFAULT_MANIFEST : manifest;
    }

    private int effectiveMinApi(String mf) {
        if (minApi != null) return minApi;
        Matcher m = MIN_SDK.matcher(mf);
        if (m.find()) return Math.max(21, Integer.parseInt(m.group(1)));
        return 24;
    }

    private static String dexName(int i) {
        return i == 0 ? "classes.dex" : "classes" + (i + 1) + ".dex";
    }

    private Path androidJar() {
        return androidJar != null ? androidJar : DexCompiler.findAndroidJar();
    }

    /** javac into a work directory; null when there are no Java sources. */
    private Path compileJava(Work work) throws IOException {
        List<Path> sources = new ArrayList<>(javaSources);
        Path kotlinClasses = null;
        if (!kotlinSources.isEmpty()) {
            kotlinClasses = work.dir.resolve("kotlin-classes");
            List<Path> cp = new ArrayList<>();
            cp.add(androidJar());
            cp.addAll(classPath);
            cp.addAll(libraryJars);
            cp.addAll(kotlinRuntime());
            List<Path> all = new ArrayList<>(kotlinSources);
            all.addAll(javaSources);
            KotlinCompiler.kotlinc(all, cp, kotlinClasses);
        }
        if (!javaSourceTexts.isEmpty()) {
            Path srcDir = work.dir.resolve("src");
            for (var e : javaSourceTexts.entrySet()) {
                Path f = srcDir.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
                sources.add(f);
            }
        }
        if (sources.isEmpty()) return kotlinClasses;
        Path classes = kotlinClasses != null ? kotlinClasses : work.dir.resolve("classes");
        Files.createDirectories(classes);
        List<Path> cp = new ArrayList<>();
        cp.add(androidJar());
        cp.addAll(classPath);
        cp.addAll(libraryJars);
        if (kotlinClasses != null) {
            cp.add(kotlinClasses);
            cp.addAll(kotlinRuntime());
        }
        DexCompiler.javac(sources, cp, javaRelease, classes);
        return classes;
    }

    /** The Kotlin runtime libraries an app with Kotlin code ships: found on this JVM's class path. */
    private List<Path> kotlinRuntime() {
        List<Path> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String n = Path.of(e).getFileName().toString();
            if (n.matches("kotlin-stdlib-\\d.*\\.jar") || n.matches("kotlinx-coroutines-core-jvm-.*\\.jar")) out.add(Path.of(e));
        }
        out.removeAll(libraryJars);
        return out;
    }

    private List<byte[]> dex(Work work, String mf) throws IOException {
        int api = effectiveMinApi(mf);
        Path classes = compileJava(work);
        List<Path> program = new ArrayList<>();
        if (classes != null) program.add(classes);
        program.addAll(libraryJars);
        List<Path> runtime = kotlinSources.isEmpty() ? List.of() : kotlinRuntime();
        List<byte[]> dexes = new ArrayList<>();
        List<Path> libs = List.of(androidJar());
        // a jar is either program or class path for D8, never both
        java.util.Set<Path> cp = new java.util.LinkedHashSet<>(classPath);
        cp.addAll(runtime);
        if (!program.isEmpty()) {
            List<Path> appCp = new ArrayList<>(cp);
            appCp.removeAll(program);
            dexes.addAll(DexCompiler.d8(program, libs, appCp, api));
        }
        if (!runtime.isEmpty()) {
            // The Kotlin runtime is the same for every Kotlin app of a test run: dexed once (into its own DEX files).
            List<Path> runtimeCp = new ArrayList<>(cp);
            runtimeCp.removeAll(runtime);
            dexes.addAll(RUNTIME_DEX.computeIfAbsent(runtime + "@" + api, k -> DexCompiler.d8(runtime, libs, runtimeCp, api)));
        }
        List<Path> smali = new ArrayList<>(smaliSources);
        for (int i = 0; i < smaliTexts.size(); i++) {
            Path f = work.dir.resolve("smali/s" + i + ".smali");
            Files.createDirectories(f.getParent());
            Files.writeString(f, smaliTexts.get(i));
            smali.add(f);
        }
        if (!smali.isEmpty()) dexes.add(DexCompiler.smali(smali, api, work.dir));
        if (classesPerDex > 0 || !smali.isEmpty() && dexes.size() > 1) dexes = DexCompiler.split(dexes, classesPerDex, api);
        return dexes;
    }

    private void sign(Path unsigned, Path out, String mf) throws IOException {
        Certificates.KeyAndCertificate kc = signing.keyAndCertificate();
        ApkSigner.SignerConfig config = new ApkSigner.SignerConfig.Builder("CERT", kc.privateKey(), List.of(kc.certificate())).build();
        Set<Signing.Scheme> schemes = signing.schemes();
        ApkSigner.Builder b = new ApkSigner.Builder(List.of(config))
                .setInputApk(unsigned.toFile())
                .setOutputApk(out.toFile())
                .setV1SigningEnabled(schemes.contains(Signing.Scheme.V1))
                .setV2SigningEnabled(schemes.contains(Signing.Scheme.V2))
                .setV3SigningEnabled(schemes.contains(Signing.Scheme.V3))
                .setV4SigningEnabled(false)
                .setDebuggableApkPermitted(true)
                .setCreatedBy("1.0 (Triage testkit)");
        Integer min = signing.minSdkOverride();
        if (min == null && !signing.certificateAlgorithm().startsWith("SHA256") && !signing.certificateAlgorithm().startsWith("SHA512")) min = 1;
        if (min != null) b.setMinSdkVersion(min);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            b.build().sign();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("apksig failed: " + e.getMessage(), e);
        }
    }

    private static void write(Path out, byte[] data) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(out, data);
    }

    private static byte[] zipBytes(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        DeterministicZip.write(bos, entries, Set.of());
        return bos.toByteArray();
    }

    /** A temporary work directory, deleted afterwards. */
    private static final class Work implements AutoCloseable {
        final Path dir;

        Work() throws IOException {
            dir = Files.createTempDirectory("triage-testkit");
        }

        @Override
        public void close() {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // temp files only
            }
        }
    }
}
