package dev.triage.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.android.apksig.ApkVerifier;
import com.reandroid.apk.ApkModule;
import com.reandroid.arsc.chunk.xml.AndroidManifestBlock;
import com.reandroid.arsc.chunk.xml.ResXmlElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FromDirectoryTest {
    static final String MANIFEST = """
            <?xml version="1.0" encoding="utf-8"?>
            <manifest xmlns:android="http://schemas.android.com/apk/res/android"
                xmlns:tools="http://schemas.android.com/tools"
                package="com.acme.notes" android:versionCode="3" android:versionName="1.2">
                <uses-sdk android:minSdkVersion="21" android:targetSdkVersion="28" tools:overrideLibrary="x.y"/>
                <permission android:name="com.acme.PERM" android:protectionLevel="signature|privileged"/>
                <application android:debuggable="true" android:theme="@android:style/Theme.Material"
                    tools:ignore="GoogleAppIndexingWarning"
                    android:fullBackupContent="@xml/backup_rules">
                    <!-- BUG: android/exported-component -->
                    <activity android:name=".Main" android:taskAffinity="" android:exported="true"/>
                    <provider android:name=".Prov" android:authorities="com.acme.prov" android:grantUriPermissions="true">
                        <path-permission android:pathPrefix="/x" android:readPermission="com.acme.PERM"/>
                    </provider>
                    <meta-data android:name="com.google.android.geo.API_KEY" android:value="@string/maps_key"/>
                </application>
            </manifest>
            """;

    @Test
    void folderCaseWithPropertiesToolsAttributesAndRawFiles(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("case");
        write(dir.resolve("AndroidManifest.xml"), MANIFEST);
        write(dir.resolve("apk.properties"), "signing=debug\nschemes=v1\ndigest=SHA1withRSA\nclassesPerDex=1\n");
        write(dir.resolve("res/values/strings.xml"), "<resources><string name=\"maps_key\">AIzaFOLDER</string></resources>");
        write(dir.resolve("res/xml/backup_rules.xml"), "<full-backup-content/>");
        write(dir.resolve("res/raw/seed.sql"), "insert into t values (1);");
        write(dir.resolve("assets/www/index.html"), "<html></html>");
        write(dir.resolve("root/META-INF/services/x.Y"), "x.Z");
        write(dir.resolve("src/com/acme/notes/Main.java"), "package com.acme.notes; public class Main extends android.app.Activity {}");
        write(dir.resolve("src/com/acme/notes/Prov.java"), "package com.acme.notes; public abstract class Prov extends android.content.ContentProvider {}");
        write(dir.resolve("expected.txt"), "ignored");

        AndroidTestApp app = AndroidTestApp.fromDirectory(dir);
        assertEquals("apk", app.format());
        Path apk = app.build(tmp.resolve("case.apk"));

        ApkVerifier.Result r = new ApkVerifier.Builder(apk.toFile()).build().verify();
        assertTrue(r.isVerified(), r.getErrors().toString());
        assertTrue(r.isVerifiedUsingV1Scheme());
        assertFalse(r.isVerifiedUsingV2Scheme());
        assertEquals("SHA1withRSA", r.getSignerCertificates().get(0).getSigAlgName());
        assertEquals(Signing.DEBUG_SUBJECT, r.getSignerCertificates().get(0).getSubjectX500Principal().getName());

        try (ZipFile zip = new ZipFile(apk.toFile())) {
            assertNotNull(zip.getEntry("classes.dex"));
            assertNotNull(zip.getEntry("classes2.dex"));
            assertNull(zip.getEntry("classes3.dex"));
            assertNotNull(zip.getEntry("res/raw/seed.sql"));
            assertNotNull(zip.getEntry("assets/www/index.html"));
            assertNotNull(zip.getEntry("META-INF/services/x.Y"));
            assertNull(zip.getEntry("expected.txt"));
        }
        try (ApkModule module = ApkModule.loadApkFile(apk.toFile())) {
            AndroidManifestBlock manifest = module.getAndroidManifest();
            List<String> lines = new ArrayList<>();
            for (Iterator<ResXmlElement> it = manifest.recursiveElements(); it.hasNext(); ) {
                ResXmlElement e = it.next();
                lines.add(e.getName() + ":" + e.getStartLineNumber());
                for (int i = 0; i < e.getAttributeCount(); i++) {
                    assertFalse("http://schemas.android.com/tools".equals(e.getAttributeAt(i).getUri()), "tools attribute kept");
                }
            }
            assertEquals(List.of("manifest:2", "uses-sdk:5", "permission:6", "application:7", "activity:11", "provider:12",
                    "path-permission:13", "meta-data:15"), lines);
            assertEquals("AIzaFOLDER", module.getTableBlock().getResource(
                    manifest.getApplicationElement().getElement("meta-data").searchAttributeByResourceId(0x01010024).getData())
                    .get().getValueAsString()); // android:value → @string/maps_key
            assertEquals("res/raw/seed.sql", module.getTableBlock().getResource("com.acme.notes", "raw", "seed").get().getValueAsString());
        }
    }

    @Test
    void unknownPropertiesAreRefused(@TempDir Path tmp) throws Exception {
        write(tmp.resolve("AndroidManifest.xml"), MANIFEST);
        write(tmp.resolve("apk.properties"), "signin=debug\n");
        assertThrows(IllegalArgumentException.class, () -> AndroidTestApp.fromDirectory(tmp));
    }

    private static void write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
