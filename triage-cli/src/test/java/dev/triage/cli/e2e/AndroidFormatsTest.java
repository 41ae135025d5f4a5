package dev.triage.cli.e2e;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.Finding;
import dev.triage.findings.ScanResult;
import dev.triage.intake.ArtifactReader;
import dev.triage.intake.IntakeOptions;
import dev.triage.program.Program;
import dev.triage.program.android.AndroidApp;
import dev.triage.testkit.AndroidTestApp;
import dev.triage.testkit.Signing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One app built from the same inputs as an APK, an AAB and an AAR: the three scans report the same findings (rule,
 * file, line), signing findings aside (only an APK carries the signature users install), and the program model sees
 * the same Android app (package, components with their export state and lines, network security configuration).
 */
class AndroidFormatsTest {
    /** Rules about the APK signature: an AAB's upload signature and an AAR have none to report. */
    static final Set<String> SIGNING = Set.of("android/v1-only-signature", "android/debug-certificate",
            "android/weak-signature-algorithm", "android/expired-certificate");

    static final String MANIFEST = """
            <?xml version="1.0" encoding="utf-8"?>
            <manifest xmlns:android="http://schemas.android.com/apk/res/android"
                package="org.clinic.records">

              <uses-sdk android:minSdkVersion="24" android:targetSdkVersion="30"/>

              <application android:label="@string/app_name"
                  android:allowBackup="false"
                  android:networkSecurityConfig="@xml/network_security_config">
                <activity android:name=".RecordsActivity"
                    android:exported="true">
                  <intent-filter>
                    <action android:name="android.intent.action.MAIN"/>
                    <category android:name="android.intent.category.LAUNCHER"/>
                  </intent-filter>
                </activity>
                <service android:name=".sync.UploadService" android:exported="true"/>
                <receiver android:name=".sync.BootReceiver" android:exported="false"/>
              </application>
            </manifest>
            """;

    static final String STRINGS = """
            <?xml version="1.0" encoding="utf-8"?>
            <resources>
              <string name="app_name">Clinic Records</string>
              <string name="backend">https://records.clinic.example</string>
            </resources>
            """;

    static final String NSC = """
            <?xml version="1.0" encoding="utf-8"?>
            <network-security-config>
              <domain-config cleartextTrafficPermitted="true">
                <domain includeSubdomains="true">legacy.clinic.example</domain>
              </domain-config>
            </network-security-config>
            """;

    static final String ACTIVITY = """
            package org.clinic.records;

            import java.security.MessageDigest;

            public class RecordsActivity extends android.app.Activity {
                public byte[] fingerprint(byte[] record) throws Exception {
                    return MessageDigest.getInstance("MD5").digest(record);
                }

                public byte[] checksum(byte[] record) throws Exception {
                    return MessageDigest.getInstance("SHA-256").digest(record);
                }
            }
            """;

    static final String SERVICE = """
            package org.clinic.records.sync;

            import javax.crypto.Cipher;

            public class UploadService extends android.app.Service {
                @Override
                public android.os.IBinder onBind(android.content.Intent intent) {
                    return null;
                }

                public Cipher legacy() throws Exception {
                    return Cipher.getInstance("DES/ECB/PKCS5Padding");
                }
            }
            """;

    static final String RECEIVER = """
            package org.clinic.records.sync;

            public class BootReceiver extends android.content.BroadcastReceiver {
                @Override
                public void onReceive(android.content.Context context, android.content.Intent intent) {
                }
            }
            """;

    @TempDir
    static Path tmp;

    static Map<String, Path> apps = new TreeMap<>();

    @BeforeAll
    static void build() {
        AndroidTestApp b = AndroidTestApp.builder()
                .manifest(MANIFEST)
                .resource("res/values/strings.xml", STRINGS)
                .resource("res/xml/network_security_config.xml", NSC)
                .javaSource("org.clinic.records.RecordsActivity", ACTIVITY)
                .javaSource("org.clinic.records.sync.UploadService", SERVICE)
                .javaSource("org.clinic.records.sync.BootReceiver", RECEIVER)
                .signing(Signing.release());
        apps.put("apk", b.buildApk(tmp.resolve("records.apk")));
        apps.put("aab", b.buildAab(tmp.resolve("records.aab")));
        apps.put("aar", b.buildAar(tmp.resolve("records.aar")));
    }

