package dev.triage.intake;

import com.reandroid.arsc.chunk.TableBlock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.triage.intake.Fixtures.write;
import static dev.triage.intake.Fixtures.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile Android inputs: every bad part gives one clear, one-line {@link SkippedInput} reason, in bounded
 * time, and the rest of the APK is still read.
 */
class AndroidHostileTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    static byte[] dex;
    static byte[] manifest;
    static byte[] arsc;
    static byte[] layout;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() {
        AndroidApkTest.build();
        dex = AndroidApkTest.dex;
        TableBlock t = AndroidFixtures.table("com.acme.health");
        AndroidFixtures.string(t, "app_name", "Acme");
        AndroidFixtures.string(t, "api_key", "AIzaSyFAKE");
        AndroidFixtures.file(t, "xml", "network_security_config", "res/xml/network_security_config.xml");
        AndroidFixtures.file(t, "xml", "evil", "res/../../etc/passwd");
        AndroidFixtures.file(t, "xml", "abs", "/etc/passwd");
        AndroidFixtures.file(t, "layout", "main", "res/layout/main.xml");
        manifest = AndroidFixtures.axml(t, AndroidApkTest.MANIFEST);
        layout = AndroidFixtures.axml(t, "<LinearLayout xmlns:android=\"http://schemas.android.com/apk/res/android\""
                + " android:orientation=\"vertical\"><Button android:onClick=\"send\"/></LinearLayout>");
        arsc = AndroidFixtures.arsc(t);
    }

    /** An APK with the given replacements (null removes an entry). */
    private Path apk(String name, Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("AndroidManifest.xml", manifest);
        m.put("resources.arsc", arsc);
        m.put("classes.dex", dex);
        m.put("res/layout/main.xml", layout);
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            String n = (String) nameThenBytes[i];
            if (nameThenBytes[i + 1] == null) {
                m.remove(n);
            } else {
                m.put(n, (byte[]) nameThenBytes[i + 1]);
            }
        }
        return write(tmp.resolve(name), zip(m));
    }

    private static AppBundle scan(Path apk) {
        return scan(IntakeLimits.DEFAULTS, apk);
    }

    private static AppBundle scan(IntakeLimits limits, Path apk) {
        IntakeOptions o = new IntakeOptions(limits, List.of(), List.of());
        return assertTimeoutPreemptively(BOUND, () -> new ArtifactReader(o).readAll(List.of(apk)));
    }

    private static SkippedInput skipped(AppBundle b, String entry, String reasonPart) {
        List<SkippedInput> m = b.skipped().stream().filter(s -> s.entry().equals(entry)).toList();
        assertEquals(1, m.size(), "one line for " + entry + " in " + b.skipped());
        assertTrue(m.get(0).reason().contains(reasonPart), m.get(0).describe());
        assertFalse(m.get(0).reason().contains("\n"));
        return m.get(0);
    }

    private static void assertClassesRead(AppBundle b) {
        assertTrue(b.classes().stream().anyMatch(c -> c.internalName().equals("com/acme/health/MainActivity")),
                "the code is still read: " + b.skipped());
    }

    private static boolean hasResource(AppBundle b, String name) {
        return b.resources().stream().anyMatch(r -> r.name().equals(name));
    }

    private static byte[] patch32(byte[] b, int offset, long value) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, (int) value);
        return c;
    }

    // ---------------------------------------------------------------- binary XML

    @Test
    void truncatedManifest() {
        AppBundle b = scan(apk("t.apk", "AndroidManifest.xml", Arrays.copyOf(manifest, manifest.length * 2 / 3)));
        skipped(b, "AndroidManifest.xml", "past the end");
        assertClassesRead(b);
        assertTrue(hasResource(b, "android-resources.xml"));
        assertTrue(hasResource(b, "res/layout/main.xml"));
    }

    @Test
    void chunkSizePastTheEnd() {
        // the string pool chunk (at offset 8) claims far more bytes than the file has
        AppBundle b = scan(apk("c.apk", "AndroidManifest.xml", patch32(manifest, 12, 0x7FFFFF00L)));
        skipped(b, "AndroidManifest.xml", "claims 2147483392 bytes, past the end");
        assertClassesRead(b);
    }

    @Test
    void stringPoolCount2Pow31() {
        AppBundle b = scan(apk("s.apk", "AndroidManifest.xml", patch32(manifest, 16, 0x80000000L)));
        skipped(b, "AndroidManifest.xml", "string pool declares 2147483648 strings");
        assertClassesRead(b);
    }

    @Test
    void stringPoolCountLargerThanItsBytes() {
        AppBundle b = scan(apk("s2.apk", "AndroidManifest.xml", patch32(manifest, 16, 100_000)));
        skipped(b, "AndroidManifest.xml", "string pool count 100000 needs 400000 bytes of offsets");
        assertClassesRead(b);
    }

    @Test
    void negativeStringOffset() {
        AppBundle b = scan(apk("n.apk", "AndroidManifest.xml", patch32(manifest, 36, 0xFFFFFFF0L)));
        skipped(b, "AndroidManifest.xml", "offset 4294967280 outside the string pool");
        assertClassesRead(b);
    }

    @Test
    void hugeManifestIsRefusedBeforeParsing() {
        byte[] huge = Arrays.copyOf(manifest, 5 << 20); // past the 4 MB default, mostly zeros (compresses well)
        AppBundle b = scan(apk("h.apk", "AndroidManifest.xml", huge));
        skipped(b, "AndroidManifest.xml", "more than the limit of 4194304");
        assertClassesRead(b);
    }

    @Test
    void hugeStringPoolInALayout() {
        // a layout declaring 3,000,000 strings: over the string limit, refused without allocating them
        AppBundle b = scan(apk("l.apk", "res/layout/main.xml", patch32(layout, 16, 3_000_000)));
        skipped(b, "res/layout/main.xml", "string pool declares 3000000 strings, more than the limit of 2000000");
        assertClassesRead(b);
        assertTrue(hasResource(b, "AndroidManifest.xml"));
    }

    @Test
    void deeplyNestedElements() {
        StringBuilder sb = new StringBuilder("<a xmlns:android=\"http://schemas.android.com/apk/res/android\">");
        for (int i = 0; i < 400; i++) {
            sb.append("<b>");
        }
        for (int i = 0; i < 400; i++) {
            sb.append("</b>");
        }
        sb.append("</a>");
        byte[] deep = AndroidFixtures.axml(AndroidFixtures.table("com.acme.health"), sb.toString());
        AppBundle b = scan(apk("d.apk", "res/xml/deep.xml", deep));
        skipped(b, "res/xml/deep.xml", "nested more than 256 levels deep");
        assertClassesRead(b);
    }

    @Test
    void hugeLineNumberDoesNotPadTheText() {
        // the second start element claims line 2,147,483,632: the text must not grow to gigabytes
        byte[] l = layout.clone();
        ByteBuffer bb = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN);
        int p = bb.getShort(2);
        int starts = 0;
        while (p < l.length) {
            if ((bb.getShort(p) & 0xffff) == 0x0102 && starts++ == 1) {
                bb.putInt(p + 8, 0x7ffffff0);
            }
            p += bb.getInt(p + 4);
        }
        AppBundle b = scan(apk("line.apk", "res/layout/main.xml", l));
        String text = new String(b.resources().stream().filter(r -> r.name().equals("res/layout/main.xml")).findFirst()
                .orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertTrue(text.length() < 1000, text.length() + " chars");
        assertTrue(text.contains("<Button android:onClick=\"send\"/>"), text);
    }

    @Test
    void garbageInsteadOfBinaryXmlManifest() {
        AppBundle b = scan(apk("g.apk", "AndroidManifest.xml", "not xml at all".getBytes(StandardCharsets.UTF_8)));
        skipped(b, "AndroidManifest.xml", "not binary XML");
        assertClassesRead(b);
    }

    // ---------------------------------------------------------------- resource table

    @Test
    void resourceFilesPointingOutsideAreDropped() {
        AppBundle b = scan(apk("r.apk"));
        List<SkippedInput> arscLines = b.skipped().stream().filter(s -> s.entry().equals("resources.arsc")).toList();
        assertEquals(2, arscLines.size(), b.skipped().toString());
        assertTrue(arscLines.get(0).reason().contains("'res/../../etc/passwd' ('..' segment in path); dropped"),
                arscLines.toString());
        assertTrue(arscLines.get(1).reason().contains("'/etc/passwd' (absolute path); dropped"), arscLines.toString());
        String table = new String(b.resources().stream().filter(r -> r.name().equals("android-resources.xml"))
                .findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertFalse(table.contains("passwd"), table);
        assertTrue(table.contains("name=\"api_key\""), table);
        assertTrue(table.contains("file=\"res/layout/main.xml\""), table);
    }

    @Test
    void corruptResourceTable() {
        AppBundle b = scan(apk("rt.apk", "resources.arsc", patch32(arsc, 4, 0x10000000L)));
        skipped(b, "resources.arsc", "past the end");
        assertClassesRead(b);
        assertTrue(hasResource(b, "AndroidManifest.xml"), "the manifest is decoded without the table");
    }

    // ---------------------------------------------------------------- DEX

    @Test
    void badDexHeaderInASecondDex() {
        byte[] bad = dex.clone();
        bad[0] = 'x';
        AppBundle b = scan(apk("m.apk", "classes2.dex", bad, "classes3.dex", Arrays.copyOf(dex, 50)));
        skipped(b, "classes2.dex", "not a DEX file (bad magic)");
        skipped(b, "classes3.dex", "truncated DEX file");
        assertClassesRead(b);
    }

    @Test
    void dexTablesOutsideTheFile() {
        AppBundle b = scan(apk("o.apk", "classes2.dex", patch32(dex, 100, 0x7FFFFFF0L)));
        skipped(b, "classes2.dex", "class_defs");
        assertClassesRead(b);
    }

    @Test
    void corruptedDexClassIsSkippedTheOthersConverted() {
        ByteBuffer bb = ByteBuffer.wrap(dex).order(ByteOrder.LITTLE_ENDIAN);
        int classDefs = bb.getInt(100);
        int count = bb.getInt(96);
        byte[] bad = dex.clone();
        // class_data_off of the first class definition points far outside the file
        bad = patch32(bad, classDefs + 24, 0x7FFFFFF0L);
        AppBundle b = scan(apk("k.apk", "classes.dex", bad));
        assertEquals(count - 1, b.classes().size(), b.skipped().toString());
        List<SkippedInput> dexLines = b.skipped().stream().filter(x -> x.entry().startsWith("classes.dex")).toList();
        assertEquals(1, dexLines.size(), b.skipped().toString());
        SkippedInput s = dexLines.get(0);
        assertEquals("classes.dex!/com/acme/health/MainActivity$$ExternalSyntheticLambda0.class", s.entry());
        assertTrue(s.reason().contains("corrupt DEX class definition") || s.reason().contains("cannot convert"),
                s.describe());
    }

    /** Issue 21, the DEX layout pre-check: a method claiming 2^31 code units is refused before dex2jar allocates for it. */
    @Test
    void methodClaimingMoreCodeUnitsThanTheFileHoldsSkipsItsClassOnly() {
        ByteBuffer bb = ByteBuffer.wrap(dex).order(ByteOrder.LITTLE_ENDIAN);
        int count = bb.getInt(96);
        int classDefs = bb.getInt(100);
        int codeOff = -1;
        String owner = null;
        for (int c = 0; c < count && codeOff < 0; c++) {
            int data = bb.getInt(classDefs + 32 * c + 24);
            if (data == 0) continue;
            int[] pos = {data};
            long fields = uleb(dex, pos) + uleb(dex, pos);
            long methods = uleb(dex, pos) + uleb(dex, pos);
            for (long f = 0; f < fields; f++) { uleb(dex, pos); uleb(dex, pos); }
            for (long m = 0; m < methods && codeOff < 0; m++) {
                uleb(dex, pos);
                uleb(dex, pos);
                long code = uleb(dex, pos);
                if (code != 0) {
                    codeOff = (int) code;
                    owner = "#" + c;
                }
            }
        }
        assertTrue(codeOff > 0, "a method with code");
        byte[] bad = patch32(dex, codeOff + 12, 0x7FFFFFFFL);
        AppBundle b = scan(apk("u.apk", "classes.dex", bad));
        List<SkippedInput> lines = b.skipped().stream().filter(x -> x.entry().startsWith("classes.dex")).toList();
        assertEquals(1, lines.size(), "one class skipped (" + owner + "): " + b.skipped());
        assertTrue(lines.get(0).reason().contains("2147483647 code units, more than fit in the file"), lines.get(0).describe());
        assertEquals(count - 1, b.classes().size(), "the other classes are converted");
    }

    /** Issue 21: a string claiming more characters than the file has bytes refuses the DEX (dex2jar would allocate them). */
    @Test
    void stringLongerThanTheFileRefusesTheDex() {
        ByteBuffer bb = ByteBuffer.wrap(dex).order(ByteOrder.LITTLE_ENDIAN);
        int strings = bb.getInt(56);
        int stringIds = bb.getInt(60);
        int at = -1;
        int index = -1;
        for (int i = 0; i < strings && at < 0; i++) {
            int off = bb.getInt(stringIds + 4 * i);
            int[] pos = {off};
            if (uleb(dex, pos) >= 5) {
                at = off;
                index = i;
            }
        }
        assertTrue(at > 0, "a string of five characters or more");
        byte[] bad = dex.clone();
        // its length becomes 0x7FFFFFFF, a five-byte ULEB128 written over the length and the first characters
        byte[] claim = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        System.arraycopy(claim, 0, bad, at, claim.length);
        AppBundle b = scan(apk("s.apk", "classes2.dex", bad));
        skipped(b, "classes2.dex", "string #" + index + " claims 2147483647 characters");
        assertClassesRead(b);
    }

    private static long uleb(byte[] b, int[] pos) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b[pos[0]++] & 0xff;
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) return v;
        }
    }

    @Test
    void hugeMethodBodyIsReplacedByAStub() {
        IntakeLimits d = IntakeLimits.DEFAULTS;
        IntakeLimits small = new IntakeLimits(d.maxEntries(), d.maxTotalBytes(), d.maxEntryBytes(),
                d.maxCompressionRatio(), d.ratioGraceBytes(), d.maxNestingDepth(), d.maxManifestBytes(),
                d.maxResourceTableBytes(), d.maxResourceStrings(), 5);
        AppBundle b = scan(small, apk("big.apk"));
        assertTrue(b.skipped().stream().anyMatch(s -> s.entry().equals("classes.dex!/com/acme/health/MainActivity.class")
                && s.reason().contains("more than the limit of 5; its body was not converted")), b.skipped().toString());
        assertClassesRead(b);
    }

    @Test
    void notADexAtAll() throws IOException {
        Path f = write(tmp.resolve("x.dex"), "dex\n035\0garbage".getBytes(StandardCharsets.ISO_8859_1));
        AppBundle b = scan(f);
        assertEquals(1, b.skipped().size());
        assertTrue(b.skipped().get(0).reason().startsWith("truncated DEX file"), b.skipped().toString());
    }

    // ---------------------------------------------------------------- zip tricks in an APK

    @Test
    void zipSlipAndZipBombEntriesInAnApk() throws IOException {
        Path f = tmp.resolve("z.apk");
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("AndroidManifest.xml", manifest);
        m.put("classes.dex", dex);
        m.put("../../evil.xml", "x".getBytes(StandardCharsets.UTF_8));
        m.put("assets/../../../etc/cron.d/x", "x".getBytes(StandardCharsets.UTF_8));
        write(f, zip(m));
        AppBundle b = scan(f);
        skipped(b, "../../evil.xml", "zip-slip");
        skipped(b, "assets/../../../etc/cron.d/x", "zip-slip");
        assertClassesRead(b);

        Path bomb = Fixtures.zerosZip(tmp.resolve("bomb.apk"), "config/app.properties", 300L << 20,
                "AndroidManifest.xml", manifest, "classes.dex", dex);
        AppBundle bb = scan(bomb);
        assertTrue(bb.skipped().stream().anyMatch(s -> s.reason().contains("zip bomb")), bb.skipped().toString());
        assertClassesRead(bb);
    }

    @Test
    void apkThatIsNotAZip() {
        Path f = write(tmp.resolve("fake.apk"), "hello".getBytes(StandardCharsets.UTF_8));
        AppBundle b = scan(f);
        assertEquals(1, b.skipped().size());
        assertTrue(b.skipped().get(0).reason().contains("not an APK"), b.skipped().toString());
    }
}
