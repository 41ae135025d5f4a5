package dev.triage.analysis.detect;

import dev.triage.analysis.Analyses;
import dev.triage.analysis.Deadline;
import dev.triage.contract.Detection;
import dev.triage.analysis.Detector;
import dev.triage.analysis.model.Models;
import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.Program;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Android manifest, network and resource detectors on decoded (text) manifests and resources, without building
 * an app: platform defaults, library manifests, nested network configurations, values a binary manifest keeps as
 * numbers, the secret heuristics, and hostile input (the corpus, ApkCorpusTest, covers real built apps).
 */
class AndroidConfigDetectorsTest {
    private static final Models MODELS = Models.builtIn();

    private static List<Detector> detectors() {
        return List.of(new AndroidAppConfigDetector(), new AndroidNetworkConfigDetector(), new AndroidComponentDetector(),
                new AndroidSecretDetector(), new FlagSecureDetector());
    }

    /** Findings as "rule path:line", sorted. */
    private static List<String> scan(String input, Map<String, String> files) {
        Program.Builder b = Program.builder();
        files.forEach((name, text) -> b.onResource(new ResourceEntry(name, input + "!/" + name,
                text.getBytes(StandardCharsets.UTF_8), CodeRole.APP)));
        Analyses.Result r = Analyses.run(b.build(), MODELS, detectors(), 1, new Deadline(Duration.ZERO), null);
        List<String> out = new ArrayList<>();
        r.detections().stream()
                .sorted(Comparator.comparing((Detection d) -> d.location().sourcePath()).thenComparingInt(d -> d.location().line())
                        .thenComparing(Detection::ruleId))
                .forEach(d -> out.add(d.ruleId() + " " + d.location().sourcePath() + ":" + d.location().line()));
        return out;
    }

