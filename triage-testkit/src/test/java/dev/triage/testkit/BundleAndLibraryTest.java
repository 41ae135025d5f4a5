package dev.triage.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.android.aapt.Resources;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.dexbacked.DexBackedMethod;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleAndLibraryTest {
    static final String SMALI = """
            .class public Lcom/acme/health/Native;
            .super Ljava/lang/Object;
            .source "Native.smali"

            .method public static secret()Ljava/lang/String;
                .registers 1
                .line 7
                const-string v0, "s3cr3t"
                return-object v0
            .end method
            """;

    @Test
    void aabHasProtoManifestWithLinesAndResourceTable(@TempDir Path tmp) throws Exception {
        Path aab = AndroidTestAppTest.sample().buildAab(tmp.resolve("app.aab"));
        try (ZipFile zip = new ZipFile(aab.toFile())) {
            Set<String> names = zip.stream().map(ZipEntry::getName).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(names.containsAll(List.of("BundleConfig.pb", "base/manifest/AndroidManifest.xml", "base/dex/classes.dex",
                    "base/resources.pb", "base/res/xml/network_security_config.xml", "base/res/layout/activity_main.xml",
                    "base/assets/config.json")), names.toString());

            Resources.XmlNode root = Resources.XmlNode.parseFrom(zip.getInputStream(zip.getEntry("base/manifest/AndroidManifest.xml")));
            assertEquals("manifest", root.getElement().getName());
            assertEquals(2, root.getSource().getLineNumber());
            assertEquals("android", root.getElement().getNamespaceDeclaration(0).getPrefix());
            assertEquals(AndroidResources.ANDROID_NS, root.getElement().getNamespaceDeclaration(0).getUri());
            assertEquals("com.acme.health", attribute(root.getElement(), "", "package").getValue());
            Resources.XmlNode app = child(root, "application");
            assertEquals(8, app.getSource().getLineNumber());
            Resources.XmlAttribute nsc = attribute(app.getElement(), AndroidResources.ANDROID_NS, "networkSecurityConfig");
            assertEquals(0x01010527, nsc.getResourceId());
            assertEquals("@xml/network_security_config", nsc.getValue());
            int nscId = nsc.getCompiledItem().getRef().getId();
            Resources.XmlAttribute backup = attribute(app.getElement(), AndroidResources.ANDROID_NS, "allowBackup");
            assertTrue(backup.getCompiledItem().getPrim().getBooleanValue());
            Resources.XmlNode activity = child(app, "activity");
            assertEquals(12, activity.getSource().getLineNumber());
            assertEquals("singleTask", attribute(activity.getElement(), AndroidResources.ANDROID_NS, "launchMode").getValue());
            assertEquals(2, attribute(activity.getElement(), AndroidResources.ANDROID_NS, "launchMode").getCompiledItem().getPrim().getIntDecimalValue());
            assertEquals(16, child(child(activity, "intent-filter"), "data").getSource().getLineNumber());

            Resources.ResourceTable table = Resources.ResourceTable.parseFrom(zip.getInputStream(zip.getEntry("base/resources.pb")));
            Resources.Package pkg = table.getPackage(0);
            assertEquals("com.acme.health", pkg.getPackageName());
            assertEquals(0x7f, pkg.getPackageId().getId());
            String file = null;
            String apiKey = null;
            for (Resources.Type t : pkg.getTypeList()) {
                for (Resources.Entry e : t.getEntryList()) {
                    int id = 0x7f000000 | (t.getTypeId().getId() << 16) | e.getEntryId().getId();
                    if (id == nscId) file = e.getConfigValue(0).getValue().getItem().getFile().getPath();
                    if (t.getName().equals("string") && e.getName().equals("api_key")) apiKey = e.getConfigValue(0).getValue().getItem().getStr().getValue();
                }
            }
            assertEquals("res/xml/network_security_config.xml", file);
            assertEquals("AIzaSyTEST", apiKey);

            Resources.XmlNode nscDoc = Resources.XmlNode.parseFrom(zip.getInputStream(zip.getEntry("base/res/xml/network_security_config.xml")));
            assertEquals("network-security-config", nscDoc.getElement().getName());
            Resources.XmlNode base = child(nscDoc, "base-config");
            assertEquals(3, base.getSource().getLineNumber());
            assertEquals("true", attribute(base.getElement(), "", "cleartextTrafficPermitted").getValue());
            assertEquals(5, child(child(base, "trust-anchors"), "certificates").getSource().getLineNumber());
        }
    }

    @Test
    void aarLayout(@TempDir Path tmp) throws Exception {
        Path aar = AndroidTestAppTest.sample().smaliSource(SMALI).buildAar(tmp.resolve("lib.aar"));
        try (ZipFile zip = new ZipFile(aar.toFile())) {
            assertEquals("AndroidManifest.xml", zip.entries().nextElement().getName());
            assertEquals(AndroidTestAppTest.MANIFEST, new String(zip.getInputStream(zip.getEntry("AndroidManifest.xml")).readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(AndroidTestAppTest.STRINGS, new String(zip.getInputStream(zip.getEntry("res/values/strings.xml")).readAllBytes(), StandardCharsets.UTF_8));
            assertNotNull(zip.getEntry("res/xml/network_security_config.xml"));
            assertNotNull(zip.getEntry("assets/config.json"));
            Set<String> classes = new TreeSet<>();
            try (ZipInputStream jar = new ZipInputStream(zip.getInputStream(zip.getEntry("classes.jar")))) {
                for (ZipEntry e; (e = jar.getNextEntry()) != null; ) classes.add(e.getName());
            }
            assertEquals(Set.of("com/acme/health/MainActivity.class", "com/acme/health/util/Strings.class"), classes);
        }
    }

    @Test
    void bareDexWithSmaliAndLibraryJar(@TempDir Path tmp) throws Exception {
        // a library jar: the classes.jar of an AAR built from a library source
        Path aar = AndroidTestApp.builder()
                .javaSource("com.vendor.track.Tracker", "package com.vendor.track; public class Tracker { public static void hit(String s) {} }")
                .buildAar(tmp.resolve("vendor.aar"));
        Path jar = tmp.resolve("vendor.jar");
        try (ZipFile zip = new ZipFile(aar.toFile())) {
            Files.write(jar, zip.getInputStream(zip.getEntry("classes.jar")).readAllBytes());
        }
        Path dex = AndroidTestApp.builder()
                .javaSource("com.acme.App", "package com.acme; public class App { void go() { com.vendor.track.Tracker.hit(\"x\"); } }")
                .libraryJars(List.of(jar))
                .smaliSource(SMALI)
                .buildDex(tmp.resolve("classes.dex"));
        DexBackedDexFile file = new DexBackedDexFile(Opcodes.getDefault(), Files.readAllBytes(dex));
        Set<String> types = file.getClasses().stream().map(DexBackedClassDef::getType).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("Lcom/acme/App;", "Lcom/acme/health/Native;", "Lcom/vendor/track/Tracker;"), types);
        DexBackedClassDef nat = file.getClasses().stream().filter(c -> c.getType().equals("Lcom/acme/health/Native;")).findFirst().orElseThrow();
        DexBackedMethod secret = nat.getMethods().iterator().next();
        boolean constString = false;
        for (Instruction i : secret.getImplementation().getInstructions()) {
            if (i instanceof ReferenceInstruction r && r.getReference().toString().equals("s3cr3t")) constString = true;
        }
        assertTrue(constString);
        assertEquals("Native.smali", nat.getSourceFile());
    }

    @Test
    void aabAndAarAreDeterministic(@TempDir Path tmp) throws Exception {
        assertArrayEquals(Files.readAllBytes(AndroidTestAppTest.sample().buildAab(tmp.resolve("a.aab"))),
                Files.readAllBytes(AndroidTestAppTest.sample().buildAab(tmp.resolve("b.aab"))));
        assertArrayEquals(Files.readAllBytes(AndroidTestAppTest.sample().buildAar(tmp.resolve("a.aar"))),
                Files.readAllBytes(AndroidTestAppTest.sample().buildAar(tmp.resolve("b.aar"))));
    }

    @Test
    void clearErrors(@TempDir Path tmp) {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> AndroidTestApp.builder()
                .manifest(AndroidTestAppTest.MANIFEST).buildApk(tmp.resolve("x.apk")));
        assertTrue(missing.getMessage().contains("@string/app_name") || missing.getMessage().contains("AndroidManifest.xml"), missing.getMessage());
        IllegalArgumentException javac = assertThrows(IllegalArgumentException.class, () -> AndroidTestApp.builder()
                .javaSource("a.B", "package a; class B { int x = \"s\"; }").buildDex(tmp.resolve("x.dex")));
        assertTrue(javac.getMessage().contains("javac failed"), javac.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AndroidTestApp.builder().resource("values/strings.xml", "<resources/>"));
    }

    static Resources.XmlNode child(Resources.XmlNode parent, String name) {
        for (Resources.XmlNode c : parent.getElement().getChildList()) {
            if (c.hasElement() && c.getElement().getName().equals(name)) return c;
        }
        throw new AssertionError("no child " + name);
    }

    static Resources.XmlAttribute attribute(Resources.XmlElement e, String uri, String name) {
        for (Resources.XmlAttribute a : e.getAttributeList()) {
            if (a.getNamespaceUri().equals(uri) && a.getName().equals(name)) return a;
        }
        throw new AssertionError("no attribute " + name + " in " + e.getName());
    }
}
