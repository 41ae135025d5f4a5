package dev.triage.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.android.apksig.ApkVerifier;
import com.reandroid.apk.ApkModule;
import com.reandroid.arsc.chunk.TableBlock;
import com.reandroid.arsc.chunk.xml.AndroidManifestBlock;
import com.reandroid.arsc.chunk.xml.ResXmlAttribute;
import com.reandroid.arsc.chunk.xml.ResXmlDocument;
import com.reandroid.arsc.chunk.xml.ResXmlElement;
import com.reandroid.arsc.model.ResourceEntry;
import com.reandroid.arsc.value.ValueType;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.dexbacked.DexBackedMethod;
import org.jf.dexlib2.iface.debug.DebugItem;
import org.jf.dexlib2.iface.debug.LineNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AndroidTestAppTest {
    static final String MANIFEST = """
            <?xml version="1.0" encoding="utf-8"?>
            <manifest xmlns:android="http://schemas.android.com/apk/res/android"
                package="com.acme.health">

                <uses-sdk android:minSdkVersion="23" android:targetSdkVersion="30"/>
                <uses-permission android:name="android.permission.INTERNET"/>
                <!-- a comment with <tags> inside -->
                <application
                    android:label="@string/app_name"
                    android:allowBackup="true"
                    android:networkSecurityConfig="@xml/network_security_config">
                    <activity android:name=".MainActivity" android:launchMode="singleTask">
                        <intent-filter>
                            <action android:name="android.intent.action.VIEW"/>
                            <category android:name="android.intent.category.BROWSABLE"/>
                            <data android:scheme="acme" android:host="open"/>
                        </intent-filter>
                    </activity>
                </application>
            </manifest>
            """;
    static final String STRINGS = """
            <resources>
                <string name="app_name">Acme Health</string>
                <string name="api_key">AIzaSyTEST</string>
                <bool name="is_debug">true</bool>
                <integer name="retries">3</integer>
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
            <LinearLayout xmlns:android="http://schemas.android.com/apk/res/android"
                android:layout_width="match_parent" android:layout_height="match_parent">
                <Button android:id="@+id/send"
                    android:text="@string/app_name"
                    android:onClick="onSend"/>
            </LinearLayout>
            """;
    static final String MAIN = """
            package com.acme.health;

            import android.app.Activity;
            import android.os.Bundle;
            import android.view.View;

            public class MainActivity extends Activity {
                @Override
                protected void onCreate(Bundle state) {
                    super.onCreate(state);
                    String id = getIntent().getStringExtra("id");
                    android.util.Log.d("acme", id);
                }

                public void onSend(View v) {
                    Runnable r = () -> System.out.println("sent");
                    r.run();
                }
            }
            """;
    static final String HELPER = """
            package com.acme.health.util;

            public final class Strings {
                public static String trim(String s) {
                    return s == null ? null : s.trim();
                }
            }
            """;

    static AndroidTestApp sample() {
        return AndroidTestApp.builder()
                .manifest(MANIFEST)
                .resource("res/values/strings.xml", STRINGS)
                .resource("res/xml/network_security_config.xml", NSC)
                .resource("res/layout/activity_main.xml", LAYOUT)
                .file("assets/config.json", "{\"endpoint\":\"http://api.acme.test\"}")
                .javaSource("com.acme.health.MainActivity", MAIN)
                .javaSource("com.acme.health.util.Strings", HELPER);
    }

    @Test
    void apkManifestKeepsLinesAndResolvesResources(@TempDir Path tmp) throws Exception {
        Path apk = sample().buildApk(tmp.resolve("app.apk"));
        try (ApkModule module = ApkModule.loadApkFile(apk.toFile())) {
            AndroidManifestBlock manifest = module.getAndroidManifest();
            assertEquals("com.acme.health", manifest.getPackageName());
            Map<String, Integer> lines = new HashMap<>();
            for (Iterator<ResXmlElement> it = manifest.recursiveElements(); it.hasNext(); ) {
                ResXmlElement e = it.next();
                lines.putIfAbsent(e.getName(), e.getStartLineNumber());
            }
            assertEquals(2, lines.get("manifest"));
            assertEquals(5, lines.get("uses-sdk"));
            assertEquals(8, lines.get("application"));
            assertEquals(12, lines.get("activity"));
            assertEquals(13, lines.get("intent-filter"));
            assertEquals(16, lines.get("data"));
            assertEquals(23, manifest.getMinSdkVersion());

            ResXmlElement app = manifest.getApplicationElement();
            ResXmlAttribute nsc = app.searchAttributeByResourceId(0x01010527); // android:networkSecurityConfig
            assertNotNull(nsc);
            assertEquals(ValueType.REFERENCE, nsc.getValueType());
            TableBlock table = module.getTableBlock();
            assertEquals("com.acme.health", table.pickOne().getName());
            assertEquals(0x7f, table.pickOne().getId());
            ResourceEntry target = table.getResource(nsc.getData());
            assertEquals("xml", target.getType());
            assertEquals("network_security_config", target.getName());
            assertEquals("res/xml/network_security_config.xml", target.get().getValueAsString());

            ResourceEntry apiKey = table.getResource("com.acme.health", "string", "api_key");
            assertEquals("AIzaSyTEST", apiKey.get().getValueAsString());
            assertEquals(Boolean.TRUE, table.getResource("com.acme.health", "bool", "is_debug").get().getValueAsBoolean());
            assertEquals(3, table.getResource("com.acme.health", "integer", "retries").get().getValueAsInteger());

            ResXmlDocument layout = module.loadResXmlDocument("res/layout/activity_main.xml");
            ResXmlElement button = layout.getDocumentElement().getElement("Button");
            assertEquals(3, button.getStartLineNumber());
            assertEquals("onSend", button.searchAttributeByResourceId(0x0101026f).getValueAsString()); // android:onClick
        }
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            assertEquals("AndroidManifest.xml", zip.entries().nextElement().getName());
            assertNotNull(zip.getEntry("assets/config.json"));
            assertEquals(ZipEntry.STORED, zip.getEntry("resources.arsc").getMethod());
            assertEquals("{\"endpoint\":\"http://api.acme.test\"}", new String(zip.getInputStream(zip.getEntry("assets/config.json")).readAllBytes()));
        }
    }

    @Test
    void multiDexWithLineNumbers(@TempDir Path tmp) throws Exception {
        Path apk = sample().classesPerDex(2).buildApk(tmp.resolve("app.apk"));
        List<String> dexNames = new ArrayList<>();
        TreeSet<String> classes = new TreeSet<>();
        boolean sawLine = false;
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            for (Iterator<? extends ZipEntry> it = zip.entries().asIterator(); it.hasNext(); ) {
                ZipEntry e = it.next();
                if (!e.getName().endsWith(".dex")) continue;
                dexNames.add(e.getName());
                DexBackedDexFile dex = new DexBackedDexFile(Opcodes.getDefault(), zip.getInputStream(e).readAllBytes());
                assertTrue(dex.getClasses().size() <= 2);
                for (DexBackedClassDef c : dex.getClasses()) {
                    classes.add(c.getType());
                    for (DexBackedMethod m : c.getMethods()) {
                        if (m.getImplementation() == null) continue;
                        for (DebugItem d : m.getImplementation().getDebugItems()) if (d instanceof LineNumber) sawLine = true;
                    }
                }
            }
        }
        assertTrue(dexNames.containsAll(List.of("classes.dex", "classes2.dex")), dexNames.toString());
        assertTrue(classes.contains("Lcom/acme/health/MainActivity;"), classes.toString());
        assertTrue(classes.contains("Lcom/acme/health/util/Strings;"), classes.toString());
        assertTrue(sawLine, "debug line numbers kept");
    }

    @Test
    void releaseSigningV1V2V3(@TempDir Path tmp) throws Exception {
        Path apk = sample().buildApk(tmp.resolve("app.apk"));
        ApkVerifier.Result r = new ApkVerifier.Builder(apk.toFile()).build().verify();
        assertTrue(r.isVerified(), r.getErrors().toString());
        assertTrue(r.isVerifiedUsingV1Scheme());
        assertTrue(r.isVerifiedUsingV2Scheme());
        assertTrue(r.isVerifiedUsingV3Scheme());
        X509Certificate cert = r.getSignerCertificates().get(0);
        assertEquals("SHA256withRSA", cert.getSigAlgName());
        assertEquals(Signing.RELEASE_SUBJECT, cert.getSubjectX500Principal().getName());
    }

    @Test
    void debugV1OnlyWeakAndExpiredSignatures(@TempDir Path tmp) throws Exception {
        ApkVerifier.Result debug = verify(sample().signing(Signing.debug()).buildApk(tmp.resolve("debug.apk")));
        assertEquals("CN=Android Debug,O=Android,C=US", debug.getSignerCertificates().get(0).getSubjectX500Principal().getName());

        // apksig's verifier refuses v1-only APKs that target SDK 30+: old target for the v1-only cases
        String oldTarget = MANIFEST.replace("targetSdkVersion=\"30\"", "targetSdkVersion=\"28\"");
        ApkVerifier.Result v1 = verify(sample().manifest(oldTarget).signing(Signing.release().schemes(Signing.Scheme.V1)).buildApk(tmp.resolve("v1.apk")));
        assertTrue(v1.isVerifiedUsingV1Scheme());
        assertFalse(v1.isVerifiedUsingV2Scheme());
        assertFalse(v1.isVerifiedUsingV3Scheme());

        // without v1 the verifier wants minSdk 24+ (older devices only check v1)
        String min24 = MANIFEST.replace("minSdkVersion=\"23\"", "minSdkVersion=\"24\"");
        ApkVerifier.Result v2v3 = verify(sample().manifest(min24).signing(Signing.release().schemes("v2", "v3")).buildApk(tmp.resolve("v23.apk")));
        assertFalse(v2v3.isVerifiedUsingV1Scheme());
        assertTrue(v2v3.isVerifiedUsingV2Scheme());
        assertTrue(v2v3.isVerifiedUsingV3Scheme());

        ApkVerifier.Result sha1 = verify(sample().signing(Signing.release().digest("SHA1withRSA")).buildApk(tmp.resolve("sha1.apk")));
        assertEquals("SHA1withRSA", sha1.getSignerCertificates().get(0).getSigAlgName());
        ApkVerifier.Result md5 = verify(sample().manifest(oldTarget).signing(Signing.release().schemes(Signing.Scheme.V1).digest("MD5withRSA")).buildApk(tmp.resolve("md5.apk")));
        assertEquals("MD5withRSA", md5.getSignerCertificates().get(0).getSigAlgName());

        X509Certificate expired = verify(sample().signing(Signing.release().expired()).buildApk(tmp.resolve("old.apk")))
                .getSignerCertificates().get(0);
        assertTrue(expired.getNotAfter().toInstant().isBefore(java.time.Instant.parse("2011-01-01T00:00:00Z")));
        X509Certificate fresh = debug.getSignerCertificates().get(0);
        assertTrue(fresh.getNotAfter().toInstant().isAfter(java.time.Instant.parse("2050-01-01T00:00:00Z")));
        assertEquals("RSA", fresh.getPublicKey().getAlgorithm());
        assertEquals(2048, ((java.security.interfaces.RSAPublicKey) fresh.getPublicKey()).getModulus().bitLength());

        Path unsigned = sample().signing(Signing.unsigned()).buildApk(tmp.resolve("unsigned.apk"));
        ApkVerifier.Result none = new ApkVerifier.Builder(unsigned.toFile()).build().verify();
        assertFalse(none.isVerified());
        try (ZipFile zip = new ZipFile(unsigned.toFile())) {
            assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("META-INF/")));
        }
    }

    private static ApkVerifier.Result verify(Path apk) throws Exception {
        ApkVerifier.Result r = new ApkVerifier.Builder(apk.toFile()).build().verify();
        assertTrue(r.isVerified(), apk.getFileName() + ": " + r.getErrors() + r.getV1SchemeSigners());
        return r;
    }

    @Test
    void twoBuildsAreIdentical(@TempDir Path tmp) throws Exception {
        byte[] a = Files.readAllBytes(sample().classesPerDex(2).buildApk(tmp.resolve("a.apk")));
        byte[] b = Files.readAllBytes(sample().classesPerDex(2).buildApk(tmp.resolve("b.apk")));
        assertArrayEquals(a, b);
    }
}
