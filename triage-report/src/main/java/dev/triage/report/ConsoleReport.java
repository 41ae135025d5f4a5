package dev.triage.report;

import dev.triage.findings.Finding;
import dev.triage.contract.PathStep;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.ScanResult;
import dev.triage.contract.Severity;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain text for a terminal: findings grouped by severity, counts, problems, one summary line.
 * Text from scanned code has control characters escaped, so it cannot drive the terminal.
 */
public final class ConsoleReport implements ReportWriter {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";

    @Override
    public void write(ScanResult result, ReportOptions options, Writer out) throws IOException {
        PrintWriter w = new PrintWriter(out);
        Style st = new Style(options.color());
        SourcePaths paths = new SourcePaths(options.sourceRoot());
        List<Finding> findings = ReportSupport.ordered(result);

        for (Severity sev : ReportSupport.severitiesDescending()) {
            List<Finding> group = new ArrayList<>();
            for (Finding f : findings) if (f.severity() == sev) group.add(f);
            if (group.isEmpty()) continue;
            line(w, st.wrap(BOLD + color(sev), sev.label().toUpperCase(Locale.ROOT) + " (" + group.size() + ")"));
            for (Finding f : group) {
                String where = ReportSupport.displayLocation(f.location(), paths.resolve(f.location().sourcePath()));
                line(w, "  " + st.wrap(color(sev), "[" + f.rule().id() + "]") + " CWE-" + f.cwe() + "  "
                        + ReportSupport.oneLine(where));
                line(w, "    " + ReportSupport.oneLine(f.message()));
                if (options.verbose()) {
                    line(w, "    " + st.wrap(DIM, "rule: " + ReportSupport.oneLine(f.rule().title())
                            + "; confidence: " + ReportSupport.slug(f.confidence())));
                    if (!f.location().className().isEmpty()) {
                        line(w, "    " + st.wrap(DIM, "in: " + ReportSupport.oneLine(f.location().qualifiedMethod()
                                + f.location().methodDescriptor())));
                    }
                    if (!f.location().origin().isEmpty()) {
                        line(w, "    " + st.wrap(DIM, "from: " + ReportSupport.oneLine(f.location().origin())));
                    }
                    if (f.rule().remediation() != null && !f.rule().remediation().isBlank()) {
                        line(w, "    fix: " + ReportSupport.oneLine(f.rule().remediation()));
                    }
                    line(w, "    " + st.wrap(DIM, "fingerprint: " + ReportSupport.oneLine(f.fingerprint())));
                }
                if (!f.path().isEmpty()) {
                    line(w, "    path:");
                    int i = 1;
                    for (PathStep step : f.path()) {
                        String at = ReportSupport.displayLocation(step.location(),
                                paths.resolve(step.location().sourcePath()));
                        line(w, "      " + i++ + ". " + ReportSupport.oneLine(at)
                                + (step.description() == null || step.description().isBlank() ? ""
                                : "  " + ReportSupport.oneLine(step.description())));
                    }
                }
            }
            line(w, "");
        }

        if (!findings.isEmpty()) {
            StringBuilder counts = new StringBuilder("By severity:");
            boolean first = true;
            for (Map.Entry<Severity, Integer> e : ReportSupport.countBySeverity(findings).entrySet()) {
                if (e.getValue() == 0) continue;
                counts.append(first ? " " : ", ").append(e.getKey().label()).append(' ').append(e.getValue());
                first = false;
            }
            line(w, counts.toString());
        }
        for (ScanProblem p : result.problems()) {
            line(w, st.wrap("\u001b[33m", "Problem: ") + ReportSupport.oneLine(describe(p)));
        }
        java.util.List<String> unidentified = new java.util.ArrayList<>();
        for (dev.triage.components.Component c : result.components().components()) {
            if (!c.shaded() && c.purl().isEmpty()) unidentified.add(c.path());
        }
        if (!unidentified.isEmpty()) {
            // never silently unmatched: a jar without coordinates is named, with where its evidence is
            line(w, "Note: " + ReportSupport.plural(unidentified.size(), "bundled jar", "bundled jars")
                    + " could not be identified (no package URL, so never matched against advisories; the evidence tried"
                    + " is in the JSON report and the SBOM): " + ReportSupport.oneLine(String.join(", ",
                    unidentified.size() > 20 ? unidentified.subList(0, 20) : unidentified)) + (unidentified.size() > 20 ? ", ..." : ""));
        }
        line(w, st.wrap(BOLD, summaryLine(result)));
        w.flush();
    }

    /**
     * {@code Triage: 7 findings (2 high or very high) in 42 app classes; 1 problem}: a problem is anything
     * not scanned or not finished (a skipped archive entry, an unfinished method, a missing advisory database).
     */
    public static String summaryLine(ScanResult result) {
        int n = result.findings().size();
        int high = ReportSupport.highCount(result.findings());
        int classes = result.stats() == null ? 0 : result.stats().appClasses();
        StringBuilder sb = new StringBuilder("Triage: ")
                .append(ReportSupport.plural(n, "finding", "findings"))
                .append(" (").append(high).append(" high or very high) in ")
                .append(ReportSupport.plural(classes, "app class", "app classes"));
        int skipped = result.problems().size();
        if (skipped > 0) {
            sb.append("; ").append(ReportSupport.plural(skipped, "problem", "problems")).append(" (not scanned or not finished)");
        }
        return sb.toString();
    }

    static String describe(ScanProblem p) {
        String entry = p.entry() == null ? "" : p.entry();
        return (entry.isEmpty() ? p.input() : p.input() + "!/" + entry) + ": " + p.reason();
    }

    private static void line(PrintWriter w, String s) {
        w.print(s);
        w.print('\n');
    }

    private static String color(Severity s) {
        return switch (s) {
            case VERY_HIGH -> "\u001b[35m";
            case HIGH -> "\u001b[31m";
            case MEDIUM -> "\u001b[33m";
            case LOW, VERY_LOW -> "\u001b[36m";
            case INFORMATIONAL -> "\u001b[37m";
        };
    }

    private record Style(boolean on) {
        String wrap(String code, String text) {
            return on ? code + text + RESET : text;
        }
    }
}