    private static Map<String, String> files(String manifest, String... more) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("AndroidManifest.xml", manifest);
        for (int i = 0; i + 1 < more.length; i += 2) m.put(more[i], more[i + 1]);
        return m;
    }

    private static String manifest(String usesSdk, String applicationAttributes, String body) {
        return """
                <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.care">
                  %s<uses-permission android:name="android.permission.INTERNET"/>
                  <application %s>
                %s
                  </application>
                </manifest>
                """.formatted(usesSdk, applicationAttributes, body);
    }

    @Test
    void oldDefaultsApplyToAppsButNotToLibraries() {
        String m = manifest("<uses-sdk android:minSdkVersion=\"14\"/>", "", "");
        assertEquals(List.of("android/allow-backup AndroidManifest.xml:3", "android/cleartext-traffic AndroidManifest.xml:3",
                "android/user-ca-trusted AndroidManifest.xml:3", "android/outdated-min-sdk AndroidManifest.xml:2"),
                reorder(scan("app.apk", files(m))));
        assertEquals(List.of(), scan("lib.aar", files(m)), "a library's manifest leaves the defaults to the app");
        assertEquals(List.of("android/allow-backup AndroidManifest.xml:3", "android/outdated-min-sdk AndroidManifest.xml:2"),
                reorder(scan("app.apk", files(m.replace("android.permission.INTERNET", "android.permission.VIBRATE")))),
                "an app without the INTERNET permission sends no traffic");
        String explicit = manifest("<uses-sdk android:minSdkVersion=\"14\"/>",
                "android:allowBackup=\"true\" android:usesCleartextTraffic=\"true\" android:debuggable=\"true\"", "");
        assertEquals(List.of("android/allow-backup AndroidManifest.xml:3", "android/cleartext-traffic AndroidManifest.xml:3",
                "android/debuggable AndroidManifest.xml:3"), scan("lib.aar", files(explicit)), "what a library writes counts");
    }

    /** Application-line findings first by rule, then the rest (the order scan() gives, made independent of line). */
    private static List<String> reorder(List<String> l) {
        List<String> out = new ArrayList<>(l.stream().filter(s -> s.endsWith(":3")).toList());
        out.addAll(l.stream().filter(s -> !s.endsWith(":3")).toList());
        return out;
    }

    @Test
    void backupRulesMustCoverEveryVersionTheAppInstallsOn() {
        String sdk = "<uses-sdk android:minSdkVersion=\"28\" android:targetSdkVersion=\"34\"/>";
        assertEquals(List.of("android/allow-backup AndroidManifest.xml:3"),
                scan("a.apk", files(manifest(sdk, "android:dataExtractionRules=\"@xml/rules\"", ""))),
                "dataExtractionRules alone leave Android 9-11 without rules");
        assertEquals(List.of(), scan("a.apk", files(manifest(sdk,
                "android:dataExtractionRules=\"@xml/rules\" android:fullBackupContent=\"@xml/legacy\"", ""))));
        assertEquals(List.of(), scan("a.apk", files(manifest(sdk, "android:fullBackupContent=\"false\"", ""))));
        assertEquals(List.of("android/allow-backup AndroidManifest.xml:3"),
                scan("a.apk", files(manifest(sdk, "android:fullBackupContent=\"true\"", ""))), "true asks for everything");
        assertEquals(List.of(), scan("a.apk", files(manifest(sdk, "android:allowBackup=\"@bool/unknown\"", ""))),
                "a value that cannot be resolved is not judged");
        String newer = "<uses-sdk android:minSdkVersion=\"31\" android:targetSdkVersion=\"30\"/>";
        assertEquals(List.of("android/allow-backup AndroidManifest.xml:3"),
                scan("a.apk", files(manifest(newer, "android:dataExtractionRules=\"@xml/rules\"", ""))).stream()
                        .filter(s -> s.contains("backup")).toList(), "targetSdk 30 ignores dataExtractionRules");
    }

    @Test
    void networkSecurityConfigurationNestingDebugOverridesAndLocalHosts() {
        String m = manifest("<uses-sdk android:minSdkVersion=\"29\" android:targetSdkVersion=\"34\"/>",
                "android:allowBackup=\"false\" android:networkSecurityConfig=\"@xml/nsc\"", "");
        String nsc = """
                <network-security-config>
                  <base-config cleartextTrafficPermitted="false"/>
                  <domain-config cleartextTrafficPermitted="true">
                    <domain>localhost</domain>
                    <domain>10.0.2.2</domain>
                  </domain-config>
                  <domain-config>
                    <domain includeSubdomains="true">acme.example</domain>
                    <domain-config cleartextTrafficPermitted="true">
                      <domain>legacy.acme.example</domain>
                      <trust-anchors>
                        <certificates src="user"/>
                      </trust-anchors>
                    </domain-config>
                  </domain-config>
                  <domain-config cleartextTrafficPermitted="true"/>
                  <debug-overrides>
                    <trust-anchors>
                      <certificates src="user"/>
                    </trust-anchors>
                  </debug-overrides>
                </network-security-config>
                """;
        assertEquals(List.of("android/cleartext-traffic res/xml/nsc.xml:9", "android/user-ca-trusted res/xml/nsc.xml:12"),
                scan("a.apk", files(m, "res/xml/nsc.xml", nsc)));
    }

    @Test
    void valuesABinaryManifestKeepsAsNumbers() {
        String m = manifest("<uses-sdk android:minSdkVersion=\"28\" android:targetSdkVersion=\"34\"/>",
                "android:allowBackup=\"0x0\"", """
                    <activity android:name=".A" android:launchMode="2" android:exported="false"/>
                    <activity android:name=".B" android:launchMode="1" android:exported="false"/>
                    <service android:name=".S" android:exported="0xffffffff" android:permission="com.acme.P"/>
                """) .replace("<application", "<permission android:name=\"com.acme.P\" android:protectionLevel=\"0x2\"/>\n  <application");
        assertEquals(List.of("android/task-hijacking AndroidManifest.xml:5"), scan("a.apk", files(m)),
                "launchMode 2 is singleTask; protection level 0x2 is signature");
    }

    @Test
    void secretNamesAndValues() {
        Set<String> names = Tables.set(MODELS, "secret-key-names");
        Set<String> qualifiers = Tables.set(MODELS, "secret-key-qualifiers");
        Set<String> labels = Tables.set(MODELS, "android-label-name-words");
        for (String n : List.of("api_key", "db_password", "client_secret", "authToken", "google_maps_api_key", "jwt-secret",
                "encryption_key", "stripeSecretKey")) {
            assertTrue(AndroidSecretDetector.namesSecret(n, names, qualifiers, labels), n);
        }
        for (String n : List.of("prompt_password", "password_hint", "error_invalid_token", "pref_key_api_token",
                "token_count", "maps_key", "forgot_password", "title_activity_password")) {
            assertFalse(AndroidSecretDetector.namesSecret(n, names, qualifiers, labels), n);
        }
        List<Pattern> placeholders = new ArrayList<>();
        for (String p : Tables.set(MODELS, "android-placeholder-values")) {
            placeholders.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
        }
        for (String v : List.of("4f7c2a91d8e3b605", "Hunter2!", "changeit", "s3cr3t-value")) {
            assertTrue(AndroidSecretDetector.looksLikeSecret(v, "db_password", placeholders), v);
        }
        for (String v : List.of("Password", "Passwort:", "Enter your password", "%1$s", "@string/other", "YOUR_API_KEY",
                "xxxxxx", "<api-key>", "${API_KEY}", "password", "db_password", "DBPASSWORD", "https://api.acme.example", "abc")) {
            assertFalse(AndroidSecretDetector.looksLikeSecret(v, "db_password", placeholders), v);
        }
    }

    @Test
    void credentialFormatsMatchWholeTokensOnly() {
        List<AndroidSecretDetector.Format> formats = AndroidSecretDetector.formats(MODELS);
        String key = "AIzaboIRoL3u6aHwnMztVuaP_coUNEhEkk_iqq8";
        assertTrue(matches(formats, "key=" + key), "a Google API key on its own");
        assertFalse(matches(formats, "data:font/woff;base64,Qm9" + key + "x9Zm9v"), "inside a base64 blob");
        assertFalse(matches(formats, "pk_live_74KKEpYEZAmggQBwBAD3UdRP sk_test_PgdzUvZ3gpmmICiBlrDp37eC"));
        assertFalse(matches(formats, "-----BEGIN CERTIFICATE-----\n-----BEGIN PUBLIC KEY-----"));
        assertTrue(matches(formats, "-----BEGIN OPENSSH PRIVATE KEY-----"));
        assertTrue(matches(formats, "mongodb+srv://app:Tr0ub4dor@cluster0.acme.net/records"));
        assertFalse(matches(formats, "https://3f1c2b9a7e@o12345.ingest.sentry.io/67890"), "a Sentry DSN has no password");
        assertTrue(matches(formats, "AWS_SECRET_ACCESS_KEY = nlWmTSHf6pWkLUyifDLkDmWJ6UuVTAIjvFu7WICP"));
        assertTrue(matches(formats, "token: xoxp-1361939909-9985435346247-u7W7eaDNKgeInGqi7w4e4pxs"));
        for (AndroidSecretDetector.Format f : formats) {
            assertFalse(f.hints().isEmpty(), f.name() + ": a pattern without hints runs on every byte of every asset");
        }
    }

    private static boolean matches(List<AndroidSecretDetector.Format> formats, String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return formats.stream().anyMatch(f -> f.mayOccur(lower) && f.pattern().matcher(text).find());
    }

    @Test
    void hostileInputIsBoundedAndNeverCrashes() {
        // Patterns stay linear on inputs built to make them backtrack.
        List<AndroidSecretDetector.Format> formats = AndroidSecretDetector.formats(MODELS);
        List<String> evil = List.of("AKIA".repeat(64_000), "xoxb-" + "1".repeat(256_000), "https://a:".repeat(25_000),
                "aws_secret_access_key=".repeat(12_000), "sk-" + "a".repeat(256_000), "-----BEGIN ".repeat(25_000),
                "AAAA" + "a".repeat(7) + ":APA91b" + "b".repeat(256_000), "mysql://" + "u".repeat(64) + ":".repeat(256_000));
        // CPU time of this thread, not wall time: a machine shared with other builds must not make it flaky
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        for (String s : evil) for (AndroidSecretDetector.Format f : formats) f.pattern().matcher(s).find();
        long ms = (threads.getCurrentThreadCpuTime() - t0) / 1_000_000;
        assertTrue(ms < 30_000, "credential patterns took " + ms + " ms of CPU on 2 MB of adversarial input");

        // Garbage values, deep nesting, a huge asset: no crash, nothing reported from what cannot be read.
        String m = manifest("<uses-sdk android:minSdkVersion=\"x\" android:targetSdkVersion=\"@integer/none\"/>",
                "android:allowBackup=\"maybe\" android:networkSecurityConfig=\"@xml/missing\" android:taskAffinity=\"@string/none\"",
                "<activity android:launchMode=\"\"/><provider android:name=\".P\" android:grantUriPermissions=\"true\">"
                        + "<meta-data android:name=\"android.support.FILE_PROVIDER_PATHS\" android:resource=\"@xml/gone\"/></provider>"
                        + "<permission-tree/><activity android:name=\"\"/>");
        String huge = "x".repeat(2_000_000) + "AKIAHBRPOIG8F1CBFNO6";
        List<String> found = scan("a.apk", files(m, "assets/big.txt", huge, "res/xml/deep.xml", "<a>".repeat(300) + "</a>".repeat(300)));
        assertTrue(found.stream().noneMatch(s -> s.contains("assets/big.txt")), "an asset over the size bound is not read: " + found);
        assertEquals(List.of(), scan("a.apk", files("<manifest><application>")), "an unreadable manifest gives nothing");
        assertEquals(List.of(), scan("app.jar", Map.of("config.properties", "a=b")), "not an Android app");
    }

    @Test
    void sameInputSameFindingsSameOrder() {
        String m = manifest("<uses-sdk android:minSdkVersion=\"21\" android:targetSdkVersion=\"30\"/>", "", """
                    <activity android:name=".A"><intent-filter><action android:name="x"/></intent-filter></activity>
                    <service android:name=".S" android:exported="true"/>
                    <receiver android:name=".R" android:exported="true"/>
                """);
        List<String> first = scan("a.apk", files(m));
        for (int i = 0; i < 3; i++) assertEquals(first, scan("a.apk", files(m)));
        assertEquals(List.of("android/outdated-min-sdk AndroidManifest.xml:2", "android/allow-backup AndroidManifest.xml:3",
                "android/exported-component AndroidManifest.xml:4", "android/exported-component AndroidManifest.xml:5",
                "android/exported-component AndroidManifest.xml:6"), first);
    }
}
