package dev.triage.intake;

import dev.triage.testkit.AndroidTestApp;
import dev.triage.testkit.Signing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AAB and AAR intake on real bundles and libraries built by the testkit from the same text inputs as an APK: the
 * intake output (classes with roles and origins, decoded manifest and resources, resource table, assets) is the
 * same kind as the APK's, and for an AAB the decoded texts are identical to the APK's.
 */
class AndroidAabAarTest {
    static final String MANIFEST = """
            <?xml version="1.0" encoding="utf-8"?>
            <manifest xmlns:android="http://schemas.android.com/apk/res/android"
                package="com.acme.health">

              <uses-sdk android:minSdkVersion="23" android:targetSdkVersion="30"/>
              <uses-permission android:name="android.permission.INTERNET"/>
              <permission android:name="com.acme.health.READ" android:protectionLevel="signature|privileged"/>

              <application android:label="@string/app_name" android:allowBackup="true"
                  android:debuggable="true"
                  android:networkSecurityConfig="@xml/network_security_config">
                <activity android:name=".MainActivity" android:launchMode="singleTask"
                    android:exported="true">
                  <intent-filter>
                    <action android:name="android.intent.action.VIEW"/>
                    <category android:name="android.intent.category.BROWSABLE"/>
                    <data android:scheme="acme" android:host="open"/>
                  </intent-filter>
                </activity>
                <service android:name="com.partner.sync.SyncService" android:exported="false"/>
                <provider android:name=".data.RecordsProvider" android:authorities="com.acme.health.records"
                    android:exported="true" android:grantUriPermissions="true"/>
              </application>
            </manifest>
            """;

    static final String STRINGS = """
            <?xml version="1.0" encoding="utf-8"?>
            <resources>
              <string name="app_name">Acme Health</string>
              <string name="api_key">AIzaSyTEST</string>
              <bool name="debug_mode">true</bool>
              <integer name="retries">3</integer>
              <color name="brand">#FF3366</color>
              <dimen name="margin">16dp</dimen>
            </resources>
            """;

    static final String STRINGS_DE = """
            <?xml version="1.0" encoding="utf-8"?>
            <resources>
              <string name="app_name">Acme Gesundheit</string>
            </resources>
            """;

    static final String NSC = """
            <?xml version="1.0" encoding="utf-8"?>
            <network-security-config>
              <base-config cleartextTrafficPermitted="true">
                <trust-anchors>
                  <certificates src="user"/>
                </trust-anchors>
              </base-config>
            </network-security-config>
            """;

    static final String LAYOUT = """
            <?xml version="1.0" encoding="utf-8"?>
            <LinearLayout xmlns:android="http://schemas.android.com/apk/res/android"
                android:orientation="vertical" android:layout_width="match_parent"
                android:layout_height="match_parent">
              <Button android:id="@+id/send" android:layout_width="wrap_content"
                  android:layout_height="wrap_content" android:onClick="send"
                  android:text="@string/app_name"/>
            </LinearLayout>
            """;

    static final String MAIN = """
            package com.acme.health;

            public class MainActivity extends android.app.Activity {
                public String digest(String s) throws Exception {
                    java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
                    return new String(md.digest(s.getBytes()));
                }

                public void send(android.view.View v) {
                    com.vendor.track.Tracker.hit("send");
                }
            }
            """;

    static Path dir;
    static Path apk;
    static Path aab;
    static Path aar;
    static Path vendorJar;

    @TempDir
    static Path tmp;

    @BeforeAll
    static synchronized void build() throws IOException {
        if (apk != null) {
            return;
        }
        dir = Files.createTempDirectory("triage-aab-aar");
        // a library jar: the classes.jar of a small AAR
        Path vendorAar = AndroidTestApp.builder()
                .javaSource("com.vendor.track.Tracker",
                        "package com.vendor.track; public class Tracker { public static void hit(String s) {} }")
                .buildAar(dir.resolve("vendor.aar"));
        vendorJar = dir.resolve("vendor-track-1.0.jar");
        try (ZipFile z = new ZipFile(vendorAar.toFile())) {
            Files.write(vendorJar, z.getInputStream(z.getEntry("classes.jar")).readAllBytes());
        }
        AndroidTestApp app = app();
        apk = app.signing(Signing.release()).buildApk(dir.resolve("app.apk"));
        aab = app.buildAab(dir.resolve("app.aab"));
        aar = app.buildAar(dir.resolve("lib.aar"));
    }

