package dev.triage.cli;

import dev.triage.findings.ScanResult;
import dev.triage.portfolio.PortfolioSource;
import dev.triage.store.AppInfo;
import dev.triage.store.ScanRecords;
import dev.triage.store.Store;
import dev.triage.store.VersionInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code triage scan --store}: records one scan in the store (the app's flaw lifecycle moves on) and returns the
 * fingerprints of the app's flaws under an approved mitigation, which the scan then leaves out of its reports and of
 * the {@code --fail-on} policy.
 */
final class ScanStore {
    private ScanStore() {
    }

    /** What storing the scan gave: the mitigated fingerprints (→ mitigation kind) and a one-line summary. */
    record Outcome(Map<String, String> mitigated, String summary) {
    }

    static Outcome record(String location, String appId, List<Path> inputs, ScanResult result, String actor) {
        Path first = inputs.get(0);
        String name = first.getFileName() == null ? first.toString() : first.getFileName().toString();
        String key = appId != null && !appId.isBlank() ? appId.strip() : PortfolioSource.appKeyOf(name);
        String platform = PortfolioSource.platformOf(first);
        AppInfo app = new AppInfo(key, key, platform == null ? "jvm" : platform, null, null, null);
        VersionInfo version = new VersionInfo(hash(inputs), name, size(inputs), null);
        try (Store s = Store.open(location)) {
            Store.Stored st = s.recordScan(app, version, ScanRecords.of(result, System.currentTimeMillis()), null, actor);
            Map<String, String> mitigated = s.mitigatedFingerprints(key);
            return new Outcome(mitigated, "Stored scan " + st.scanId() + " of " + key + " in " + s.description() + ": "
                    + st.newFlaws() + " new, " + st.reopened() + " reopened, " + st.fixed() + " fixed flaw(s)");
        }
    }

    /** SHA-256 of the single input file, else of every input file's relative path and bytes, in path order. */
    static String hash(List<Path> inputs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (inputs.size() == 1 && Files.isRegularFile(inputs.get(0))) {
                digest(md, inputs.get(0));
            } else {
                for (Path in : inputs) {
                    List<Path> files;
                    try (Stream<Path> s = Files.isDirectory(in) ? Files.walk(in) : Stream.of(in)) {
                        files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
                    }
                    for (Path f : files) {
                        md.update((in.relativize(f).toString().isEmpty() ? f.getFileName().toString() : in.relativize(f).toString())
                                .getBytes(StandardCharsets.UTF_8));
                        md.update((byte) 0);
                        digest(md, f);
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(MessageDigest md, Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
        }
    }

    private static long size(List<Path> inputs) {
        long total = 0;
        for (Path in : inputs) {
            try (Stream<Path> s = Files.isDirectory(in) ? Files.walk(in) : Stream.of(in)) {
                total += s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }
}
