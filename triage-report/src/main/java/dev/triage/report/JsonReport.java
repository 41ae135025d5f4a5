package dev.triage.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.findings.Finding;
import dev.triage.contract.Location;
import dev.triage.contract.PathStep;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.ScanResult;
import dev.triage.findings.ScanStats;
import dev.triage.contract.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Triage's own JSON format, described by {@code docs/json-report-schema.json} and {@code docs/outputs.md}.
 * Apart from {@code stats.startedAt*} and {@code stats.durationMillis}, two writes of the same result are identical.
 */
public final class JsonReport implements ReportWriter {
    public static final String SCHEMA_VERSION = "1.0";

    @Override
    public void write(ScanResult result, ReportOptions options, Writer out) throws IOException {
        JsonOutput.write(toJson(result, options), out);
    }

    public ObjectNode toJson(ScanResult result, ReportOptions options) {
        SourcePaths paths = new SourcePaths(options.sourceRoot());
        List<Finding> findings = ReportSupport.ordered(result);
        ObjectNode root = JsonOutput.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", Reports.TOOL_NAME);
        tool.put("version", nz(result.toolVersion()));
        tool.put("informationUri", Reports.INFORMATION_URI);
        ArrayNode inputs = root.putArray("inputs");
        result.inputs().forEach(inputs::add);

        ObjectNode summary = root.putObject("summary");
        summary.put("findings", findings.size());
        summary.put("high", ReportSupport.highCount(findings));
        ObjectNode bySeverity = summary.putObject("bySeverity");
        for (Map.Entry<Severity, Integer> e : ReportSupport.countBySeverity(findings).entrySet()) {
            bySeverity.put(ReportSupport.slug(e.getKey()), e.getValue());
        }
        ArrayNode byCwe = summary.putArray("byCwe");
        for (ReportSupport.CweCount c : ReportSupport.countByCwe(findings)) {
            ObjectNode n = byCwe.addObject();
            n.put("cwe", c.cwe());
            n.put("count", c.count());
            n.put("maxSeverity", ReportSupport.slug(c.maxSeverity()));
        }
        summary.put("problems", result.problems().size());

        if (!result.components().components().isEmpty()) {
            ArrayNode comps = root.putArray("components");
            for (dev.triage.components.Component c : result.components().components()) {
                ObjectNode n = comps.addObject();
                n.put("purl", c.purl());
                n.put("groupId", c.groupId());
                n.put("artifactId", c.artifactId());
                n.put("version", c.version());
                n.put("identifiedBy", c.identifiedBy().slug());
                n.put("path", c.path());
                n.put("shadedIn", c.shadedIn());
                n.put("sha1", c.sha1());
                n.put("sha256", c.sha256());
                ObjectNode identity = n.putObject("identity");
                identity.put("confidence", c.identity().confidence().slug());
                ArrayNode evidence = identity.putArray("evidence");
                for (dev.triage.components.Identity.Evidence e : c.identity().evidence()) {
                    ObjectNode x = evidence.addObject();
                    x.put("technique", e.technique().id());
                    x.put("source", e.source());
                    x.put("value", e.value());
                    x.put("used", e.used());
                    x.put("note", e.note());
                }
                ArrayNode conflicts = identity.putArray("conflicts");
                c.identity().conflicts().forEach(conflicts::add);
                ArrayNode ids = n.putArray("advisories");
                for (dev.triage.components.ComponentReport.Vulnerability v : result.components().vulnerabilities()) {
                    if (v.component() == c) ids.add(v.advisory().id());
                }
            }
        }
        if (!result.appCode().jars().isEmpty() || !result.appCode().note().isEmpty()) {
            ObjectNode app = root.putObject("appCode");
            app.put("note", result.appCode().note());
            ArrayNode jars = app.putArray("jars");
            for (dev.triage.intake.JarRole r : result.appCode().jars()) {
                ObjectNode j = jars.addObject();
                j.put("path", r.path());
                j.put("app", r.app());
                j.put("reason", r.reason());
            }
        }
        ArrayNode list = root.putArray("findings");
        for (Finding f : findings) list.add(finding(f, paths));

        ArrayNode problems = root.putArray("problems");
        for (ScanProblem p : result.problems()) {
            ObjectNode n = problems.addObject();
            n.put("input", nz(p.input()));
            n.put("entry", nz(p.entry()));
            n.put("reason", nz(p.reason()));
        }

        ObjectNode stats = root.putObject("stats");
        ScanStats s = result.stats();
        if (s != null) {
            stats.put("startedAt", ReportSupport.isoUtc(s.startedAtEpochMillis()));
            stats.put("startedAtEpochMillis", s.startedAtEpochMillis());
            stats.put("durationMillis", s.durationMillis());
            stats.put("appClasses", s.appClasses());
            stats.put("libraryClasses", s.libraryClasses());
            stats.put("methodsAnalysed", s.methodsAnalysed());
            stats.put("libraries", s.libraries());
        }
        return root;
    }

    private static ObjectNode finding(Finding f, SourcePaths paths) {
        ObjectNode n = JsonOutput.object();
        n.put("ruleId", f.rule().id());
        n.put("title", nz(f.rule().title()));
        n.put("cwe", f.cwe());
        ObjectNode sev = n.putObject("severity");
        sev.put("level", f.severity().level());
        sev.put("id", ReportSupport.slug(f.severity()));
        sev.put("label", f.severity().label());
        n.put("confidence", ReportSupport.slug(f.confidence()));
        n.put("message", nz(f.message()));
        n.set("location", location(f.location(), paths));
        ArrayNode path = n.putArray("path");
        for (PathStep step : f.path()) {
            ObjectNode s = path.addObject();
            s.set("location", location(step.location(), paths));
            s.put("description", nz(step.description()));
        }
        n.put("fingerprint", nz(f.fingerprint()));
        n.put("remediation", nz(f.rule().remediation()));
        ArrayNode refs = n.putArray("references");
        f.rule().references().forEach(refs::add);
        dev.triage.findings.Compliance c = f.rule().compliance();
        if (!c.isEmpty()) {
            ObjectNode comp = n.putObject("compliance");
            ArrayNode hipaa = comp.putArray("hipaaSafeguards");
            c.hipaaSafeguards().forEach(hipaa::add);
            if (c.owaspTop10() != null) comp.put("owaspTop10", c.owaspTop10());
            if (c.masvs() != null) comp.put("masvs", c.masvs());
        }
        if (!f.properties().isEmpty()) {
            ObjectNode props = n.putObject("properties");
            f.properties().forEach(props::put);
        }
        return n;
    }

    private static ObjectNode location(Location loc, SourcePaths paths) {
        ObjectNode n = JsonOutput.object();
        n.put("className", loc.className());
        n.put("methodName", loc.methodName());
        n.put("methodDescriptor", loc.methodDescriptor());
        n.put("sourcePath", loc.sourcePath());
        n.put("line", loc.line());
        n.put("origin", loc.origin());
        if (paths.hasRoot() && !loc.sourcePath().isEmpty()) {
            n.put("file", paths.resolve(loc.sourcePath()));
        }
        return n;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
