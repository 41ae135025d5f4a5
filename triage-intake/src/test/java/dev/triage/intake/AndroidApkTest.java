package dev.triage.intake;

import com.reandroid.arsc.chunk.TableBlock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.triage.intake.AndroidFixtures.text;
import static dev.triage.intake.Fixtures.write;
import static dev.triage.intake.Fixtures.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** APK and bare DEX intake on real inputs: D8-built DEX, ARSCLib-encoded manifest and resource table. */
class AndroidApkTest {
    static final String MANIFEST = """
            <?xml version="1.0" encoding="utf-8"?>
            <manifest xmlns:android="http://schemas.android.com/apk/res/android"
                package="com.acme.health">
              <uses-sdk android:minSdkVersion="21" android:targetSdkVersion="30"/>
              <permission android:name="com.acme.P" android:protectionLevel="signature|privileged"/>
              <application android:debuggable="true" android:allowBackup="true"
                  android:networkSecurityConfig="@xml/network_security_config" android:label="@string/app_name">
                <activity android:name=".MainActivity" android:launchMode="singleTask" android:exported="true">
                  <intent-filter><action android:name="android.intent.action.MAIN"/></intent-filter>
                </activity>
                <service android:name="com.partner.sync.SyncService"/>
                <provider android:name="androidx.startup.InitializationProvider" android:authorities="x"/>
              </application>
            </manifest>
            """;

    static final String NSC = """
            <?xml version="1.0" encoding="utf-8"?>
            <network-security-config>
              <domain-config cleartextTrafficPermitted="true">
                <domain includeSubdomains="true">example.com</domain>
              </domain-config>
            </network-security-config>
            """;

    static byte[] dex;
    static byte[] apk;

    @TempDir
    Path tmp;

    @BeforeAll
    static synchronized void build() {
        if (apk != null) {
            return;
        }
        Map<String, String> src = new LinkedHashMap<>();
        src.put("com.acme.health.MainActivity", """
                package com.acme.health;
                public class MainActivity {
                    private String secret = "s";
                    public String greet(String name) {
                        String msg = "hello " + name;
                        return msg + secret;
                    }
                    public Runnable later() { return () -> System.out.println(secret); }
                }
                """);
        src.put("com.partner.sync.SyncService", """
                package com.partner.sync;
                public class SyncService { public void run() { new okio.Buffer().write(); } }
                """);
        src.put("okio.Buffer", """
                package okio;
                public class Buffer { public void write() { System.out.println("w"); } }
                """);
        dex = AndroidFixtures.dex(src);
        TableBlock t = AndroidFixtures.table("com.acme.health");
        AndroidFixtures.string(t, "app_name", "Acme Health");
        AndroidFixtures.string(t, "api_key", "AIzaSyFAKE");
        AndroidFixtures.file(t, "xml", "network_security_config", "res/xml/network_security_config.xml");
        byte[] manifest = AndroidFixtures.axml(t, MANIFEST);
        byte[] nsc = AndroidFixtures.axml(t, NSC);
        byte[] arsc = AndroidFixtures.arsc(t);
        apk = zip("AndroidManifest.xml", manifest, "classes.dex", dex, "resources.arsc", arsc,
                "res/xml/network_security_config.xml", nsc, "assets/config.json", text("{\"token\":\"abc\"}"),
                "assets/blob.bin", new byte[] {1, 0, 2}, "META-INF/androidx.core_core.version", text("1.12.0"));
    }

    private static String resource(AppBundle b, String name) {
        return b.resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .map(r -> new String(r.bytes(), StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void apkClassesRolesAndOrigins() {
        Path file = write(tmp.resolve("app.apk"), apk);
        AppBundle b = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(file));
        assertTrue(b.skipped().isEmpty(), b.skipped().toString());
        Map<String, ClassEntry> byName = new LinkedHashMap<>();
        b.classes().forEach(c -> byName.put(c.internalName(), c));
        ClassEntry main = byName.get("com/acme/health/MainActivity");
        assertNotNull(main, byName.keySet().toString());
        assertEquals(CodeRole.APP, main.role());
        assertEquals(file + "!/classes.dex!/com/acme/health/MainActivity.class", main.origin());
        assertNull(main.library());
        // a component named in the manifest makes its package app code; androidx (an SDK) does not
        assertEquals(CodeRole.APP, byName.get("com/partner/sync/SyncService").role());
        ClassEntry okio = byName.get("okio/Buffer");
        assertEquals(CodeRole.LIBRARY, okio.role());
        assertEquals(file + "!/classes.dex", okio.library());
    }

    @Test
    void appClassesKeepDebugInfoAndCode() {
        Path file = write(tmp.resolve("app.apk"), apk);
        AppBundle b = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(file));
        ClassEntry main = b.classes().stream().filter(c -> c.internalName().equals("com/acme/health/MainActivity"))
                .findFirst().orElseThrow();
        ClassNode node = new ClassNode();
        new ClassReader(main.bytes()).accept(node, 0);
        assertEquals("MainActivity.java", node.sourceFile);
        MethodNode greet = node.methods.stream().filter(m -> m.name.equals("greet")).findFirst().orElseThrow();
        assertTrue(greet.instructions.size() > 3);
        int line = -1;
        for (var insn : greet.instructions) {
            if (insn instanceof LineNumberNode ln) {
                line = ln.line;
                break;
            }
        }
        assertEquals(5, line, "first line of greet in the source");
        assertNotNull(greet.localVariables);
        assertTrue(greet.localVariables.stream().anyMatch(v -> v.name.equals("name")), "parameter name kept");
        assertEquals(List.of("name"), greet.parameters.stream().map(p -> p.name).toList());
    }

    @Test
    void libraryClassesAreHeadersWithTheirReferences() {
        Path file = write(tmp.resolve("app.apk"), apk);
        AppBundle b = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(file));
        ClassEntry okio = b.classes().stream().filter(c -> c.internalName().equals("okio/Buffer")).findFirst()
                .orElseThrow();
        ClassNode node = new ClassNode();
        new ClassReader(okio.bytes()).accept(node, 0);
        MethodNode write = node.methods.stream().filter(m -> m.name.equals("write")).findFirst().orElseThrow();
        assertEquals(0, write.instructions.size(), "library code is not converted");
        ClassReader r = new ClassReader(okio.bytes());
        boolean refersToSystem = false;
        char[] buf = new char[r.getMaxStringLength()];
        for (int i = 1; i < r.getItemCount(); i++) {
            int off = r.getItem(i);
            if (off != 0 && r.b[off - 1] == 7 && "java/lang/System".equals(r.readUTF8(off, buf))) {
                refersToSystem = true;
            }
        }
        assertTrue(refersToSystem, "class constants of the library's code are kept for reachability");
    }