    static AndroidTestApp app() {
        return AndroidTestApp.builder()
                .manifest(MANIFEST)
                .resource("res/values/strings.xml", STRINGS)
                .resource("res/values-de/strings.xml", STRINGS_DE)
                .resource("res/xml/network_security_config.xml", NSC)
                .resource("res/layout/activity_main.xml", LAYOUT)
                .file("assets/config.json", "{\"token\":\"abc\"}")
                .file("assets/blob.bin", new byte[] {1, 0, 2})
                .file("res/raw/seed.json", "{\"seed\":1}")
                .file("META-INF/androidx.core_core.version", "1.12.0")
                .file("config/app.properties", "db.password=hunter2\n")
                .javaSource("com.acme.health.MainActivity", MAIN)
                .javaSource("com.acme.health.data.RecordsProvider", """
                        package com.acme.health.data;
                        public class RecordsProvider {
                            public String query(String id) { return "select * from r where id=" + id; }
                        }
                        """)
                .javaSource("com.partner.sync.SyncService", """
                        package com.partner.sync;
                        public class SyncService { public void run() { } }
                        """)
                .libraryJars(List.of(vendorJar));
    }

    static AppBundle read(Path file) {
        return new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(file));
    }

    static String resource(AppBundle b, String name) {
        return b.resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .map(r -> new String(r.bytes(), StandardCharsets.UTF_8)).orElse(null);
    }

    static Map<String, ClassEntry> classes(AppBundle b) {
        Map<String, ClassEntry> m = new TreeMap<>();
        b.classes().forEach(c -> m.put(c.internalName(), c));
        return m;
    }

    /** The entries of a zip, in order. */
    static Map<String, byte[]> entries(Path zip) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            var en = z.entries();
            while (en.hasMoreElements()) {
                var e = en.nextElement();
                m.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return m;
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- AAB

    @Test
    void aabDecodesToTheSameTextsAsTheApk() {
        AppBundle a = read(apk);
        AppBundle b = read(aab);
        assertTrue(b.skipped().isEmpty(), b.skipped().toString());
        for (String name : List.of("AndroidManifest.xml", "android-resources.xml", "res/xml/network_security_config.xml",
                "res/layout/activity_main.xml", "assets/config.json", "res/raw/seed.json", "config/app.properties",
                "META-INF/androidx.core_core.version")) {
            assertNotNull(resource(b, name), name + " in " + b.resources());
            assertEquals(resource(a, name), resource(b, name), name);
        }
        assertEquals(a.resources().stream().map(ResourceEntry::name).sorted().toList(),
                b.resources().stream().map(ResourceEntry::name).sorted().toList());
        assertNull(resource(b, "assets/blob.bin"), "binary assets are not kept");
        assertTrue(b.androidSignings().isEmpty(), "a bundle's upload signature is not the installed APKs'");
    }

    @Test
    void aabManifestKeepsSourceLinesAndAttributeSpelling() {
        String m = resource(read(aab), "AndroidManifest.xml");
        for (String tag : List.of("<uses-sdk", "<uses-permission", "<permission", "<application", "<activity",
                "<intent-filter", "<data", "<service", "<provider")) {
            assertEquals(lineOf(MANIFEST, tag), lineOf(m, tag), tag + " on its source line in\n" + m);
        }
        assertTrue(m.contains("android:networkSecurityConfig=\"@xml/network_security_config\""), m);
        assertTrue(m.contains("android:label=\"@string/app_name\""), m);
        assertTrue(m.contains("android:debuggable=\"true\""), m);
        assertTrue(m.contains("android:launchMode=\"singleTask\""), m);
        assertTrue(m.contains("android:protectionLevel=\"privileged|signature\""), m);
        assertTrue(m.contains("android:minSdkVersion=\"23\""), m);
        String nsc = resource(read(aab), "res/xml/network_security_config.xml");
        assertEquals(lineOf(NSC, "<certificates"), lineOf(nsc, "<certificates src=\"user\"/>"), nsc);
    }

    @Test
    void aabClassesRolesAndOrigins() {
        AppBundle b = read(aab);
        Map<String, ClassEntry> c = classes(b);
        assertEquals(List.of("com/acme/health/MainActivity", "com/acme/health/data/RecordsProvider",
                "com/partner/sync/SyncService", "com/vendor/track/Tracker"), List.copyOf(c.keySet()));
        ClassEntry main = c.get("com/acme/health/MainActivity");
        assertEquals(CodeRole.APP, main.role());
        assertEquals(aab + "!/base/dex/classes.dex!/com/acme/health/MainActivity.class", main.origin());
        assertNull(main.library());
        assertEquals(CodeRole.APP, c.get("com/partner/sync/SyncService").role(), "named in the manifest");
        ClassEntry tracker = c.get("com/vendor/track/Tracker");
        assertEquals(CodeRole.LIBRARY, tracker.role());
        assertEquals(aab + "!/base/dex/classes.dex", tracker.library());
        ResourceEntry manifest = b.resources().stream().filter(r -> r.name().equals("AndroidManifest.xml")).findFirst()
                .orElseThrow();
        assertEquals(aab + "!/base/manifest/AndroidManifest.xml", manifest.origin());
        assertEquals(CodeRole.APP, manifest.role());
    }

    @Test
    void aabMultiDexIsReadInOrder() {
        Path multi = app().classesPerDex(1).buildAab(dir.resolve("multi.aab"));
        AppBundle b = read(multi);
        assertTrue(b.skipped().isEmpty(), b.skipped().toString());
        assertEquals(List.of("classes.dex", "classes2.dex", "classes3.dex", "classes4.dex"), b.classes().stream()
                .map(c -> c.origin().replaceAll(".*!/base/dex/(classes\\d*\\.dex)!/.*", "$1")).toList());
    }

    @Test
    void aabOnTheClassPathIsAllLibrary() {
        AppBundle b = new ArtifactReader(new IntakeOptions(IntakeLimits.DEFAULTS, List.of(), List.of(aab)))
                .readAll(List.of());
        assertFalse(b.classes().isEmpty());
        assertTrue(b.classes().stream().allMatch(c -> c.role() == CodeRole.LIBRARY), b.classes().toString());
        assertTrue(b.resources().stream().filter(r -> r.name().equals("AndroidManifest.xml"))
                .allMatch(r -> r.role() == CodeRole.LIBRARY));
    }

    @Test
    void aabFeatureModulesAreRead() throws IOException {
        // a dynamic feature: its own manifest naming a class of another package, code, a layout that clashes
        // with the base's, a new XML resource, an asset; grafted from a second bundle under feature_scan/
        Path other = AndroidTestApp.builder()
                .manifest("""
                        <?xml version="1.0" encoding="utf-8"?>
                        <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.health">
                          <application>
                            <activity android:name="org.scanner.ScanActivity" android:exported="false"/>
                          </application>
                        </manifest>
                        """)
                .resource("res/values/strings.xml", STRINGS)
                .resource("res/layout/activity_main.xml", LAYOUT)
                .resource("res/xml/scanner_paths.xml", "<paths>\n  <files-path name=\"s\" path=\".\"/>\n</paths>\n")
                .file("assets/scanner.json", "{\"model\":\"v2\"}")
                .javaSource("org.scanner.ScanActivity",
                        "package org.scanner; public class ScanActivity extends android.app.Activity { }")
                .buildAab(dir.resolve("feature-src.aab"));
        Map<String, byte[]> m = entries(aab);
        for (Map.Entry<String, byte[]> e : entries(other).entrySet()) {
            if (e.getKey().startsWith("base/")) {
                m.put("feature_scan/" + e.getKey().substring(5), e.getValue());
            }
        }
        Path bundle = Fixtures.write(dir.resolve("features.aab"), Fixtures.zip(m));
        AppBundle b = read(bundle);
        assertTrue(b.skipped().isEmpty(), b.skipped().toString());
        Map<String, ClassEntry> c = classes(b);
        ClassEntry scan = c.get("org/scanner/ScanActivity");
        assertNotNull(scan, c.keySet().toString());
        assertEquals(CodeRole.APP, scan.role(), "a class the feature manifest names is app code");
        assertEquals(bundle + "!/feature_scan/dex/classes.dex!/org/scanner/ScanActivity.class", scan.origin());
        assertEquals(CodeRole.APP, c.get("com/acme/health/MainActivity").role());
        // the base manifest stays the app's; the feature's is kept under its module name
        assertEquals(resource(read(aab), "AndroidManifest.xml"), resource(b, "AndroidManifest.xml"));
        String fm = resource(b, "feature_scan/AndroidManifest.xml");
        assertNotNull(fm, b.resources().toString());
        assertTrue(fm.contains("org.scanner.ScanActivity"), fm);
        // a clashing file keeps the module prefix, a new one its APK name; the table names both
        assertNotNull(resource(b, "feature_scan/res/layout/activity_main.xml"));
        assertNotNull(resource(b, "res/xml/scanner_paths.xml"));
        assertEquals("{\"model\":\"v2\"}", resource(b, "assets/scanner.json"));
        String table = resource(b, "android-resources.xml");
        assertTrue(table.contains("file=\"feature_scan/res/layout/activity_main.xml\""), table);
        assertTrue(table.contains("file=\"res/layout/activity_main.xml\""), table);
        assertTrue(table.contains("name=\"scanner_paths\" id=\"0x7f") && table.contains("file=\"res/xml/scanner_paths.xml\""),
                table);
    }

    @Test
    void sniffedByContentWithoutExtension() throws IOException {
        Path noExt = Files.copy(aab, dir.resolve("bundle.bin"));
        AppBundle b = read(noExt);
        assertNotNull(resource(b, "AndroidManifest.xml"), b.skipped().toString());
        Path noExtAar = Files.copy(aar, dir.resolve("library.bin"));
        AppBundle l = read(noExtAar);
        assertTrue(l.classes().stream().anyMatch(x -> x.internalName().equals("com/acme/health/MainActivity")),
                l.skipped().toString());
    }

    // ---------------------------------------------------------------- AAR

    @Test
    void aarResources() {
        AppBundle a = read(apk);
        AppBundle b = read(aar);
        assertTrue(b.skipped().isEmpty(), b.skipped().toString());
        assertEquals(MANIFEST, resource(b, "AndroidManifest.xml"), "the text manifest as it is");
        assertEquals(NSC, resource(b, "res/xml/network_security_config.xml"));
        assertEquals(LAYOUT, resource(b, "res/layout/activity_main.xml"));
        // the table compiled from res/values and res/ files: the same rows as the APK's resources.arsc
        assertEquals(resource(a, "android-resources.xml"), resource(b, "android-resources.xml"));
        assertEquals("{\"token\":\"abc\"}", resource(b, "assets/config.json"));
        assertEquals("{\"seed\":1}", resource(b, "res/raw/seed.json"));
        assertNull(resource(b, "assets/blob.bin"));
        assertTrue(b.androidSignings().isEmpty());
        assertTrue(b.resources().stream().allMatch(r -> r.role() == CodeRole.APP));
    }

    @Test
    void aarClassesJarIsTheAppAndLibsAreLibraries() {
        AppBundle b = read(aar);
        Map<String, ClassEntry> c = classes(b);
        assertEquals(List.of("com/acme/health/MainActivity", "com/acme/health/data/RecordsProvider",
                "com/partner/sync/SyncService", "com/vendor/track/Tracker"), List.copyOf(c.keySet()));
        ClassEntry sync = c.get("com/partner/sync/SyncService");
        assertEquals(CodeRole.APP, sync.role(), "all of classes.jar is the library being scanned");
        assertEquals(aar + "!/classes.jar!/com/partner/sync/SyncService.class", sync.origin());
        ClassEntry tracker = c.get("com/vendor/track/Tracker");
        assertEquals(CodeRole.LIBRARY, tracker.role());
        assertEquals(aar + "!/libs/vendor-track-1.0.jar", tracker.library());
        assertEquals(1, b.libraries().size(), b.libraries().toString());
        LibraryArchive lib = b.libraries().get(0);
        assertEquals("vendor-track-1.0.jar", lib.fileName());
        assertEquals(aar + "!/libs/vendor-track-1.0.jar", lib.origin());
        assertEquals(1, lib.classCount());
    }

    @Test
    void aarOnTheClassPathIsALibrary() {
        AppBundle b = new ArtifactReader(new IntakeOptions(IntakeLimits.DEFAULTS, List.of(), List.of(aar)))
                .readAll(List.of());
        assertTrue(b.classes().stream().allMatch(c -> c.role() == CodeRole.LIBRARY), b.classes().toString());
        assertTrue(b.libraries().stream().anyMatch(l -> l.fileName().equals("lib.aar")
                && l.origin().equals(aar + "!/classes.jar")), b.libraries().toString());
    }

    @Test
    void aarValuesAreCompiledLikeAapt2() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("AndroidManifest.xml", MANIFEST.getBytes(StandardCharsets.UTF_8));
        m.put("res/values/values.xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
                  <string name="quoted">"  two  spaces  "</string>
                  <string name="spaced">  a
                      b  </string>
                  <string name="escaped">It\\'s a \\"test\\"\\nline \\u0041</string>
                  <string name="styled">Hello <b>bold</b> <xliff:g id="n">%1$s</xliff:g></string>
                  <string name="alias">@string/quoted</string>
                  <string name="platform">@android:string/ok</string>
                  <color name="short">#f00</color>
                  <color name="argb">#80FF0000</color>
                  <integer name="hex">0x1F</integer>
                  <bool name="flag">false</bool>
                  <item name="ratio" type="dimen" format="float">1.5</item>
                  <item name="extra" type="id"/>
                  <dimen name="pad">8sp</dimen>
                  <string name="nothing">@null</string>
                  <style name="Theme.Acme"><item name="android:colorPrimary">#fff</item></style>
                  <string-array name="tabs"><item>a</item></string-array>
                  <declare-styleable name="Chart"><attr name="lineColor" format="color"/></declare-styleable>
                  <public name="quoted" type="string"/>
                </resources>
                """.getBytes(StandardCharsets.UTF_8));
        m.put("res/values-en-rUS/values.xml", "<resources><string name=\"quoted\">US</string></resources>"
                .getBytes(StandardCharsets.UTF_8));
        m.put("res/values-night-v8/values.xml", "<resources><color name=\"short\">#000</color></resources>"
                .getBytes(StandardCharsets.UTF_8));
        m.put("res/drawable-xhdpi/icon.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path f = Fixtures.write(dir.resolve("values.aar"), Fixtures.zip(m));
        AppBundle b = read(f);
        assertTrue(b.skipped().isEmpty(), b.skipped().toString());
        String t = resource(b, "android-resources.xml");
        Map<String, String> rows = new TreeMap<>();
        for (String line : t.split("\n")) {
            var mm = java.util.regex.Pattern.compile("type=\"([^\"]*)\" name=\"([^\"]*)\" id=\"(0x[0-9a-f]{8})\" "
                    + "config=\"([^\"]*)\"( value=\"([^\"]*)\")?( file=\"([^\"]*)\")?").matcher(line);
            if (mm.find()) {
                rows.put(mm.group(1) + "/" + mm.group(2) + (mm.group(4).isEmpty() ? "" : "-" + mm.group(4)),
                        mm.group(6) != null ? mm.group(6) : "file:" + mm.group(8));
                rows.put("#" + mm.group(1) + "/" + mm.group(2), mm.group(3));
            }
        }
        assertEquals("  two  spaces  ", rows.get("string/quoted"), t);
        assertEquals("a b", rows.get("string/spaced"));
        assertEquals("It's a &quot;test&quot;&#10;line A", rows.get("string/escaped"));
        assertEquals("Hello bold %1$s", rows.get("string/styled"));
        assertEquals("@" + rows.get("#string/quoted"), rows.get("string/alias"), "own references by id, as in resources.arsc");
        assertEquals("@android:string/ok", rows.get("string/platform"));
        assertEquals("#ffff0000", rows.get("color/short"));
        assertEquals("#80ff0000", rows.get("color/argb"));
        assertEquals("#ff000000", rows.get("color/short-night-v8"));
        assertEquals("US", rows.get("string/quoted-en-rUS"));
        assertEquals("0x0000001f", rows.get("integer/hex"));
        assertEquals("false", rows.get("bool/flag"));
        assertEquals("1.5", rows.get("dimen/ratio"));
        assertEquals("8.0sp", rows.get("dimen/pad"));
        assertEquals("false", rows.get("id/extra"));
        assertEquals("file:res/drawable-xhdpi/icon.png", rows.get("drawable/icon-xhdpi"));
        assertFalse(rows.containsKey("string/nothing"), "@null gives no row");
        assertFalse(rows.containsKey("style/Theme.Acme"), "bags give no row");
        assertFalse(rows.containsKey("array/tabs"));
        // ids: types by name from 0x7f01 (array, attr from the styleable, bool...), names by name from 0
        assertEquals("0x7f030000", rows.get("#bool/flag"), t);
        assertEquals("0x7f080000", rows.get("#integer/hex"), t);
    }
}
