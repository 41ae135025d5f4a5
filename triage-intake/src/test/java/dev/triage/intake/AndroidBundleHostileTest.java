package dev.triage.intake;

import com.android.aapt.Resources;
import com.google.protobuf.CodedOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile app bundles and Android libraries: malformed protobuf (truncated, garbage, absurd nesting, absurd message
 * counts, lengths past the end, hostile line numbers), oversized and corrupt resource tables, zip tricks, corrupt
 * and deeply nested jars, DOCTYPEs and entities in text XML. Each bad part gives one clear, one-line
 * {@link SkippedInput} reason in bounded time, and the rest of the input is still read.
 */
class AndroidBundleHostileTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    static Map<String, byte[]> aab;
    static Map<String, byte[]> aar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void build() throws IOException {
        AndroidAabAarTest.build();
        aab = AndroidAabAarTest.entries(AndroidAabAarTest.aab);
        aar = AndroidAabAarTest.entries(AndroidAabAarTest.aar);
    }

    /** A copy of {@code base} with replacements (null removes an entry), written to {@code name}. */
    private Path variant(Map<String, byte[]> base, String name, Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>(base);
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

    private static AppBundle scan(Path p) {
        return scan(IntakeLimits.DEFAULTS, p);
    }

    private static AppBundle scan(IntakeLimits limits, Path p) {
        IntakeOptions o = new IntakeOptions(limits, List.of(), List.of());
        return assertTimeoutPreemptively(BOUND, () -> new ArtifactReader(o).readAll(List.of(p)));
    }

    private static SkippedInput skipped(AppBundle b, String entry, String reasonPart) {
        List<SkippedInput> m = b.skipped().stream().filter(s -> s.entry().equals(entry)).toList();
        assertEquals(1, m.size(), "one line for " + entry + " in " + b.skipped());
        assertTrue(m.get(0).reason().contains(reasonPart), m.get(0).describe());
        assertFalse(m.get(0).reason().contains("\n"));
        return m.get(0);
    }

    private static void assertAppRead(AppBundle b) {
        assertTrue(b.classes().stream().anyMatch(c -> c.internalName().equals("com/acme/health/MainActivity")
                && c.role() == CodeRole.APP), "the code is still read: " + b.skipped());
    }

    private static String resource(AppBundle b, String name) {
        return AndroidAabAarTest.resource(b, name);
    }

    // ---------------------------------------------------------------- protobuf XML

    @Test
    void truncatedProtoManifest() {
        byte[] m = aab.get("base/manifest/AndroidManifest.xml");
        AppBundle b = scan(variant(aab, "t.aab", "base/manifest/AndroidManifest.xml", Arrays.copyOf(m, m.length * 2 / 3)));
        skipped(b, "base/manifest/AndroidManifest.xml", "past the end");
        assertAppRead(b);
        assertNotNull(resource(b, "android-resources.xml"));
        assertNotNull(resource(b, "res/xml/network_security_config.xml"));
    }

    @Test
    void garbageInsteadOfProtoManifest() {
        AppBundle b = scan(variant(aab, "g.aab", "base/manifest/AndroidManifest.xml",
                "not a protobuf \u0007\u0006 at all".getBytes(StandardCharsets.ISO_8859_1)));
        skipped(b, "base/manifest/AndroidManifest.xml", "corrupt protobuf XmlNode");
        assertAppRead(b);
    }

    @Test
    void emptyProtoDocument() {
        AppBundle b = scan(variant(aab, "e.aab", "base/res/xml/network_security_config.xml", new byte[0]));
        skipped(b, "base/res/xml/network_security_config.xml", "protobuf XML without a root element");
        assertAppRead(b);
    }

    @Test
    void elementsNestedTooDeep() {
        Resources.XmlNode.Builder node = Resources.XmlNode.newBuilder().setElement(Resources.XmlElement.newBuilder().setName("b"));
        for (int i = 0; i < 300; i++) {
            node = Resources.XmlNode.newBuilder().setElement(Resources.XmlElement.newBuilder().setName("b").addChild(node));
        }
        AppBundle b = scan(variant(aab, "d.aab", "base/res/xml/deep.xml", node.build().toByteArray()));
        skipped(b, "base/res/xml/deep.xml", "elements nested more than 256 levels deep");
        assertAppRead(b);
    }

    @Test
    void absurdNestingOnTheWireIsRefusedWithoutRecursingThroughIt() {
        // 200,000 nested elements (1.4 MB): refused at level 256 without a stack overflow
        AppBundle b = scan(variant(aab, "dd.aab", "base/res/layout/activity_main.xml", nested(200_000)));
        skipped(b, "base/res/layout/activity_main.xml", "elements nested more than 256 levels deep");
        assertAppRead(b);
        assertNotNull(resource(b, "AndroidManifest.xml"));
    }

    @Test
    void hugeAttributeCount() {
        // one element with 1,100,000 empty attributes: 2.2 MB that protobuf-java would turn into ~100 MB of objects
        ByteArrayOutputStream element = new ByteArrayOutputStream();
        for (int i = 0; i < 1_100_000; i++) {
            element.write(0x22); // XmlElement.attribute, length-delimited
            element.write(0);
        }
        byte[] doc = wrap(0x0a, element.toByteArray()); // XmlNode.element
        IntakeLimits d = IntakeLimits.DEFAULTS;
        IntakeLimits noRatio = new IntakeLimits(d.maxEntries(), d.maxTotalBytes(), d.maxEntryBytes(), 1_000_000,
                d.ratioGraceBytes(), d.maxNestingDepth()); // the repetitive document would be a zip bomb otherwise
        AppBundle b = scan(noRatio, variant(aab, "a.aab", "base/res/xml/network_security_config.xml", doc));
        skipped(b, "base/res/xml/network_security_config.xml", "more than 1000000 protobuf messages");
        assertAppRead(b);
    }

    @Test
    void stringLengthPastTheEnd() {
        // XmlNode.text claiming 2 GB
        byte[] doc = {0x12, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 'a', 'b'};
        AppBundle b = scan(variant(aab, "s.aab", "base/res/xml/network_security_config.xml", doc));
        skipped(b, "base/res/xml/network_security_config.xml", "corrupt protobuf XmlNode");
        assertAppRead(b);
    }

    @Test
    void hostileLineNumbersDoNotPadTheOutput() {
        Resources.XmlNode doc = Resources.XmlNode.newBuilder()
                .setElement(Resources.XmlElement.newBuilder().setName("network-security-config")
                        .addChild(Resources.XmlNode.newBuilder()
                                .setElement(Resources.XmlElement.newBuilder().setName("base-config"))
                                .setSource(Resources.SourcePosition.newBuilder().setLineNumber(0xfffffff0))))
                .setSource(Resources.SourcePosition.newBuilder().setLineNumber(2_000_000_000))
                .build();
        AppBundle b = scan(variant(aab, "l.aab", "base/res/xml/network_security_config.xml", doc.toByteArray()));
        String text = resource(b, "res/xml/network_security_config.xml");
        assertNotNull(text, b.skipped().toString());
        assertTrue(text.length() < 200, text.length() + " chars");
        assertTrue(text.contains("<base-config/>"), text);
    }

    // ---------------------------------------------------------------- resources.pb

    @Test
    void resourceTableOverTheLimit() {
        IntakeLimits d = IntakeLimits.DEFAULTS;
        IntakeLimits small = new IntakeLimits(d.maxEntries(), d.maxTotalBytes(), d.maxEntryBytes(),
                d.maxCompressionRatio(), d.ratioGraceBytes(), d.maxNestingDepth(), d.maxManifestBytes(), 64,
                d.maxResourceStrings(), d.maxDexMethodInstructions());
        AppBundle b = scan(small, AndroidAabAarTest.aab);
        skipped(b, "base/resources.pb", "more than the limit of 64");
        assertAppRead(b);
        String m = resource(b, "AndroidManifest.xml");
        assertNotNull(m, "the manifest is decoded without the table");
        assertTrue(m.contains("android:networkSecurityConfig=\"@xml/network_security_config\""),
                "references keep the names aapt2 wrote: " + m);
    }

    @Test
    void zipBombResourceTable() throws IOException {
        Map<String, byte[]> rest = new LinkedHashMap<>(aab);
        rest.remove("base/resources.pb");
        Object[] more = new Object[rest.size() * 2];
        int i = 0;
        for (Map.Entry<String, byte[]> e : rest.entrySet()) {
            more[i++] = e.getKey();
            more[i++] = e.getValue();
        }
        Path bomb = Fixtures.zerosZip(tmp.resolve("bomb.aab"), "base/resources.pb", 200L << 20, more);
        AppBundle b = scan(bomb);
        skipped(b, "base/resources.pb", "more than the limit of 67108864");
        assertAppRead(b);
    }

    @Test
    void corruptTableEntriesAreDroppedTheRestKept() throws IOException {
        Resources.Type.Builder strings = Resources.Type.newBuilder().setTypeId(Resources.TypeId.newBuilder().setId(1))
                .setName("string")
                .addEntry(Resources.Entry.newBuilder().setEntryId(Resources.EntryId.newBuilder().setId(0)).setName("good")
                        .addConfigValue(Resources.ConfigValue.newBuilder().setValue(Resources.Value.newBuilder()
                                .setItem(Resources.Item.newBuilder().setStr(Resources.String.newBuilder().setValue("ok"))))));
        Resources.Entry.Builder many = Resources.Entry.newBuilder().setEntryId(Resources.EntryId.newBuilder().setId(2))
                .setName("many");
        for (int i = 0; i < 120_000; i++) {
            many.addConfigValue(Resources.ConfigValue.getDefaultInstance());
        }
        strings.addEntry(many);
        Resources.Type.Builder xml = Resources.Type.newBuilder().setTypeId(Resources.TypeId.newBuilder().setId(2))
                .setName("xml")
                .addEntry(Resources.Entry.newBuilder().setEntryId(Resources.EntryId.newBuilder().setId(0)).setName("evil")
                        .addConfigValue(Resources.ConfigValue.newBuilder().setValue(Resources.Value.newBuilder()
                                .setItem(Resources.Item.newBuilder().setFile(Resources.FileReference.newBuilder()
                                        .setPath("res/../../etc/passwd"))))));
        // a third string entry whose entry_id claims 5 bytes with 1 left
        byte[] stringsBytes = concat(strings.build().toByteArray(), new byte[] {0x1a, 0x03, 0x0a, 0x05, 0x00});
        byte[] pkg = concat(Resources.Package.newBuilder().setPackageId(Resources.PackageId.newBuilder().setId(0x7f))
                .setPackageName("com.acme.health").addType(xml).build().toByteArray(), wrap(0x1a, stringsBytes));
        byte[] table = wrap(0x12, pkg); // ResourceTable.package
        AppBundle b = scan(variant(aab, "rt.aab", "base/resources.pb", table));
        List<SkippedInput> lines = b.skipped().stream().filter(s -> s.entry().equals("base/resources.pb")).toList();
        assertEquals(3, lines.size(), b.skipped().toString());
        assertTrue(lines.get(0).reason().contains("names the file 'res/../../etc/passwd' ('..' segment in path); dropped"),
                lines.toString());
        assertTrue(lines.get(1).reason().contains("resource string #1: more than 100000 protobuf messages; dropped"),
                lines.toString());
        assertTrue(lines.get(2).reason().contains("resource string #2: corrupt protobuf Entry")
                && lines.get(2).reason().contains("past the end"), lines.toString());
        String t = resource(b, "android-resources.xml");
        assertTrue(t.contains("name=\"good\" id=\"0x7f010000\" config=\"\" value=\"ok\""), t);
        assertFalse(t.contains("passwd"), t);
        assertAppRead(b);
    }

    @Test
    void garbageResourceTable() {
        AppBundle b = scan(variant(aab, "gt.aab", "base/resources.pb", new byte[] {0x12, 0x7f, 1, 2, 3}));
        skipped(b, "base/resources.pb", "corrupt protobuf resource table");
        assertAppRead(b);
        assertNotNull(resource(b, "AndroidManifest.xml"));
    }

    // ---------------------------------------------------------------- bundle layout

    @Test
    void bundleWithoutBaseModuleStillReadsTheFeatures() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : aab.entrySet()) {
            m.put(e.getKey().startsWith("base/") ? "feature/" + e.getKey().substring(5) : e.getKey(), e.getValue());
        }
        AppBundle b = scan(write(tmp.resolve("nobase.aab"), zip(m)));
        skipped(b, "base/manifest/AndroidManifest.xml", "no base module");
        assertAppRead(b);
        assertNotNull(resource(b, "feature/AndroidManifest.xml"));
    }

    @Test
    void zipSlipAndZipBombInABundle() throws IOException {
        AppBundle b = scan(variant(aab, "z.aab", "base/../../evil.xml", "x".getBytes(StandardCharsets.UTF_8),
                "base/root/../../../etc/cron.d/x.properties", "x".getBytes(StandardCharsets.UTF_8)));
        skipped(b, "base/../../evil.xml", "zip-slip");
        skipped(b, "base/root/../../../etc/cron.d/x.properties", "zip-slip");
        assertAppRead(b);

        Path bomb = Fixtures.zerosZip(tmp.resolve("bomb2.aab"), "base/root/config/big.properties", 300L << 20,
                "base/manifest/AndroidManifest.xml", aab.get("base/manifest/AndroidManifest.xml"),
                "base/dex/classes.dex", aab.get("base/dex/classes.dex"));
        AppBundle bb = scan(bomb);
        skipped(bb, "base/root/config/big.properties", "zip bomb");
        assertAppRead(bb);
    }

    @Test
    void notAZip() {
        AppBundle b = scan(write(tmp.resolve("fake.aab"), "hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, b.skipped().size());
        assertTrue(b.skipped().get(0).reason().contains("not an app bundle"), b.skipped().toString());
        AppBundle l = scan(write(tmp.resolve("fake.aar"), "hello".getBytes(StandardCharsets.UTF_8)));
        assertTrue(l.skipped().get(0).reason().contains("not an AAR"), l.skipped().toString());
    }

    // ---------------------------------------------------------------- AAR

    @Test
    void corruptClassesJar() {
        AppBundle b = scan(variant(aar, "c.aar", "classes.jar", "garbage, not a jar".getBytes(StandardCharsets.UTF_8)));
        skipped(b, "classes.jar", "not a zip archive");
        assertTrue(b.classes().stream().anyMatch(c -> c.internalName().equals("com/vendor/track/Tracker")),
                "libs/ are still read");
        assertNotNull(resource(b, "AndroidManifest.xml"));
        assertNotNull(resource(b, "android-resources.xml"));

        byte[] jar = aar.get("classes.jar");
        AppBundle t = scan(variant(aar, "t.aar", "classes.jar", Arrays.copyOf(jar, jar.length / 2)));
        assertTrue(t.skipped().stream().anyMatch(s -> s.entry().startsWith("classes.jar")
                && s.reason().contains("truncated or corrupt archive")), t.skipped().toString());
        assertNotNull(resource(t, "AndroidManifest.xml"));
    }

    @Test
    void jarsNestedTooDeep() {
        byte[] inner = zip("deep/E.class", Fixtures.cls("deep/E"));
        for (int i = 0; i < 4; i++) {
            inner = zip("deep/L" + i + ".class", Fixtures.cls("deep/L" + i), "nested" + i + ".jar", inner);
        }
        AppBundle b = scan(variant(aar, "n.aar", "libs/nest.jar", inner));
        assertTrue(b.skipped().stream().anyMatch(s -> s.entry().startsWith("libs/nest.jar!/")
                && s.reason().contains("nested 5 levels deep exceeds the limit of 4")), b.skipped().toString());
        assertTrue(b.classes().stream().anyMatch(c -> c.internalName().equals("deep/L3")), "outer levels are read");
        assertFalse(b.classes().stream().anyMatch(c -> c.internalName().equals("deep/E")));
        assertAppRead(b);
    }

    @Test
    void doctypeAndEntitiesInTextXmlAreRefused() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-MARKER");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE manifest [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<manifest package=\"com.acme.health\"><application android:label=\"&x;\" "
                + "xmlns:android=\"http://schemas.android.com/apk/res/android\"/></manifest>\n";
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<paths>&lol3;</paths>\n";
        String values = "<!DOCTYPE resources SYSTEM \"" + secret.toUri() + "\">\n<resources><string name=\"k\">v</string></resources>";
        AppBundle b = scan(variant(aar, "x.aar",
                "AndroidManifest.xml", xxe.getBytes(StandardCharsets.UTF_8),
                "res/xml/laughs.xml", laughs.getBytes(StandardCharsets.UTF_8),
                "res/values/evil.xml", values.getBytes(StandardCharsets.UTF_8),
                "res/xml/broken.xml", "<paths><a></paths>".getBytes(StandardCharsets.UTF_8)));
        skipped(b, "AndroidManifest.xml", "DOCTYPE declaration refused");
        skipped(b, "res/xml/laughs.xml", "DOCTYPE declaration refused");
        skipped(b, "res/values/evil.xml", "DOCTYPE declaration refused");
        skipped(b, "res/xml/broken.xml", "not well-formed XML");
        for (ResourceEntry r : b.resources()) {
            assertFalse(new String(r.bytes(), StandardCharsets.UTF_8).contains("TOP-SECRET-MARKER"), r.name());
        }
        assertTrue(b.resources().stream().noneMatch(r -> r.name().equals("AndroidManifest.xml")));
        String table = resource(b, "android-resources.xml");
        assertTrue(table.contains("name=\"api_key\""), "the other values are still compiled: " + table);
        assertFalse(table.contains("name=\"k\""), table);
        assertAppRead(b);
    }

    @Test
    void zipSlipAndZipBombInAnAar() throws IOException {
        AppBundle b = scan(variant(aar, "z.aar", "../../libs/evil.jar", aar.get("classes.jar"),
                "res/../../../etc/passwd.xml", "<a/>".getBytes(StandardCharsets.UTF_8)));
        skipped(b, "../../libs/evil.jar", "zip-slip");
        skipped(b, "res/../../../etc/passwd.xml", "zip-slip");
        assertAppRead(b);

        Path bomb = Fixtures.zerosZip(tmp.resolve("bomb.aar"), "libs/bomb.jar", 300L << 20,
                "AndroidManifest.xml", aar.get("AndroidManifest.xml"), "classes.jar", aar.get("classes.jar"));
        AppBundle bb = scan(bomb);
        skipped(bb, "libs/bomb.jar", "zip bomb");
        assertAppRead(bb);
        assertNotNull(resource(bb, "AndroidManifest.xml"));
    }

    @Test
    void tooManyValuesEntries() {
        StringBuilder sb = new StringBuilder("<resources>\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("<string name=\"s").append(i).append("\">v</string>\n");
        }
        sb.append("</resources>\n");
        IntakeLimits d = IntakeLimits.DEFAULTS;
        IntakeLimits small = new IntakeLimits(1000, d.maxTotalBytes(), d.maxEntryBytes(), d.maxCompressionRatio(),
                d.ratioGraceBytes(), d.maxNestingDepth());
        AppBundle b = scan(small, variant(aar, "v.aar", "res/values/many.xml", sb.toString().getBytes(StandardCharsets.UTF_8)));
        skipped(b, "res/", "more than 1000 resource entries; the rest are not read");
        assertAppRead(b);
    }

    // ---------------------------------------------------------------- helpers

    /** Length-delimited field {@code tag} holding {@code body}. */
    static byte[] wrap(int tag, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CodedOutputStream c = CodedOutputStream.newInstance(out);
            c.writeUInt32NoTag(tag);
            c.writeUInt32NoTag(body.length);
            c.writeRawBytes(body);
            c.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** XmlNode{element{child{element{...}}}} {@code levels} elements deep, written outside in. */
    static byte[] nested(int levels) {
        int messages = 2 * levels; // node, element, node, element ... the innermost element empty
        long[] size = new long[messages + 1];
        size[messages] = 0;
        for (int i = messages - 1; i >= 0; i--) {
            long inner = i + 1 < messages ? size[i + 1] : 0;
            size[i] = i == messages - 1 ? 0 : 1 + varintSize(inner) + inner;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CodedOutputStream c = CodedOutputStream.newInstance(out);
            for (int i = 0; i < messages - 1; i++) {
                c.writeUInt32NoTag(i % 2 == 0 ? 0x0a : 0x2a); // XmlNode.element, XmlElement.child
                c.writeUInt32NoTag((int) size[i + 1]);
            }
            c.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int varintSize(long v) {
        return CodedOutputStream.computeUInt64SizeNoTag(v);
    }
}
