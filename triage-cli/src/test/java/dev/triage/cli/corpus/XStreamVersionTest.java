package dev.triage.cli.corpus;

import dev.triage.cli.ScanPipeline;
import dev.triage.cli.ScanRequest;
import dev.triage.findings.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The corpus case deserialization/XStreamPermissionCases scanned with an XStream jar beside its classes: before 1.4.18
 * XStream deserializes any type unless the instance is restricted, so a plain XStream reading request XML is then
 * reported too; from 1.4.18 on (and when the version is unknown) only the code that widens the permissions is.
 */
class XStreamVersionTest {
    private static final Set<String> WIDENED = Set.of("badFieldWidenedInConstructor", "badWildcardEverything", "badRegExpEverything");

    @TempDir
    Path tmp;

    @Test
    void anOldXStreamMakesAPlainInstanceASink() throws IOException {
        Set<String> expected = new TreeSet<>(WIDENED);
        expected.add("goodPlainModernDefault");
        assertEquals(expected, reported("a", "xstream-1.4.17.jar"));
        assertEquals(expected, reported("b", "xstream-1.4.11.1.jar"));
    }

    @Test
    void aCurrentOrUnknownXStreamReportsOnlyWidenedPermissions() throws IOException {
        assertEquals(WIDENED, reported("c", "xstream-1.4.18.jar"));
        assertEquals(WIDENED, reported("d", "xstream-1.4.21.jar"));
        assertEquals(WIDENED, reported("e"));
    }

    private Set<String> reported(String name, String... jars) throws IOException {
        CorpusCase c = CorpusCase.discover().stream().filter(x -> x.id().equals("deserialization/XStreamPermissionCases"))
                .findFirst().orElseThrow();
        Path classes = CaseCompiler.compile(c, tmp.resolve(name));
        Path lib = Files.createDirectories(classes.resolve("WEB-INF-lib"));
        for (String jar : jars) emptyJar(lib.resolve(jar));
        List<Finding> findings = ScanPipeline.run(ScanRequest.of(List.of(classes))).findings();
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            if (f.rule().id().equals("java/unsafe-deserialization")) out.add(f.location().methodName());
        }
        return out;
    }

    /** A jar with one text entry: only its file name (the version) matters here. */
    private static void emptyJar(Path p) throws IOException {
        try (OutputStream o = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            z.write("Manifest-Version: 1.0\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            z.closeEntry();
        }
    }
}
