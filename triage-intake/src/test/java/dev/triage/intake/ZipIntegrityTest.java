package dev.triage.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.triage.intake.Fixtures.badCrc;
import static dev.triage.intake.Fixtures.cls;
import static dev.triage.intake.Fixtures.shortSize;
import static dev.triage.intake.Fixtures.text;
import static dev.triage.intake.Fixtures.write;
import static dev.triage.intake.Fixtures.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ZIP integrity: an entry whose bytes do not have the CRC-32 or the size its archive declares is a problem line naming
 * it, and nothing made from it (a class, a nested archive's classes, a DEX's classes) reaches the scan; the entries
 * around it are read. Top-level archives, archives nested in memory and APKs go through the same reader.
 */
class ZipIntegrityTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private static AppBundle scan(Path input) {
        IntakeOptions o = new IntakeOptions(IntakeLimits.DEFAULTS, List.of(), List.of());
        return assertTimeoutPreemptively(BOUND, () -> new ArtifactReader(o).readAll(List.of(input)));
    }

    private static SkippedInput only(AppBundle b, String entry) {
        List<SkippedInput> m = b.skipped().stream().filter(s -> s.entry().equals(entry)).toList();
        assertEquals(1, m.size(), "one line for " + entry + " in " + b.skipped());
        assertFalse(m.get(0).reason().contains("\n"));
        return m.get(0);
    }

    private static boolean has(AppBundle b, String internalName) {
        return b.classes().stream().anyMatch(c -> c.internalName().equals(internalName));
    }

    @Test
    void classEntryFailingItsCrcIsNotRead() {
        byte[] jar = badCrc(zip("com/acme/Bad.class", cls("com/acme/Bad"), "com/acme/Good.class", cls("com/acme/Good")),
                "com/acme/Bad.class");
        AppBundle b = scan(write(tmp.resolve("crc.jar"), jar));
        assertTrue(only(b, "com/acme/Bad.class").reason().contains("fails the CRC-32 check"), b.skipped().toString());
        assertFalse(has(b, "com/acme/Bad"));
        assertTrue(has(b, "com/acme/Good"));
        assertEquals(1, b.skipped().size(), b.skipped().toString());
    }

    @Test
    void entryLongerThanItsDeclaredSizeIsNotRead() {
        byte[] jar = shortSize(zip("com/acme/Long.class", cls("com/acme/Long"), "com/acme/Good.class",
                cls("com/acme/Good")), "com/acme/Long.class");
        AppBundle b = scan(write(tmp.resolve("size.jar"), jar));
        assertTrue(only(b, "com/acme/Long.class").reason().contains("where the archive declares"), b.skipped().toString());
        assertFalse(has(b, "com/acme/Long"));
        assertTrue(has(b, "com/acme/Good"));
    }

    @Test
    void corruptEntryInsideANestedJar() {
        byte[] lib = badCrc(zip("org/dep/Bad.class", cls("org/dep/Bad"), "org/dep/Good.class", cls("org/dep/Good")),
                "org/dep/Bad.class");
        Path war = write(tmp.resolve("app.war"), zip("WEB-INF/lib/dep.jar", lib,
                "WEB-INF/classes/com/acme/App.class", cls("com/acme/App")));
        AppBundle b = scan(war);
        assertTrue(only(b, "WEB-INF/lib/dep.jar!/org/dep/Bad.class").reason().contains("CRC-32"), b.skipped().toString());
        assertFalse(has(b, "org/dep/Bad"));
        assertTrue(has(b, "org/dep/Good"));
        assertTrue(has(b, "com/acme/App"));
    }

    @Test
    void nestedJarFailingItsCrcContributesNothing() {
        byte[] lib = zip("org/dep/D.class", cls("org/dep/D"));
        byte[] war = badCrc(zip("WEB-INF/lib/dep.jar", lib, "WEB-INF/classes/com/acme/App.class", cls("com/acme/App"),
                "WEB-INF/classes/app.properties", text("a=b")), "WEB-INF/lib/dep.jar");
        AppBundle b = scan(write(tmp.resolve("app.war"), war));
        assertTrue(only(b, "WEB-INF/lib/dep.jar").reason().contains("CRC-32"), b.skipped().toString());
        assertFalse(has(b, "org/dep/D"));
        assertTrue(b.libraries().isEmpty(), "no library from a corrupt archive: " + b.libraries());
        assertTrue(has(b, "com/acme/App"));
        assertTrue(b.resources().stream().anyMatch(r -> r.name().equals("app.properties")));
    }

    @Test
    void dexFailingItsCrcIsNotConverted() {
        AndroidHostileTest.build();
        byte[] apk = badCrc(zip("AndroidManifest.xml", AndroidHostileTest.manifest, "resources.arsc",
                AndroidHostileTest.arsc, "classes.dex", AndroidHostileTest.dex), "classes.dex");
        AppBundle b = scan(write(tmp.resolve("app.apk"), apk));
        assertTrue(only(b, "classes.dex").reason().contains("CRC-32"), b.skipped().toString());
        assertTrue(b.classes().isEmpty(), "nothing converted from a corrupt DEX: " + b.classes().size());
        assertTrue(b.resources().stream().anyMatch(r -> r.name().equals("AndroidManifest.xml")), "the manifest is read");
    }

    @Test
    void salvagedArchiveChecksEntriesToo() {
        // no central directory (cut before it): the local headers are streamed, each entry still checked
        byte[] whole = badCrc(zip("com/acme/Bad.class", cls("com/acme/Bad"), "com/acme/Good.class",
                cls("com/acme/Good"), "pad.properties", new byte[5000]), "com/acme/Bad.class");
        int cut = whole.length - 40;
        AppBundle b = scan(write(tmp.resolve("cut.jar"), java.util.Arrays.copyOf(whole, cut)));
        assertFalse(has(b, "com/acme/Bad"), b.skipped().toString());
        assertTrue(b.skipped().stream().anyMatch(s -> s.entry().equals("com/acme/Bad.class")
                && s.reason().contains("CRC-32")), b.skipped().toString());
    }
}
