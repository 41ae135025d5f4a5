package dev.triage.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.findings.Finding;
import dev.triage.contract.Location;
import dev.triage.contract.PathStep;
import dev.triage.findings.Rule;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.ScanResult;
import dev.triage.findings.ScanStats;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.
 *
 * <p>Deterministic: the only run-time fields are {@code invocations[0].startTimeUtc/endTimeUtc}.
 */
public final class SarifReport implements ReportWriter {
    public static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public static final String SARIF_VERSION = "2.1.0";
    public static final String SRCROOT = "SRCROOT";
    public static final String FINGERPRINT_KEY = "triageFingerprint/v1";

    @Override
    public void write(ScanResult result, ReportOptions options, Writer out) throws IOException {
        JsonOutput.write(toSarif(result, options), out);
    }

    /** The SARIF log as a tree (useful to embed or inspect). */
    public ObjectNode toSarif(ScanResult result, ReportOptions options) {
        SourcePaths paths = new SourcePaths(options.sourceRoot());
        ObjectNode log = JsonOutput.object();
        log.put("$schema", SCHEMA_URI);
        log.put("version", SARIF_VERSION);
        ObjectNode run = log.putArray("runs").addObject();

        List<Rule> rules = ReportSupport.ruleCatalogue(result);
        Map<String, Integer> ruleIndex = new HashMap<>();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", Reports.TOOL_NAME);
        driver.put("version", nz(result.toolVersion()));
        driver.put("informationUri", Reports.INFORMATION_URI);
        ArrayNode rulesNode = driver.putArray("rules");
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
            rulesNode.add(rule(rules.get(i)));
        }

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        ScanStats stats = result.stats();
        if (stats != null && stats.startedAtEpochMillis() > 0) {
            invocation.put("startTimeUtc", ReportSupport.isoUtc(stats.startedAtEpochMillis()));
            invocation.put("endTimeUtc",
                    ReportSupport.isoUtc(stats.startedAtEpochMillis() + Math.max(0, stats.durationMillis())));
        }
        if (!result.problems().isEmpty()) {
            ArrayNode notes = invocation.putArray("toolExecutionNotifications");
            for (ScanProblem p : result.problems()) {
                ObjectNode n = notes.addObject();
                n.put("level", "warning");
                n.putObject("message").put("text", ConsoleReport.describe(p));
            }
        }

        if (paths.hasRoot()) {
            run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", rootUri(paths));
        }

