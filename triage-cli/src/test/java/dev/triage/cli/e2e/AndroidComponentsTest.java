package dev.triage.cli.e2e;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.components.Component;
import dev.triage.components.ComponentOptions;
import dev.triage.components.ComponentReport;
import dev.triage.findings.Finding;
import dev.triage.findings.ScanResult;
import dev.triage.testkit.AndroidTestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Libraries merged into an APK's DEX code are identified (real OkHttp and Okio dexed with D8 into a
 * signed APK; an AndroidX version file), matched against an advisory database imported with {@code triage db import},
 * and their reachability comes from the app's references to their packages.
 */
class AndroidComponentsTest {
    @TempDir
    Path tmp;

    @Test
    void dexLibrariesBecomeComponentsAndMatchAdvisories() throws Exception {
        Path apk = tmp.resolve("clinic.apk");
        AndroidTestApp.builder()
                .manifest("""
                        <?xml version="1.0" encoding="utf-8"?>
                        <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="org.clinic.app">
                            <uses-sdk android:minSdkVersion="26" android:targetSdkVersion="34"/>
                            <application android:label="Clinic" android:allowBackup="false"/>
                        </manifest>
                        """)
                .javaSource("org.clinic.app.Api", """
                        package org.clinic.app;

                        public class Api {
                            private final okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();

                            public okhttp3.OkHttpClient client() {
                                return client;
                            }
                        }
                        """)
                .classPath(jars("okhttp-", "okio-", "kotlin-stdlib-"))
                .libraryJars(jars("okhttp-4", "okio-jvm-"))
                .file("META-INF/androidx.core_core.version", "1.12.0\n".getBytes(StandardCharsets.UTF_8))
                .buildApk(apk);

        Path osv = Files.createDirectories(tmp.resolve("osv"));
        Files.writeString(osv.resolve("TEST-OKHTTP-0001.json"), """
                {"id": "TEST-OKHTTP-0001", "modified": "2026-01-01T00:00:00Z", "published": "2026-01-01T00:00:00Z",
                 "summary": "Test advisory for OkHttp before 4.12.1", "aliases": ["CVE-2099-0001"],
                 "affected": [{"package": {"ecosystem": "Maven", "name": "com.squareup.okhttp3:okhttp"},
                               "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "4.12.1"}]}]}],
                 "database_specific": {"severity": "HIGH"}}
                """);
        Files.writeString(osv.resolve("TEST-OKIO-0001.json"), """
                {"id": "TEST-OKIO-0001", "modified": "2026-01-01T00:00:00Z", "published": "2026-01-01T00:00:00Z",
                 "summary": "Test advisory for Okio: never matched, the APK has no version for it",
                 "affected": [{"package": {"ecosystem": "Maven", "name": "com.squareup.okio:okio"},
                               "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}]}]}
                """);
        Path db = tmp.resolve("db");
        assertEquals(0, CliTest.triage("db", "import", osv.toString(), "--db", db.toString()).exit());

        ScanResult r = ScanPipeline.run(ScanRequest.of(List.of(apk)).withComponents(
                ComponentOptions.defaults().withDatabase(db).withNow(Instant.parse("2026-11-25T00:00:00Z"))));
        ComponentReport report = r.components();
        Map<String, Component> byKey = report.components().stream()
                .collect(Collectors.toMap(Component::key, c -> c, (a, b) -> a));

        Component okhttp = byKey.get("com.squareup.okhttp3:okhttp");
        assertEquals("4.12.0", okhttp.version(), "OkHttp's version constant: " + okhttp);
        assertEquals(Component.IdentifiedBy.CLASS_SIGNATURE, okhttp.identifiedBy());
        assertTrue(okhttp.origin().matches(".*clinic\\.apk!/classes\\d*\\.dex!/okhttp3/"), okhttp.origin());
        assertEquals("pkg:maven/com.squareup.okhttp3/okhttp@4.12.0", okhttp.purl());

        Component core = byKey.get("androidx.core:core");
        assertEquals("1.12.0", core.version());
        assertEquals(Component.IdentifiedBy.VERSION_FILE, core.identifiedBy());

        assertEquals("", byKey.get("com.squareup.okio:okio").version(), "no version source for Okio: listed, not matched");
        assertTrue(!byKey.containsKey("org.jetbrains.kotlin:kotlin-stdlib"), "the Kotlin stdlib was on the class path only");

        List<ComponentReport.Vulnerability> vulns = report.vulnerabilities();
        assertEquals(1, vulns.size(), "only OkHttp has a version and an advisory: " + vulns);
        assertEquals("TEST-OKHTTP-0001", vulns.get(0).advisory().id());
        assertEquals("4.12.1", vulns.get(0).fixedVersion());
        assertTrue(vulns.get(0).evidence().contains("org.clinic.app.Api"), vulns.get(0).evidence());

        List<Finding> vulnerable = new ArrayList<>();
        for (Finding f : r.findings()) if (f.rule().id().equals("component/vulnerable-dependency")) vulnerable.add(f);
        assertEquals(1, vulnerable.size(), r.findings().toString());
    }

    private static List<Path> jars(String... prefixes) {
        List<Path> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            String n = p.getFileName().toString();
            for (String prefix : prefixes) {
                if (n.startsWith(prefix) && n.endsWith(".jar") && !out.contains(p)) out.add(p);
            }
        }
        return out;
    }
}
