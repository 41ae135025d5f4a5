package dev.triage.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fingerprints of findings already known (from a previous scan's triage.json or triage.sarif), so
 * that only new findings fail a build.
 */
public final class Baseline {
    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = fingerprints;
    }

    public static Baseline empty() {
        return new Baseline(Set.of());
    }

    /** Reads Triage JSON ({@code findings[].fingerprint}) or SARIF ({@code results[].partialFingerprints}). */
    public static Baseline read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file));
        Set<String> fp = new TreeSet<>();
        if (root.has("findings")) {
            root.get("findings").forEach(f -> {
                if (f.hasNonNull("fingerprint")) fp.add(f.get("fingerprint").asText());
            });
        } else if (root.has("runs")) {
            root.get("runs").forEach(run -> run.path("results").forEach(r ->
                    r.path("partialFingerprints").forEach(v -> fp.add(v.asText()))));
        } else {
            throw new IOException(file + " is neither a Triage JSON report nor a SARIF log");
        }
        return new Baseline(fp);
    }

    public boolean contains(Finding f) {
        return fingerprints.contains(f.fingerprint());
    }

    /** Findings not in the baseline. */
    public List<Finding> newFindings(List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) if (!contains(f)) out.add(f);
        return out;
    }

    public int size() {
        return fingerprints.size();
    }
}
