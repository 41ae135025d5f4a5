package dev.triage.report;

import dev.triage.findings.Finding;
import dev.triage.contract.Location;
import dev.triage.contract.PathStep;
import dev.triage.findings.Rule;
import dev.triage.findings.ScanProblem;
import dev.triage.findings.ScanResult;
import dev.triage.findings.ScanStats;
import dev.triage.contract.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML file: inline CSS, inline SVG charts, no script and no external resource
 * (a Content-Security-Policy forbids any). Everything that comes from the scanned app or the rule
 * catalogue is HTML-escaped: scanned apps are hostile.
 */
public final class HtmlReport implements ReportWriter {

    @Override
    public void write(ScanResult result, ReportOptions options, Writer out) throws IOException {
        StringBuilder h = new StringBuilder(16 * 1024);
        SourcePaths paths = new SourcePaths(options.sourceRoot());
        List<Finding> findings = ReportSupport.ordered(result);
        int high = ReportSupport.highCount(findings);

        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Triage report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        // Header: inputs and totals
        h.append("<header>\n<h1>Triage report</h1>\n<p class=\"meta\">Triage ").append(esc(result.toolVersion()));
        ScanStats stats = result.stats();
        if (stats != null && stats.startedAtEpochMillis() > 0) {
            h.append(" &middot; scan started ").append(esc(ReportSupport.isoUtc(stats.startedAtEpochMillis())))
                    .append(" &middot; ").append(stats.durationMillis()).append(" ms");
        }
        h.append("</p>\n<dl class=\"inputs\">\n<dt>Inputs</dt>\n");
        if (result.inputs().isEmpty()) h.append("<dd>(none)</dd>\n");
        for (String in : result.inputs()) h.append("<dd><code>").append(esc(in)).append("</code></dd>\n");
        h.append("</dl>\n<ul class=\"totals\">\n")
                .append("<li><strong>").append(findings.size()).append("</strong> ")
                .append(findings.size() == 1 ? "finding" : "findings").append("</li>\n")
                .append("<li><strong>").append(high).append("</strong> high or very high</li>\n");
        if (stats != null) {
            h.append("<li><strong>").append(stats.appClasses()).append("</strong> app classes</li>\n")
                    .append("<li><strong>").append(stats.methodsAnalysed()).append("</strong> methods analysed</li>\n")
                    .append("<li><strong>").append(stats.libraries()).append("</strong> libraries</li>\n");
        }
        h.append("<li><strong>").append(result.problems().size()).append("</strong> skipped</li>\n</ul>\n</header>\n<main>\n");

        // Summary
        h.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"charts\">\n<figure>\n<figcaption>By severity</figcaption>\n");
        Map<Severity, Integer> bySev = ReportSupport.countBySeverity(findings);
        int maxSev = bySev.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int rows = bySev.size();
        svgOpen(h, rows, "Findings by severity");
        int row = 0;
        for (Map.Entry<Severity, Integer> e : bySev.entrySet()) {
            svgBar(h, row++, e.getKey().label(), e.getValue(), maxSev, sevColor(e.getKey()));
        }
        h.append("</svg>\n</figure>\n<figure>\n<figcaption>By CWE</figcaption>\n");
        List<ReportSupport.CweCount> byCwe = ReportSupport.countByCwe(findings);
        if (byCwe.isEmpty()) {
            h.append("<p>No findings.</p>\n");
        } else {
            int maxCwe = byCwe.get(0).count();
            svgOpen(h, byCwe.size(), "Findings by CWE");
            row = 0;
            for (ReportSupport.CweCount c : byCwe) {
                svgBar(h, row++, "CWE-" + c.cwe(), c.count(), maxCwe, sevColor(c.maxSeverity()));
            }
            h.append("</svg>\n");
        }
        h.append("</figure>\n</div>\n");
        h.append("<table class=\"counts\">\n<thead><tr><th>Severity</th><th>Findings</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<Severity, Integer> e : bySev.entrySet()) {
            h.append("<tr><td>").append(badge(e.getKey())).append("</td><td class=\"num\">")
                    .append(e.getValue()).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        if (!byCwe.isEmpty()) {
            h.append("<table class=\"counts\">\n<thead><tr><th>CWE</th><th>Rule</th><th>Findings</th></tr></thead>\n<tbody>\n");
            for (ReportSupport.CweCount c : byCwe) {
                h.append("<tr><td>").append(cweLink(c.cwe())).append("</td><td>").append(esc(c.title()))
                        .append("</td><td class=\"num\">").append(c.count()).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</section>\n");

        // Problems
        if (!result.problems().isEmpty()) {
            h.append("<section id=\"problems\">\n<h2>Skipped or not finished</h2>\n<ul>\n");
            for (ScanProblem p : result.problems()) {
                h.append("<li><code>").append(esc(blank(p.entry()) ? p.input() : p.input() + "!/" + p.entry()))
                        .append("</code>: ").append(esc(p.reason())).append("</li>\n");
            }
            h.append("</ul>\n</section>\n");
        }

        // What was taken to be the app: the nested jars read as app code, or why there is none
        if (!result.appCode().note().isEmpty() || !result.appCode().appJars().isEmpty()) {
            h.append("<section id=\"app-code\">\n<h2>App code</h2>\n");
            if (!result.appCode().note().isEmpty()) {
                h.append("<p>").append(esc(result.appCode().note())).append("</p>\n");
            }
            if (!result.appCode().appJars().isEmpty()) {
                h.append("<p>Jars read as the app's own code (the others are libraries):</p>\n<ul>\n");
                for (dev.triage.intake.JarRole r : result.appCode().appJars()) {
                    h.append("<li><code>").append(esc(r.path())).append("</code>: ").append(esc(r.reason())).append("</li>\n");
                }
                h.append("</ul>\n");
            }
            h.append("</section>\n");
        }

        hipaaView(h, findings, paths);

        // Contents
        h.append("<nav id=\"contents\">\n<h2>Contents</h2>\n");
        if (findings.isEmpty()) {
            h.append("<p>No findings.</p>\n");
        } else {
            h.append("<ol>\n");
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                h.append("<li><a href=\"#f").append(i + 1).append("\">").append(badge(f.severity())).append(' ')
                        .append(esc(f.rule().title())).append(" &mdash; <code>")
                        .append(esc(where(f.location(), paths))).append("</code></a></li>\n");
            }
            h.append("</ol>\n");
        }
        h.append("</nav>\n");

        // Findings
        if (!findings.isEmpty()) {
            h.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
            for (int i = 0; i < findings.size(); i++) finding(h, i + 1, findings.get(i), paths);
            h.append("</section>\n");
        }
        h.append("</main>\n<footer>Generated by Triage ").append(esc(result.toolVersion()))
                .append(". ").append(esc(ConsoleReport.summaryLine(result))).append("</footer>\n</body>\n</html>\n");
        out.write(h.toString());
        out.flush();
    }

    /**
     * The HIPAA view: each technical safeguard of the Security Rule (45 CFR 164.312) with the findings whose rule
     * undermines it (dev/triage/compliance.yml), linked to their entries; a safeguard no finding touches says so.
     */
    private static void hipaaView(StringBuilder h, List<Finding> findings, SourcePaths paths) {
        h.append("<section id=\"hipaa\">\n<h2>HIPAA view</h2>\n<p>Findings by the HIPAA Security Rule technical safeguard ")
                .append("they undermine (45 CFR 164.312); a finding may weigh on several.</p>\n<table>\n<thead><tr><th>Safeguard</th>")
                .append("<th>Findings</th></tr></thead>\n<tbody>\n");
        for (var s : dev.triage.findings.ComplianceMapping.builtIn().hipaaSafeguardTitles().entrySet()) {
            h.append("<tr><td>&sect;").append(esc(s.getKey())).append(' ').append(esc(s.getValue())).append("</td><td>");
            List<String> links = new java.util.ArrayList<>();
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                if (!f.rule().compliance().hipaaSafeguards().contains(s.getKey())) continue;
                links.add("<a href=\"#f" + (i + 1) + "\">" + badge(f.severity()) + " <code>" + esc(f.rule().id()) + "</code> "
                        + esc(where(f.location(), paths)) + "</a>");
            }
            if (links.isEmpty()) h.append("none");
            else h.append(links.size()).append("<ul class=\"hipaa\">").append(links.stream().map(l -> "<li>" + l + "</li>").collect(java.util.stream.Collectors.joining())).append("</ul>");
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void finding(StringBuilder h, int n, Finding f, SourcePaths paths) {
        Rule r = f.rule();
        h.append("<article class=\"finding\" id=\"f").append(n).append("\">\n<h3>").append(badge(f.severity()))
                .append(' ').append(esc(r.title())).append("</h3>\n<dl class=\"facts\">\n")
                .append("<dt>Rule</dt><dd><code>").append(esc(r.id())).append("</code> &middot; ")
                .append(cweLink(f.cwe())).append("</dd>\n")
                .append("<dt>Location</dt><dd><code>").append(esc(where(f.location(), paths))).append("</code>");
        Location loc = f.location();
        if (!loc.className().isEmpty() && !loc.sourcePath().isEmpty()) {
            h.append(" in <code>").append(esc(loc.qualifiedMethod())).append("</code>");
        }
        h.append("</dd>\n");
        if (!loc.origin().isEmpty()) h.append("<dt>From</dt><dd><code>").append(esc(loc.origin())).append("</code></dd>\n");
        h.append("<dt>Confidence</dt><dd>").append(esc(ReportSupport.slug(f.confidence()))).append("</dd>\n")
                .append("<dt>Fingerprint</dt><dd><code>").append(esc(f.fingerprint())).append("</code></dd>\n")
                .append("</dl>\n<p class=\"message\">").append(esc(f.message())).append("</p>\n");
        if (!f.path().isEmpty()) {
            h.append("<h4>Path</h4>\n<ol class=\"path\">\n");
            for (PathStep step : f.path()) {
                h.append("<li><code>").append(esc(where(step.location(), paths))).append("</code>");
                if (step.description() != null && !step.description().isBlank()) {
                    h.append(" &mdash; ").append(esc(step.description()));
                }
                h.append("</li>\n");
            }
            h.append("</ol>\n");
        }
        if (!blank(r.description())) h.append("<h4>Explanation</h4>\n").append(paragraphs(r.description()));
        if (!blank(r.remediation())) h.append("<h4>How to fix</h4>\n").append(paragraphs(r.remediation()));
        if (!r.references().isEmpty()) {
            h.append("<h4>References</h4>\n<ul class=\"refs\">\n");
            for (String ref : r.references()) h.append("<li>").append(link(ref)).append("</li>\n");
            h.append("</ul>\n");
        }
        h.append("<p class=\"top\"><a href=\"#contents\">Back to contents</a></p>\n</article>\n");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String where(Location loc, SourcePaths paths) {
        return ReportSupport.displayLocation(loc, paths.resolve(loc.sourcePath()));
    }

    // --- SVG bar chart --------------------------------------------------------------------

    private static final int LABEL_W = 110;
    private static final int BAR_W = 260;
    private static final int ROW_H = 26;

    private static void svgOpen(StringBuilder h, int rows, String title) {
        int width = LABEL_W + BAR_W + 50;
        int height = rows * ROW_H + 6;
        h.append("<svg class=\"chart\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" aria-label=\"").append(esc(title)).append("\">\n<title>")
                .append(esc(title)).append("</title>\n");
    }

    private static void svgBar(StringBuilder h, int row, String label, int count, int max, String color) {
        int y = row * ROW_H + 4;
        int w = max == 0 ? 0 : Math.max(count > 0 ? 2 : 0, Math.round((float) BAR_W * count / max));
        h.append("<text x=\"").append(LABEL_W - 8).append("\" y=\"").append(y + 15)
                .append("\" text-anchor=\"end\">").append(esc(label)).append("</text>")
                .append("<rect x=\"").append(LABEL_W).append("\" y=\"").append(y).append("\" width=\"").append(w)
                .append("\" height=\"").append(ROW_H - 8).append("\" fill=\"").append(color).append("\"/>")
                .append("<text x=\"").append(LABEL_W + w + 6).append("\" y=\"").append(y + 15)
                .append("\" class=\"count\">").append(count).append("</text>\n");
    }

    // --- pieces ------------------------------------------------------------------------------

    private static String badge(Severity s) {
        return "<span class=\"badge sev-" + ReportSupport.slug(s) + "\">" + esc(s.label()) + "</span>";
    }

    private static String cweLink(int cwe) {
        return "<a href=\"https://cwe.mitre.org/data/definitions/" + cwe + ".html\" rel=\"noopener noreferrer\">CWE-"
                + cwe + "</a>";
    }

    /** A reference: a link only for a plain http(s) URL, else text. */
    private static String link(String ref) {
        if (ref != null && ref.matches("https?://[^\\s\"'<>`]+")) {
            return "<a href=\"" + esc(ref) + "\" rel=\"noopener noreferrer\">" + esc(ref) + "</a>";
        }
        return esc(ref);
    }

    private static String paragraphs(String text) {
        StringBuilder sb = new StringBuilder();
        for (String p : text.strip().split("\\n\\s*\\n")) {
            if (!p.isBlank()) sb.append("<p>").append(esc(p.strip())).append("</p>\n");
        }
        return sb.toString();
    }

    private static String sevColor(Severity s) {
        return switch (s) {
            case VERY_HIGH -> "#7b1fa2";
            case HIGH -> "#c62828";
            case MEDIUM -> "#ef6c00";
            case LOW -> "#f9a825";
            case VERY_LOW -> "#558b2f";
            case INFORMATIONAL -> "#546e7a";
        };
    }

    /** HTML-escapes text (for element content and quoted attribute values); control characters are made visible. */
    static String esc(String s) {
        return HtmlText.escape(s);
    }

    private static final String CSS = String.join("\n",
            ":root { color-scheme: light; }",
            "body { font: 16px/1.55 system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif;",
            "  color: #1c1c1c; background: #fff; max-width: 60rem; margin: 0 auto; padding: 1.5rem; }",
            "h1 { font-size: 1.9rem; margin: 0 0 .25rem; }",
            "h2 { font-size: 1.4rem; border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }",
            "h3 { font-size: 1.15rem; margin: 0 0 .5rem; }",
            "h4 { font-size: 1rem; margin: 1rem 0 .25rem; }",
            "code { font: .9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }",
            "a { color: #0b57d0; }",
            ".meta { color: #555; margin: 0 0 1rem; }",
            "dl.inputs dt { font-weight: 600; } dl.inputs dd { margin: 0 0 0 1rem; }",
            "ul.totals { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }",
            ".charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }",
            "figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .25rem; }",
            "svg.chart text { font: 13px system-ui, sans-serif; fill: #1c1c1c; }",
            "table.counts { border-collapse: collapse; margin: 1rem 0; min-width: 18rem; }",
            "table.counts th, table.counts td { border-bottom: 1px solid #e3e3e3; padding: .3rem .7rem; text-align: left; }",
            "td.num { text-align: right; font-variant-numeric: tabular-nums; }",
            ".badge { display: inline-block; padding: .05rem .5rem; border-radius: .8rem; color: #fff; font-size: .8rem;",
            "  font-weight: 600; white-space: nowrap; vertical-align: .1em; }",
            ".sev-very-high { background: #7b1fa2; } .sev-high { background: #c62828; } .sev-medium { background: #ef6c00; }",
            ".sev-low { background: #f9a825; color: #1c1c1c; } .sev-very-low { background: #558b2f; }",
            ".sev-informational { background: #546e7a; }",
            "nav ol { padding-left: 1.6rem; } nav li { margin: .2rem 0; }",
            "article.finding { border: 1px solid #ddd; border-radius: .4rem; padding: 1rem 1.2rem; margin: 1.2rem 0; }",
            "dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }",
            "dl.facts dt { color: #555; } dl.facts dd { margin: 0; }",
            ".message { font-weight: 600; background: #f6f6f6; padding: .5rem .75rem; border-left: 4px solid #999; }",
            "ol.path li { margin: .15rem 0; }",
            ".top { font-size: .85rem; margin: .75rem 0 0; }",
            "footer { margin-top: 2rem; color: #555; font-size: .9rem; }",
            "@media print {",
            "  body { max-width: none; padding: 0; font-size: 11pt; }",
            "  nav#contents, .top { display: none; }",
            "  article.finding { break-inside: avoid; }",
            "  .badge, svg.chart rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }",
            "  a { color: inherit; text-decoration: none; }",
            "}",
            "");
}