        ArrayNode results = run.putArray("results");
        for (Finding f : ReportSupport.ordered(result)) {
            results.add(result(f, ruleIndex.get(f.rule().id()), paths));
        }
        run.put("columnKind", "utf16CodeUnits");
        return log;
    }

    private static ObjectNode rule(Rule r) {
        ObjectNode n = JsonOutput.object();
        n.put("id", r.id());
        n.put("name", ReportSupport.camelCase(r.id()));
        n.putObject("shortDescription").put("text", nz(r.title()));
        n.putObject("fullDescription").put("text", nz(r.description()));
        String help = firstAbsoluteUri(r.references());
        if (help != null) n.put("helpUri", help);
        ObjectNode helpNode = n.putObject("help");
        helpNode.put("text", helpText(r));
        helpNode.put("markdown", helpMarkdown(r));
        n.putObject("defaultConfiguration").put("level", r.severity().sarifLevel());
        ObjectNode props = n.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        ReportSupport.tags(r).forEach(tags::add);
        props.put("security-severity", ReportSupport.securitySeverity(r.severity()));
        props.put("precision", ReportSupport.slug(r.precision()));
        props.put("cwe", "CWE-" + r.cwe());
        // the frameworks the flaw counts against (dev/triage/compliance.yml)
        if (!r.compliance().hipaaSafeguards().isEmpty()) {
            ArrayNode hipaa = props.putArray("hipaa-safeguards");
            r.compliance().hipaaSafeguards().forEach(hipaa::add);
        }
        if (r.compliance().owaspTop10() != null) props.put("owasp-top10-2021", r.compliance().owaspTop10());
        if (r.compliance().masvs() != null) props.put("masvs-v2", r.compliance().masvs());
        return n;
    }

    private static String helpText(Rule r) {
        StringBuilder sb = new StringBuilder(nz(r.remediation()));
        if (!r.references().isEmpty()) {
            sb.append("\n\nReferences:");
            for (String ref : r.references()) sb.append("\n- ").append(ref);
        }
        return sb.toString();
    }

    private static String helpMarkdown(Rule r) {
        StringBuilder sb = new StringBuilder(nz(r.remediation()));
        if (!r.references().isEmpty()) {
            sb.append("\n\n**References**\n");
            for (String ref : r.references()) {
                sb.append("\n- ");
                if (firstAbsoluteUri(List.of(ref)) != null) sb.append('<').append(ref).append('>');
                else sb.append(ref);
            }
        }
        return sb.toString();
    }

    private static ObjectNode result(Finding f, int ruleIndex, SourcePaths paths) {
        ObjectNode n = JsonOutput.object();
        n.put("ruleId", f.rule().id());
        n.put("ruleIndex", ruleIndex);
        n.put("level", f.severity().sarifLevel());
        n.putObject("message").put("text", nonEmpty(f.message(), f.rule().title()));
        n.putArray("locations").add(location(f.location(), paths));
        n.putObject("partialFingerprints").put(FINGERPRINT_KEY, nz(f.fingerprint()));
        if (!f.path().isEmpty()) {
            ArrayNode steps = n.putArray("codeFlows").addObject()
                    .putArray("threadFlows").addObject()
                    .putArray("locations");
            for (PathStep step : f.path()) {
                ObjectNode loc = location(step.location(), paths);
                loc.putObject("message").put("text", nonEmpty(step.description(), step.location().qualifiedMethod()));
                steps.addObject().set("location", loc);
            }
        }
        ObjectNode props = n.putObject("properties");
        props.put("confidence", ReportSupport.slug(f.confidence()));
        props.put("severity", ReportSupport.slug(f.severity()));
        props.put("severityLevel", f.severity().level());
        props.put("security-severity", ReportSupport.securitySeverity(f.severity()));
        props.put("cwe", "CWE-" + f.cwe());
        // Rule-specific facts (advisory id, purl, fixed version, reachability for components).
        f.properties().forEach((k, v) -> {
            if (k.equals("aliases")) {
                ArrayNode a = props.putArray(k);
                for (String s : v.split(",")) if (!s.isBlank()) a.add(s.strip());
            } else {
                props.put(k, v);
            }
        });
        return n;
    }

    private static ObjectNode location(Location loc, SourcePaths paths) {
        ObjectNode n = JsonOutput.object();
        if (!loc.sourcePath().isEmpty()) {
            ObjectNode physical = n.putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            String path = paths.resolve(loc.sourcePath());
            if (path.startsWith("/")) {
                artifact.put("uri", "file://" + encodeUri(path));
            } else {
                artifact.put("uri", encodeUri(path));
                artifact.put("uriBaseId", SRCROOT);
            }
            if (loc.line() > 0) physical.putObject("region").put("startLine", loc.line());
        }
        if (!loc.className().isEmpty()) {
            ObjectNode logical = n.putArray("logicalLocations").addObject();
            logical.put("fullyQualifiedName", loc.qualifiedMethod());
            logical.put("kind", loc.methodName().isEmpty() ? "type" : "function");
        }
        return n;
    }

    /** Percent-encodes a path for a URI reference; keeps unreserved characters and {@code /}. */
    static String encodeUri(String path) {
        String p = path.replace('\\', '/');
        StringBuilder sb = new StringBuilder();
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == '$' || c == '+') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static String rootUri(SourcePaths paths) {
        String uri = paths.root().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static String firstAbsoluteUri(List<String> refs) {
        for (String r : refs) {
            if (r != null && (r.startsWith("https://") || r.startsWith("http://"))) {
                try {
                    new java.net.URI(r);
                    return r;
                } catch (java.net.URISyntaxException e) {
                    // not a usable URI: skip
                }
            }
        }
        return null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String nonEmpty(String s, String fallback) {
        return s == null || s.isBlank() ? (fallback == null || fallback.isBlank() ? "(no message)" : fallback) : s;
    }
}