    private static List<String> findings(ScanResult r) {
        List<String> out = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (SIGNING.contains(f.rule().id())) continue;
            out.add(f.rule().id() + " " + f.location().sourcePath() + ":" + f.location().line());
        }
        out.sort(null);
        return out;
    }

    @Test
    void sameFindingsFromApkAabAndAar() {
        Map<String, List<String>> byFormat = new TreeMap<>();
        for (Map.Entry<String, Path> e : apps.entrySet()) {
            ScanResult r = ScanPipeline.run(ScanRequest.of(List.of(e.getValue())));
            assertTrue(r.problems().isEmpty(), e.getKey() + ": " + r.problems());
            byFormat.put(e.getKey(), findings(r));
        }
        List<String> apk = byFormat.get("apk");
        assertTrue(apk.contains("java/weak-hash org/clinic/records/RecordsActivity.java:7"), apk.toString());
        assertTrue(apk.contains("java/weak-cipher org/clinic/records/sync/UploadService.java:12"), apk.toString());
        assertEquals(apk, byFormat.get("aab"), "AAB");
        // An AAR is a library: what its manifest leaves to defaults (SDK levels, backups, cleartext, user CAs) and the
        // permissions it does not declare are the including app's to decide, so those checks judge only what it writes.
        assertEquals(withoutLibraryJudged(apk), withoutLibraryJudged(byFormat.get("aar")), "AAR");
        assertTrue(byFormat.get("aar").stream().noneMatch(f -> f.startsWith("android/outdated-min-sdk")), "no default judged in a library");
    }

    /** Rules that judge a library manifest differently from an app's (see AndroidAppConfigDetector). */
    static final Set<String> LIBRARY_JUDGED = Set.of("android/outdated-min-sdk", "android/allow-backup",
            "android/cleartext-traffic", "android/user-ca-trusted");

    private static List<String> withoutLibraryJudged(List<String> findings) {
        return findings.stream().filter(f -> !LIBRARY_JUDGED.contains(f.substring(0, f.indexOf(' ')))).toList();
    }

    @Test
    void sameAndroidAppFromApkAabAndAar() {
        Map<String, String> facts = new TreeMap<>();
        for (Map.Entry<String, Path> e : apps.entrySet()) {
            Program.Builder builder = Program.builder();
            new ArtifactReader(IntakeOptions.defaults()).read(List.of(e.getValue()), builder);
            AndroidApp app = builder.build().android();
            assertNotNull(app, e.getKey());
            assertTrue(app.problems().isEmpty(), e.getKey() + ": " + app.problems());
            StringBuilder sb = new StringBuilder();
            sb.append("package ").append(app.packageName()).append(" sdk ").append(app.minSdk()).append('/')
                    .append(app.targetSdk()).append(" backup ").append(app.applicationFlag("allowBackup"))
                    .append(" label ").append(app.applicationAttribute("label")).append('\n');
            for (AndroidApp.Component c : app.components()) {
                sb.append(c.kind()).append(' ').append(c.className()).append(" impl ").append(c.implementation())
                        .append(" exported ").append(c.exported()).append(" exposed ").append(app.exposed(c))
                        .append(" launcher ").append(c.isLauncher()).append(" line ").append(c.line()).append('\n');
            }
            AndroidApp.XmlFile nsc = app.networkSecurityConfig();
            assertNotNull(nsc, e.getKey());
            sb.append("nsc ").append(nsc.path()).append(' ').append(nsc.root().name());
            for (var domain : nsc.root().children()) {
                sb.append(' ').append(domain.name()).append('@').append(domain.line())
                        .append(" cleartext=").append(domain.attr("cleartextTrafficPermitted"));
            }
            sb.append('\n').append("backend ").append(app.resources().value("@string/backend"));
            facts.put(e.getKey(), sb.toString());
        }
        String apk = facts.get("apk");
        assertEquals("""
                package org.clinic.records sdk 24/30 backup false label Clinic Records
                ACTIVITY org.clinic.records.RecordsActivity impl org/clinic/records/RecordsActivity exported true \
                exposed true launcher true line 10
                SERVICE org.clinic.records.sync.UploadService impl org/clinic/records/sync/UploadService exported true \
                exposed true launcher false line 17
                RECEIVER org.clinic.records.sync.BootReceiver impl org/clinic/records/sync/BootReceiver exported false \
                exposed false launcher false line 18
                nsc res/xml/network_security_config.xml network-security-config domain-config@3 cleartext=true
                backend https://records.clinic.example""", apk);
        assertEquals(apk, facts.get("aab"), "AAB");
        assertEquals(apk, facts.get("aar"), "AAR");
    }
}
