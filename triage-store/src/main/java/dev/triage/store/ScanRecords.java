package dev.triage.store;

import dev.triage.components.Component;
import dev.triage.components.ComponentReport;
import dev.triage.findings.Finding;
import dev.triage.contract.PathStep;
import dev.triage.findings.Rule;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.ScanResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Turns a scan's {@link ScanResult} into the {@link ScanRecord} the store keeps. */
public final class ScanRecords {
    private ScanRecords() {
    }

    /**
     * The record of a finished scan. It is a failure ({@code no-code}) when the scan found no app code to analyse:
     * the study counts such an app as not scanned, with the scan's problems as the reason.
     */
    public static ScanRecord of(ScanResult result, long finishedAt) {
        List<ScanRecord.StoredFinding> findings = new ArrayList<>();
        for (Finding f : result.findings()) findings.add(finding(f));
        List<ScanRecord.Problem> problems = new ArrayList<>();
        for (ScanProblem p : result.problems()) problems.add(new ScanRecord.Problem(p.input(), p.entry(), p.reason()));

        ComponentReport report = result.components();
        List<ScanRecord.StoredComponent> components = new ArrayList<>();
        Map<Component, Integer> index = new IdentityHashMap<>();
        Map<Component, Integer> byValue = new HashMap<>();
        for (Component c : report.components()) {
            index.put(c, components.size());
            byValue.putIfAbsent(c, components.size());
            components.add(new ScanRecord.StoredComponent(c.groupId(), c.artifactId(), c.version(), c.purl(),
                    c.identifiedBy().name().toLowerCase(java.util.Locale.ROOT), c.fileName(), c.path(), c.sha1(),
                    c.sha256(), c.shadedIn(), c.releaseDate() > 0 ? epochDay(c.releaseDate()) : null));
        }
        List<ScanRecord.StoredAdvisory> advisories = new ArrayList<>();
        for (ComponentReport.Vulnerability v : report.vulnerabilities()) {
            Integer at = index.get(v.component());
            if (at == null) at = byValue.get(v.component());
            if (at == null) continue; // every vulnerability names a listed component; nothing to attach it to otherwise
            var a = v.advisory();
            advisories.add(new ScanRecord.StoredAdvisory(at, a.id(), a.primaryAlias(), a.aliases(), a.summary(),
                    a.score(), a.level(), v.fixedVersion(), v.reachability().label()));
        }

        boolean noCode = result.stats().appClasses() == 0;
        String reason = null;
        if (noCode) {
            StringBuilder sb = new StringBuilder("no app code was analysed");
            for (ScanProblem p : result.problems()) {
                if (sb.length() > 900) break;
                sb.append("; ").append(p.describe());
            }
            reason = sb.toString();
        }
        long build = report.appBuildDate();
        return new ScanRecord(result.toolVersion(), rulesVersion(result.rules()), result.stats().startedAtEpochMillis(),
                finishedAt, noCode ? ScanRecord.FAILED : ScanRecord.OK, noCode ? "no-code" : null, reason,
                result.stats().appClasses(), result.stats().appCodeBytes(), build > 0 ? epochDay(build) : null,
                build > 0 ? report.appBuildSource() : null, noCode ? List.of() : findings, problems, components,
                advisories);
    }

    static ScanRecord.StoredFinding finding(Finding f) {
        List<ScanRecord.Step> path = new ArrayList<>();
        for (PathStep s : f.path()) {
            path.add(new ScanRecord.Step(s.location().className(), s.location().methodName(),
                    s.location().sourcePath(), s.location().line(), s.description()));
        }
        var l = f.location();
        return new ScanRecord.StoredFinding(f.fingerprint(), f.rule().id(), f.cwe(), f.severity().level(),
                f.confidence().name().toLowerCase(java.util.Locale.ROOT), l.className(), l.methodName(),
                l.methodDescriptor(), l.sourcePath(), l.line(), l.origin(), f.message(), path, f.properties());
    }

    /**
     * A short digest of the rules that ran (id, CWE, severity): two scans with the same value judged the app by the
     * same catalogue.
     */
    public static String rulesVersion(List<Rule> rules) {
        TreeSet<String> lines = new TreeSet<>();
        for (Rule r : rules) lines.add(r.id() + "\t" + r.cwe() + "\t" + r.severity().level());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String line : lines) md.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Days since 1970-01-01 (UTC) of an instant in epoch millis. */
    public static int epochDay(long epochMillis) {
        return (int) Math.floorDiv(epochMillis, 86_400_000L);
    }
}
