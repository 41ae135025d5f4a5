package dev.triage.cli.e2e;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.ScanResult;
import dev.triage.testkit.AndroidTestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline over a good APK next to hostile Android inputs (a garbage manifest, a corrupt resource table,
 * a corrupt second DEX, a zip-slip entry, an AAR whose text manifest declares an external entity, a truncated APK):
 * each gives a clear problem line in bounded time, nothing crashes, and the good app is still scanned.
 */
class AndroidHostileScanTest {
    @TempDir
    Path tmp;

    static final String MANIFEST = """
            <?xml version="1.0" encoding="utf-8"?>
            <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="org.clinic.good">
              <uses-sdk android:minSdkVersion="28" android:targetSdkVersion="34"/>
              <application android:allowBackup="false" android:label="@string/app_name"/>
            </manifest>
            """;

    @Test
    void hostileAndroidInputsAreProblemsAndTheGoodAppIsScanned() throws Exception {
        Path good = AndroidTestApp.builder()
                .manifest(MANIFEST)
                .resource("res/values/strings.xml", "<resources><string name=\"app_name\">Good</string></resources>")
                .javaSource("org.clinic.good.Digests", """
                        package org.clinic.good;
                        public class Digests {
                            public byte[] h(byte[] d) throws Exception {
                                return java.security.MessageDigest.getInstance("MD5").digest(d);
                            }
                        }
                        """)
                .buildApk(tmp.resolve("good.apk"));
        Map<String, byte[]> entries = entries(good);

        Map<String, byte[]> garbageManifest = new LinkedHashMap<>(entries);
        garbageManifest.put("AndroidManifest.xml", "\u0003\u0000\u0008\u0000 not binary xml at all".getBytes(StandardCharsets.ISO_8859_1));
        Path badManifest = write("badmanifest.apk", garbageManifest);

        Map<String, byte[]> badTable = new LinkedHashMap<>(entries);
        byte[] arsc = entries.get("resources.arsc").clone();
        Arrays.fill(arsc, 8, Math.min(arsc.length, 64), (byte) 0xff); // the string pool header: lengths past the end
        badTable.put("resources.arsc", arsc);
        Path corruptTable = write("badtable.apk", badTable);

        Map<String, byte[]> badDex = new LinkedHashMap<>(entries);
        byte[] dex = entries.get("classes.dex").clone();
        badDex.put("classes2.dex", Arrays.copyOf(dex, 200)); // a DEX header that promises more than it holds
        badDex.put("../../escape/classes3.dex", dex);        // zip-slip: never read, never written anywhere
        Path corruptDex = write("baddex.apk", badDex);

        Map<String, byte[]> aar = new LinkedHashMap<>();
        aar.put("AndroidManifest.xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <!DOCTYPE manifest [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <manifest xmlns:android="http://schemas.android.com/apk/res/android" package="org.evil">&secret;</manifest>
                """.getBytes(StandardCharsets.UTF_8));
        aar.put("classes.jar", new byte[] {'P', 'K', 3, 4, 0, 0});
        Path entityAar = write("entity.aar", aar);

        byte[] whole = Files.readAllBytes(good);
        Path truncated = Files.write(tmp.resolve("truncated.apk"), Arrays.copyOf(whole, whole.length / 3));

        ScanResult result = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> ScanPipeline.run(
                ScanRequest.of(List.of(good, badManifest, corruptTable, corruptDex, entityAar, truncated))));

        assertTrue(result.findings().stream().anyMatch(f -> f.rule().id().equals("java/weak-hash")
                && f.location().sourcePath().equals("org/clinic/good/Digests.java")), "the good app is still scanned");
        List<String> problems = result.problems().stream().map(ScanProblem::describe).toList();
        assertProblem(problems, "badmanifest.apk!/AndroidManifest.xml", "past the end");
        assertProblem(problems, "badtable.apk!/resources.arsc", "past the end");
        assertProblem(problems, "baddex.apk!/classes2.dex", "truncated DEX");
        assertProblem(problems, "baddex.apk!/../../escape/classes3.dex", "zip-slip");
        assertProblem(problems, "entity.aar!/AndroidManifest.xml", "DOCTYPE");
        assertProblem(problems, "truncated.apk", "zip");
        assertTrue(problems.stream().noneMatch(p -> p.contains("root:")), "the external entity was never resolved: " + problems);
        assertTrue(Files.notExists(tmp.resolve("escape")) && Files.notExists(tmp.getParent().resolve("escape")),
                "nothing is extracted");
    }

    private static void assertProblem(List<String> problems, String where, String what) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(where) && p.contains(what)),
                where + " must be reported (" + what + "); problems: " + problems);
    }

    private Path write(String name, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return Files.write(tmp.resolve(name), bytes.toByteArray());
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> en = z.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (e.getName().startsWith("META-INF/")) continue; // the rewritten APKs are unsigned
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }
}
