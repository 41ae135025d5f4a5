package dev.triage.testkit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates a portfolio of small real apps — JVM wars and signed Android APKs — with planted flaws and metadata
 * whose consequences are known in advance, so that a test can compute every figure of the portfolio report on its
 * own from the {@link Plan} and compare. Deterministic for a seed (and a reference day for the dates).
 *
 * <p>What is planted, and what each plant makes Triage report (with the default rules less {@code app/stale-app},
 * whose place the report's date-based staleness takes):
 * <ul>
 * <li>JVM {@code Digests.legacyChecksum}: MD5 → {@code java/weak-hash} (CWE-328, 3)</li>
 * <li>JVM/Android {@code Keys.key}: a constant AES key → {@code java/hardcoded-key} (CWE-321, 4)</li>
 * <li>a bundled {@code org.example.fixture:patient-sync:1.2} jar (war {@code WEB-INF/lib}) that the fixture's own
 *     advisory {@link #ADVISORY_ID} (CVSS 9.8, fixed in 1.5) lists → {@code component/vulnerable-dependency}
 *     (CWE-1395, 5)</li>
 * <li>Android {@code android:debuggable="true"} → {@code android/debuggable} (CWE-489, 4);
 *     {@code android:usesCleartextTraffic="true"} → {@code android/cleartext-traffic} (CWE-319, 3);
 *     Firebase Analytics' package in the DEX → {@code android/tracker-sdk} (CWE-359, 2);
 *     the Android debug certificate → {@code android/debug-certificate} (CWE-489, 3)</li>
 * </ul>
 * Clean twins (SHA-256 digests, random keys) and filler classes (records that call each other) make up the rest of
 * each app's code; a few artifacts are corrupt (they cannot be scanned: no code).
 */
public final class PortfolioFixture {
    public static final String ADVISORY_ID = "TRIAGE-FIXTURE-2026-0001";
    public static final String VULNERABLE_LIB = "org.example.fixture:patient-sync:1.2";
    public static final String FIXED_VERSION = "1.5";
    static final String[] CATEGORIES = {"telehealth", "records", "fitness", "pharmacy"};
    static final String[] VENDORS = {"Acme Health", "MediSoft", "CarePoint", "Vitalis", "NordMed", "Helix"};

    /** One flaw Triage is expected to report. */
    public record Flaw(String rule, int cwe, int severity) {
    }

    /** The code and configuration of one app version: which plants it carries. */
    public record Traits(boolean weakHash, boolean hardcodedKey, boolean vulnerableLib, boolean debuggable,
                         boolean cleartext, boolean tracker, boolean debugCert) {
        public List<Flaw> flaws(String platform) {
            List<Flaw> f = new ArrayList<>();
            if (weakHash) f.add(new Flaw("java/weak-hash", 328, 3));
            if (hardcodedKey) f.add(new Flaw("java/hardcoded-key", 321, 4));
            if ("jvm".equals(platform) && vulnerableLib) f.add(new Flaw("component/vulnerable-dependency", 1395, 5));
            if ("android".equals(platform)) {
                if (debuggable) f.add(new Flaw("android/debuggable", 489, 4));
                if (cleartext) f.add(new Flaw("android/cleartext-traffic", 319, 3));
                if (tracker) f.add(new Flaw("android/tracker-sdk", 359, 2));
                if (debugCert) f.add(new Flaw("android/debug-certificate", 489, 3));
            }
            return f;
        }
    }

    /**
     * One planned app version.
     *
     * @param buildDay        the build date Triage will find (epoch day), or null for a corrupt artifact
     * @param storeUpdatedDay the manifest's store_updated date (epoch day), or null when left out
     * @param corrupt         not a readable app: its scan fails
     */
    public record App(String key, String name, String platform, String category, String vendor, String version,
                      Path file, Integer buildDay, Integer storeUpdatedDay, boolean corrupt, Traits traits) {
        public List<Flaw> flaws() {
            return corrupt ? List.of() : traits.flaws(platform);
        }
    }

    /** The portfolio: its apps (one version each), the manifest listing them, the advisory folder for {@code db import}. */
    public record Plan(Path dir, Path manifest, Path advisories, LocalDate today, List<App> apps) {
    }

    private final Path dir;
    private final long seed;
    private final LocalDate today;
    private final int fillerClasses;
    private Map<String, byte[]> jvmClasses;
    private Map<String, byte[]> dex;

    /**
     * @param dir           where the apps, manifests and advisories go
     * @param today         the reference day: dates are planted 30 days or five years before it
     * @param fillerClasses filler classes per app (the benchmark's apps have about 50 classes in all)
     */
    public PortfolioFixture(Path dir, long seed, LocalDate today, int fillerClasses) {
        this.dir = dir;
        this.seed = seed;
        this.today = today;
        this.fillerClasses = fillerClasses;
    }

    /** Generates {@code jvm} wars, {@code android} APKs and {@code corrupt} unreadable artifacts, and their manifest. */
    public Plan generate(int jvm, int android, int corrupt) {
        try {
            Files.createDirectories(dir.resolve("apps"));
            Random rnd = new Random(seed);
            List<App> apps = new ArrayList<>();
            int total = jvm + android + corrupt;
            for (int i = 0; i < total; i++) {
                String platform = i < jvm ? "jvm" : i < jvm + android ? "android" : (i % 2 == 0 ? "jvm" : "android");
                boolean bad = i >= jvm + android;
                String key = String.format(Locale.ROOT, "%s-app-%03d", platform, i);
                String category = CATEGORIES[rnd.nextInt(CATEGORIES.length)];
                String vendor = VENDORS[rnd.nextInt(VENDORS.length)];
                boolean oldBuild = rnd.nextInt(4) == 0;
                int dates = rnd.nextInt(3); // 0: no store date, 1: recent, 2: old
                Integer updated = dates == 0 ? null : (int) (dates == 1 ? today.minusDays(30) : today.minusYears(5)).toEpochDay();
                // about a quarter of apps are clean
                boolean clean = rnd.nextInt(4) == 0;
                Traits t = clean ? new Traits(false, false, false, false, false, false, false)
                        : new Traits(rnd.nextInt(2) == 0, rnd.nextInt(3) == 0, rnd.nextInt(3) == 0, rnd.nextInt(5) == 0,
                        rnd.nextInt(3) == 0, rnd.nextInt(2) == 0, rnd.nextInt(4) == 0);
                apps.add(build(key, platform, category, vendor, "1.0", oldBuild, updated, bad, t));
            }
            return finish(apps, "manifest.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A later round: new versions ({@code version}) of the given apps with other traits, listed with every other app's
     * current version in {@code manifest-<version>.csv}. Returns the plan of the portfolio after that round.
     */
    public Plan nextRound(Plan before, Map<String, Traits> changes, String version) {
        try {
            List<App> apps = new ArrayList<>();
            for (App a : before.apps()) {
                Traits t = changes.get(a.key());
                if (t == null) {
                    apps.add(a);
                } else {
                    boolean oldBuild = a.buildDay() != null && a.buildDay() < today.minusYears(2).toEpochDay();
                    apps.add(build(a.key(), a.platform(), a.category(), a.vendor(), version, oldBuild, a.storeUpdatedDay(), false, t));
                }
            }
            return finish(apps, "manifest-" + version + ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Plan finish(List<App> apps, String manifestName) throws IOException {
        Path manifest = dir.resolve(manifestName);
        StringBuilder csv = new StringBuilder("path,app_id,name,category,vendor,version,store_updated\n");
        for (App a : apps) {
            csv.append(dir.relativize(a.file()).toString().replace('\\', '/')).append(',').append(a.key()).append(',')
                    .append('"').append(a.name()).append('"').append(',').append(a.category()).append(',')
                    .append('"').append(a.vendor()).append('"').append(',').append(a.version()).append(',')
                    .append(a.storeUpdatedDay() == null ? "" : LocalDate.ofEpochDay(a.storeUpdatedDay()).toString()).append('\n');
        }
        Files.writeString(manifest, csv.toString(), StandardCharsets.UTF_8);
        Path advisories = dir.resolve("advisories");
        Files.createDirectories(advisories);
        Files.writeString(advisories.resolve(ADVISORY_ID + ".json"), """
                {"schema_version": "1.6.0", "id": "%s", "modified": "2026-01-10T00:00:00Z", "published": "2026-01-10T00:00:00Z",
                 "aliases": ["CVE-2099-0001"], "summary": "patient-sync deserialises records from the network without a filter",
                 "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                 "affected": [{"package": {"ecosystem": "Maven", "name": "org.example.fixture:patient-sync"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "%s"}]}]}]}
                """.formatted(ADVISORY_ID, FIXED_VERSION), StandardCharsets.UTF_8);
        return new Plan(dir, manifest, advisories, today, List.copyOf(apps));
    }

    private App build(String key, String platform, String category, String vendor, String version, boolean oldBuild,
                      Integer updated, boolean corrupt, Traits t) throws IOException {
        String name = key.replace('-', ' ');
        LocalDate built = oldBuild ? today.minusYears(5) : today.minusDays(30);
        if ("jvm".equals(platform)) {
            Path file = dir.resolve("apps").resolve(key + "-" + version + ".war");
            if (corrupt) {
                Files.write(file, garbage(key));
                return new App(key, name, platform, category, vendor, version, file, null, updated, true, t);
            }
            war(file, t, built);
            stamp(file, built);
            return new App(key, name, platform, category, vendor, version, file, (int) built.toEpochDay(), updated, false, t);
        }
        Path file = dir.resolve("apps").resolve(key + "-" + version + ".apk");
        if (corrupt) {
            Files.write(file, garbage(key));
            return new App(key, name, platform, category, vendor, version, file, null, updated, true, t);
        }
        apk(file, t);
        stamp(file, built);
        return new App(key, name, platform, category, vendor, version, file, (int) built.toEpochDay(), updated, false, t);
    }

    /**
     * Gives the artifact the build's time: Triage takes the newest time among the entries and the input file itself
     * (an APK's entries carry the testkit's fixed 2020 stamp, older than any build date planted here).
     */
    private static void stamp(Path file, LocalDate built) throws IOException {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                built.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 12 * 3_600_000L));
    }

    private static byte[] garbage(String key) {
        byte[] b = ("PK\u0003\u0004 not really a zip: " + key).getBytes(StandardCharsets.UTF_8);
        return b;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // JVM wars

    private void war(Path file, Traits t, LocalDate built) throws IOException {
        Map<String, byte[]> classes = jvmClasses();
        long time = built.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 12 * 3_600_000L;
        Map<String, byte[]> entries = new TreeMap<>();
        for (var e : classes.entrySet()) {
            String simple = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            if (simple.startsWith("Digests") && !t.weakHash()) continue;
            if (simple.startsWith("Keys") && !t.hardcodedKey()) continue;
            if (simple.startsWith("Record") && Integer.parseInt(simple.replaceAll("\\D", "")) >= fillerClasses) continue;
            entries.put("WEB-INF/classes/" + e.getKey(), e.getValue());
        }
        if (t.vulnerableLib()) entries.put("WEB-INF/lib/patient-sync-1.2.jar", libraryJar(time));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTime(time);
                zip.putNextEntry(ze);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    private static byte[] libraryJar(long time) throws IOException {
        String[] gav = VULNERABLE_LIB.split(":");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry ze = new ZipEntry("META-INF/maven/" + gav[0] + "/" + gav[1] + "/pom.properties");
            ze.setTime(time);
            zip.putNextEntry(ze);
            zip.write(("groupId=" + gav[0] + "\nartifactId=" + gav[1] + "\nversion=" + gav[2] + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private synchronized Map<String, byte[]> jvmClasses() throws IOException {
        if (jvmClasses == null) jvmClasses = compile(sources("fixture.app", true), List.of());
        return jvmClasses;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Android APKs

    private void apk(Path file, Traits t) {
        String manifest = """
                <?xml version="1.0" encoding="utf-8"?>
                <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="fixture.droid">
                    <uses-sdk android:minSdkVersion="26" android:targetSdkVersion="34"/>
                    <uses-permission android:name="android.permission.INTERNET"/>
                    <application android:allowBackup="false"%s%s/>
                </manifest>
                """.formatted(t.debuggable() ? " android:debuggable=\"true\"" : "",
                t.cleartext() ? " android:usesCleartextTraffic=\"true\"" : "");
        String variant = (t.weakHash() ? "h" : "") + (t.hardcodedKey() ? "k" : "") + (t.tracker() ? "t" : "");
        AndroidTestApp.builder().manifest(manifest).file("classes.dex", dex(variant))
                .signing(t.debugCert() ? Signing.debug() : Signing.release()).buildApk(file);
    }

    /** The DEX of one combination of code plants, made once per fixture. */
    private synchronized byte[] dex(String variant) {
        if (dex == null) dex = new TreeMap<>();
        return dex.computeIfAbsent(variant, v -> {
            AndroidTestApp b = AndroidTestApp.builder();
            for (var src : sources("fixture.droid", false).entrySet()) {
                String simple = src.getKey().substring(src.getKey().lastIndexOf('.') + 1);
                if (simple.equals("Digests") && !v.contains("h")) continue;
                if (simple.equals("Keys") && !v.contains("k")) continue;
                if (simple.startsWith("Record") && Integer.parseInt(simple.replaceAll("\\D", "")) >= fillerClasses) continue;
                b.javaSource(src.getKey(), src.getValue());
            }
            if (v.contains("t")) {
                b.javaSource("com.google.firebase.analytics.FirebaseAnalytics", """
                        package com.google.firebase.analytics;
                        public final class FirebaseAnalytics {
                            private final java.util.Map<String, String> events = new java.util.HashMap<>();
                            public void logEvent(String name, String value) { events.put(name, value); }
                        }
                        """);
            }
            try {
                Path tmp = Files.createTempFile("fixture", ".dex");
                try {
                    b.buildDex(tmp);
                    return Files.readAllBytes(tmp);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Sources

    /** The plants, their clean twins and the filler records, as Java sources by class name. */
    private Map<String, String> sources(String pkg, boolean allFillers) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(pkg + ".Digests", """
                package %s;
                public final class Digests {
                    public static byte[] legacyChecksum(byte[] data) throws java.security.GeneralSecurityException {
                        return java.security.MessageDigest.getInstance("MD5").digest(data);
                    }
                }
                """.formatted(pkg));
        s.put(pkg + ".Checksums", """
                package %s;
                public final class Checksums {
                    public static byte[] checksum(byte[] data) throws java.security.GeneralSecurityException {
                        return java.security.MessageDigest.getInstance("SHA-256").digest(data);
                    }
                }
                """.formatted(pkg));
        s.put(pkg + ".Keys", """
                package %s;
                public final class Keys {
                    public static javax.crypto.spec.SecretKeySpec key() {
                        return new javax.crypto.spec.SecretKeySpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "AES");
                    }
                }
                """.formatted(pkg));
        s.put(pkg + ".SessionKeys", """
                package %s;
                public final class SessionKeys {
                    public static javax.crypto.SecretKey fresh() throws java.security.GeneralSecurityException {
                        javax.crypto.KeyGenerator g = javax.crypto.KeyGenerator.getInstance("AES");
                        g.init(256);
                        return g.generateKey();
                    }
                }
                """.formatted(pkg));
        int fillers = allFillers ? Math.max(fillerClasses, 1) : fillerClasses;
        for (int i = 0; i < fillers; i++) {
            String prev = i == 0 ? "" : "    public String describe(Record%d other) { return name + \"/\" + other.getName() + size(); }\n".formatted(i - 1);
            s.put(pkg + ".Record" + i, """
                    package %s;
                    public final class Record%d {
                        private String name;
                        private int visits;
                        public String getName() { return name; }
                        public void setName(String name) { this.name = name; }
                        public int getVisits() { return visits; }
                        public void setVisits(int visits) { this.visits = visits; }
                        public int size() { return name == null ? 0 : name.length() + visits; }
                        @Override public String toString() { return "Record%d[" + name + "," + visits + "]"; }
                    %s}
                    """.formatted(pkg, i, i, prev));
        }
        return s;
    }

    /** Compiles sources with the JDK's javac into class files by internal path ({@code a/b/C.class}). */
    private static Map<String, byte[]> compile(Map<String, String> sources, List<Path> classPath) throws IOException {
        Path work = Files.createTempDirectory("fixture-src");
        try {
            List<String> files = new ArrayList<>();
            for (var e : sources.entrySet()) {
                Path f = work.resolve("src").resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
                files.add(f.toString());
            }
            Path out = work.resolve("classes");
            Files.createDirectories(out);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-g", "--release", "11", "-d", out.toString()));
            if (!classPath.isEmpty()) {
                args.add("-cp");
                args.add(String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
            }
            args.addAll(files);
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            if (javac.run(null, null, errors, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("fixture sources do not compile: " + errors);
            }
            Map<String, byte[]> classes = new TreeMap<>();
            try (Stream<Path> s = Files.walk(out)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    classes.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
            return classes;
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
