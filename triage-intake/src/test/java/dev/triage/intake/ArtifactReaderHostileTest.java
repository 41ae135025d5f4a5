package dev.triage.intake;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.triage.intake.Fixtures.cls;
import static dev.triage.intake.Fixtures.text;
import static dev.triage.intake.Fixtures.write;
import static dev.triage.intake.Fixtures.zerosZip;
import static dev.triage.intake.Fixtures.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hostile inputs: each must be reported with a clear reason, in bounded time, while the good classes
 * of the same scan (in the same archive and in a second, healthy input) are still read.
 */
class ArtifactReaderHostileTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    Path good;

    @BeforeEach
    void goodInput() {
        good = write(tmp.resolve("good/good.jar"), zip("com/good/Ok.class", cls("com/good/Ok")));
    }

    private AppBundle scan(IntakeLimits limits, Path hostile) {
        IntakeOptions opts = new IntakeOptions(limits, List.of(), List.of());
        return assertTimeoutPreemptively(BOUND, () -> new ArtifactReader(opts).readAll(List.of(hostile, good)));
    }

    private AppBundle scan(Path hostile) {
        return scan(IntakeLimits.DEFAULTS, hostile);
    }

    private static void assertHas(AppBundle b, String... internalNames) {
        List<String> names = b.classes().stream().map(ClassEntry::internalName).toList();
        assertTrue(names.contains("com/good/Ok"), "the healthy input is still read: " + names);
        for (String n : internalNames) {
            assertTrue(names.contains(n), n + " read; got " + names + "; skipped " + describe(b));
        }
    }

    /** Asserts exactly one skipped line for the input, with the given entry and reason fragment. */
    private static SkippedInput assertSkipped(AppBundle b, Path input, String entry, String reasonPart) {
        List<SkippedInput> matching = b.skipped().stream()
                .filter(s -> s.input().equals(input.toString()) && s.entry().equals(entry)).toList();
        assertEquals(1, matching.size(), "one line for " + entry + " in " + describe(b));
        SkippedInput s = matching.get(0);
        assertTrue(s.reason().contains(reasonPart), s.describe());
        assertTrue(!s.reason().contains("\n"), "one line: " + s.reason());
        return s;
    }

    private static String describe(AppBundle b) {
        return b.skipped().stream().map(SkippedInput::describe).toList().toString();
    }

    @Test
    void zipBombEntryLargerThanLimit() throws IOException {
        // ratio check effectively off, so the entry size limit is what stops it
        IntakeLimits limits = new IntakeLimits(1000, 1L << 30, 16L << 20, 1_000_000, 1L << 20, 4);
        Path bomb = zerosZip(tmp.resolve("bomb.jar"), "zeros.xml", 64L << 20,
                "com/acme/Before.class", cls("com/acme/Before"));
        AppBundle b = scan(limits, bomb);
        assertSkipped(b, bomb, "zeros.xml", "larger than the limit of 16777216 bytes");
        assertHas(b, "com/acme/Before");
    }

    @Test
    void ratioBombUnderTheSizeLimit() throws IOException {
        Path bomb = zerosZip(tmp.resolve("ratio.jar"), "com/acme/Huge.class", 20L << 20,
                "com/acme/Before.class", cls("com/acme/Before"));
        AppBundle b = scan(bomb);
        SkippedInput s = assertSkipped(b, bomb, "com/acme/Huge.class", "exceeds the limit 200:1 (zip bomb?)");
        assertTrue(s.reason().startsWith("compression ratio "), s.reason());
        assertHas(b, "com/acme/Before");
    }

    @Test
    void bombNestedInWarLibraryIsStoppedAndOuterScanContinues() throws IOException {
        Path inner = zerosZip(tmp.resolve("gen/inner.jar"), "big.properties", 20L << 20,
                "org/dep/D.class", cls("org/dep/D"));
        Path war = write(tmp.resolve("app.war"), zip(
                "WEB-INF/lib/evil.jar", Files.readAllBytes(inner),
                "WEB-INF/classes/com/acme/After.class", cls("com/acme/After")));
        AppBundle b = scan(war);
        assertSkipped(b, war, "WEB-INF/lib/evil.jar!/big.properties", "zip bomb?");
        assertHas(b, "org/dep/D", "com/acme/After");
    }

    @Test
    void totalBytesLimitStopsTheInput() {
        IntakeLimits limits = new IntakeLimits(1000, 3000, 1L << 20, 200, 1L << 20, 4);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("com/acme/First.class", cls("com/acme/First"));
        for (int i = 0; i < 10; i++) {
            entries.put("r" + i + ".properties", new byte[1000]);
        }
        Path jar = write(tmp.resolve("big.jar"), zip(entries));
        AppBundle b = scan(limits, jar);
        assertTrue(b.skipped().stream().anyMatch(s -> s.input().equals(jar.toString())
                && s.reason().contains("uncompressed bytes in this input")), describe(b));
        assertHas(b, "com/acme/First");
    }

    @Test
    void tooManyEntries() {
        IntakeLimits limits = new IntakeLimits(50, 1L << 30, 1L << 20, 200, 1L << 20, 4);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("com/acme/First.class", cls("com/acme/First"));
        for (int i = 0; i < 200; i++) {
            entries.put("e" + i + ".txt", new byte[0]);
        }
        Path jar = write(tmp.resolve("many.jar"), zip(entries));
        AppBundle b = scan(limits, jar);
        assertSkipped(b, jar, "e49.txt", "too many entries (more than 50)");
        assertHas(b, "com/acme/First");
        // issue 21: the central directory was not listed (commons-compress would make an object per entry first);
        // the entries were streamed up to the limit instead
        assertTrue(describe(b).contains("the archive lists 201 entries, more than the limit of 50; not read; its entries are read by streaming"), describe(b));
    }

    @Test
    void zipSlipNamesAreRefused() {
        Path jar = write(tmp.resolve("slip.jar"), zip(
                "../../evil.class", cls("evil"),
                "/abs.class", cls("abs"),
                "C:/win.class", cls("win"),
                "a/..\\..\\back.class", cls("back"),
                "nul\0.class", cls("nul"),
                "com/acme/Fine.class", cls("com/acme/Fine")));
        AppBundle b = scan(jar);
        assertSkipped(b, jar, "../../evil.class", "unsafe entry name '../../evil.class'");
        assertSkipped(b, jar, "../../evil.class", "zip-slip");
        assertSkipped(b, jar, "/abs.class", "absolute");
        assertSkipped(b, jar, "C:/win.class", "drive letter");
        assertSkipped(b, jar, "a/..\\..\\back.class", "'..' segment");
        assertSkipped(b, jar, "nul\\u0000.class", "NUL");
        assertHas(b, "com/acme/Fine");
        assertEquals(2, b.classes().size());
    }

    @Test
    void truncatedJarKeepsEntriesBeforeTheDamage() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] padding = new byte[2000];
            random.nextBytes(padding); // incompressible, so the cut falls inside data
            entries.put("com/acme/C" + i + ".class", cls("com/acme/C" + i));
            entries.put("pad" + i + ".properties", padding);
        }
        byte[] whole = zip(entries);
        Path jar = write(tmp.resolve("cut.jar"), Arrays.copyOf(whole, whole.length / 2));
        AppBundle b = scan(jar);
        List<SkippedInput> lines = b.skipped().stream().filter(s -> s.input().equals(jar.toString())).toList();
        assertEquals(1, lines.size(), describe(b));
        assertTrue(lines.get(0).reason().startsWith("truncated or corrupt archive"), lines.get(0).describe());
        assertTrue(!lines.get(0).entry().isEmpty(), "names the damaged entry: " + lines.get(0).describe());
        assertHas(b, "com/acme/C0", "com/acme/C5");
    }

    @Test
    void garbageClassFiles() throws IOException {
        byte[] garbage = new byte[100];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x50; garbage[1] = 0x4B; garbage[2] = 3; garbage[3] = 4;
        Path dir = tmp.resolve("classes");
        write(dir.resolve("com/acme/X.class"), garbage);
        write(dir.resolve("com/acme/Tiny.class"), new byte[]{(byte) 0xCA, (byte) 0xFE});
        byte[] corrupt = cls("com/acme/Corrupt");
        write(dir.resolve("com/acme/Corrupt.class"), Arrays.copyOf(corrupt, 14));
        write(dir.resolve("com/acme/Good.class"), cls("com/acme/Good"));
        AppBundle b = scan(dir);
        assertSkipped(b, dir, "com/acme/X.class", "not a class file (bad magic 0x504B0304)");
        assertSkipped(b, dir, "com/acme/Tiny.class", "not a class file");
        assertSkipped(b, dir, "com/acme/Corrupt.class", "corrupt class file");
        assertHas(b, "com/acme/Good");
    }

    @Test
    void futureClassVersion() {
        byte[] future = cls("com/acme/Future");
        future[6] = 0;
        future[7] = 99;
        Path jar = write(tmp.resolve("future.jar"), zip(
                "com/acme/Future.class", future, "com/acme/Now.class", cls("com/acme/Now")));
        AppBundle b = scan(jar);
        assertSkipped(b, jar, "com/acme/Future.class", "class file version 99 (Java 55) is newer than supported (up to "
                + ArtifactReader.maxSupportedClassVersion() + ")");
        assertHas(b, "com/acme/Now");
    }

    @Test
    void deeplyNestedJars() {
        byte[] jar = zip("n/C10.class", cls("n/C10"));
        String path = "";
        for (int level = 9; level >= 0; level--) {
            jar = zip("n/C" + level + ".class", cls("n/C" + level), "lib/n" + (level + 1) + ".jar", jar);
        }
        Path top = write(tmp.resolve("deep.jar"), jar);
        AppBundle b = scan(top);
        // depth 0..4 are read (default limit 4); the jar at depth 5 is refused
        assertSkipped(b, top, "lib/n1.jar!/lib/n2.jar!/lib/n3.jar!/lib/n4.jar!/lib/n5.jar",
                "nested 5 levels deep exceeds the limit of 4");
        assertHas(b, "n/C0", "n/C1", "n/C4");
        assertTrue(b.classes().stream().noneMatch(c -> c.internalName().equals("n/C5")));
        assertEquals(4, b.libraries().size());
    }

    @Test
    void notAZipNamedJarAndEmptyFiles() {
        Path fake = write(tmp.resolve("fake.jar"), text("this is not a zip file at all"));
        Path empty = write(tmp.resolve("empty.jar"), new byte[0]);
        Path emptyClass = write(tmp.resolve("Empty.class"), new byte[0]);
        Path nested = write(tmp.resolve("n.war"), zip("WEB-INF/lib/fake.jar", text("nope"),
                "WEB-INF/lib/empty.jar", new byte[0], "WEB-INF/classes/com/acme/A.class", cls("com/acme/A")));
        IntakeOptions opts = IntakeOptions.defaults();
        AppBundle b = assertTimeoutPreemptively(BOUND, () ->
                new ArtifactReader(opts).readAll(List.of(fake, empty, emptyClass, nested, good)));
        assertSkipped(b, fake, "", "not a zip archive");
        assertSkipped(b, empty, "", "empty file");
        assertSkipped(b, emptyClass, "", "empty file");
        assertSkipped(b, nested, "WEB-INF/lib/fake.jar", "not a zip archive");
        assertSkipped(b, nested, "WEB-INF/lib/empty.jar", "empty archive");
        assertHas(b, "com/acme/A");
    }

    @Test
    void missingInputIsReported() {
        Path missing = tmp.resolve("nope.war");
        AppBundle b = scan(missing);
        assertSkipped(b, missing, "", "no such file");
        assertHas(b);
    }

    @Test
    void directoryWithOddFiles() throws Exception {
        Path dir = tmp.resolve("odd");
        write(dir.resolve("com/acme/Good.class"), cls("com/acme/Good"));
        Files.createDirectories(dir.resolve("Dir.class"));
        Files.createSymbolicLink(dir.resolve("Dangling.class"), dir.resolve("does-not-exist"));
        Files.createSymbolicLink(dir.resolve("loop"), dir); // a directory link: not followed
        boolean fifo = mkfifo(dir.resolve("Pipe.class"));
        Path unreadable = write(dir.resolve("com/acme/Locked.class"), cls("com/acme/Locked"));
        boolean locked = unreadable.toFile().setReadable(false, false) && !Files.isReadable(unreadable);

        AppBundle b = scan(dir);

        assertSkipped(b, dir, "Dangling.class", "dangling symbolic link");
        if (fifo) {
            assertSkipped(b, dir, "Pipe.class", "not a regular file");
        }
        if (locked) {
            assertSkipped(b, dir, "com/acme/Locked.class", "cannot read file");
        }
        assertHas(b, "com/acme/Good");
        assertEquals(1, b.classes().stream().filter(c -> c.internalName().equals("com/acme/Good")).count());
    }

    @Test
    void listenerExceptionsPropagate() {
        IntakeListener failing = new IntakeListener() {
            @Override public void onClass(ClassEntry entry) {
                throw new IllegalStateException("consumer bug");
            }

            @Override public void onResource(ResourceEntry entry) {
            }

            @Override public void onLibrary(LibraryArchive library) {
            }

            @Override public void onSkipped(SkippedInput skipped) {
            }
        };
        try {
            new ArtifactReader(IntakeOptions.defaults()).read(List.of(good), failing);
            throw new AssertionError("expected the listener's exception");
        } catch (IllegalStateException e) {
            assertEquals("consumer bug", e.getMessage());
        }
    }

    private static boolean mkfifo(Path p) {
        try {
            Process proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            return proc.waitFor(5, TimeUnit.SECONDS) && proc.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