    @Test
    void manifestIsDecodedLineAligned() {
        Path file = write(tmp.resolve("app.apk"), apk);
        AppBundle b = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(file));
        String m = resource(b, "AndroidManifest.xml");
        assertNotNull(m);
        ResourceEntry r = b.resources().stream().filter(x -> x.name().equals("AndroidManifest.xml")).findFirst()
                .orElseThrow();
        assertEquals(CodeRole.APP, r.role());
        String[] lines = m.split("\n", -1);
        String[] src = MANIFEST.split("\n", -1);
        for (String tag : List.of("<uses-sdk", "<permission", "<activity", "<service", "<provider")) {
            int decoded = indexOf(lines, tag);
            int original = indexOf(src, tag);
            assertEquals(original, decoded, tag + " on its source line in\n" + m);
        }
        assertTrue(m.contains("xmlns:android=\"http://schemas.android.com/apk/res/android\""), m);
        assertTrue(m.contains("android:launchMode=\"singleTask\""), m);
        assertTrue(m.contains("android:protectionLevel=\"signature|privileged\"")
                || m.contains("android:protectionLevel=\"privileged|signature\""), m);
        assertTrue(m.contains("android:debuggable=\"true\""), m);
        assertTrue(m.contains("android:minSdkVersion=\"21\""), m);
        assertTrue(m.contains("android:networkSecurityConfig=\"@xml/network_security_config\""), m);
        assertTrue(m.contains("android:label=\"@string/app_name\""), m);
        assertTrue(m.contains("package=\"com.acme.health\""), m);
    }

    private static int indexOf(String[] lines, String tag) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(tag)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void resourceTableResourceFilesAndAssets() {
        Path file = write(tmp.resolve("app.apk"), apk);
        AppBundle b = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(file));
        String table = resource(b, "android-resources.xml");
        assertNotNull(table);
        assertTrue(table.contains("<resources package=\"com.acme.health\">"), table);
        assertTrue(table.matches("(?s).*<entry type=\"string\" name=\"api_key\" id=\"0x7f[0-9a-f]{6}\" config=\"\" "
                + "value=\"AIzaSyFAKE\"/>.*"), table);
        assertTrue(table.contains("type=\"xml\" name=\"network_security_config\"")
                && table.contains("file=\"res/xml/network_security_config.xml\""), table);
        String nsc = resource(b, "res/xml/network_security_config.xml");
        assertNotNull(nsc);
        assertTrue(nsc.contains("<domain-config cleartextTrafficPermitted=\"true\">"), nsc);
        assertTrue(nsc.contains(">example.com</domain>"), nsc);
        assertEquals("{\"token\":\"abc\"}", resource(b, "assets/config.json"));
        assertNull(resource(b, "assets/blob.bin"), "binary assets are not kept");
        assertEquals("1.12.0", resource(b, "META-INF/androidx.core_core.version"));
    }

    @Test
    void bareDexIsAllAppCodeUnlessAppPackagesSayOtherwise() {
        Path file = write(tmp.resolve("code.dex"), dex);
        AppBundle all = new ArtifactReader(IntakeOptions.defaults()).readAll(List.of(file));
        assertEquals(4, all.classes().stream().filter(c -> c.role() == CodeRole.APP).count(), all.classes().toString());
        assertEquals(file + "!/okio/Buffer.class", all.classes().stream()
                .filter(c -> c.internalName().equals("okio/Buffer")).findFirst().orElseThrow().origin());
        IntakeOptions opts = new IntakeOptions(IntakeLimits.DEFAULTS, List.of("com.acme"), List.of());
        AppBundle some = new ArtifactReader(opts).readAll(List.of(file));
        assertEquals(List.of("com/acme/health/MainActivity$$ExternalSyntheticLambda0", "com/acme/health/MainActivity"),
                some.classes().stream()
                .filter(c -> c.role() == CodeRole.APP).map(ClassEntry::internalName).toList());
        assertFalse(some.classes().isEmpty());
    }
}
