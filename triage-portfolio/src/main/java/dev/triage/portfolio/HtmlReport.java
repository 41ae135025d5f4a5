package dev.triage.portfolio;

import dev.triage.report.HtmlText;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The portfolio report as one self-contained page: headline shares with their 95% intervals drawn as inline SVG,
 * bar charts (inline SVG) beside the main tables, every table in full. No script, no external resource, a strict
 * Content-Security-Policy; every string that came from a store (app names, vendors, rule ids, reasons) is escaped.
 */
final class HtmlReport {
    private HtmlReport() {
    }

    /** Which column of a table the chart beside it draws, and the label column. */
    private static final Map<String, String[]> CHARTS = Map.of(
            "flaws_by_cwe", new String[]{"cwe", "flaws"},
            "owasp_top10", new String[]{"category", "flaws"},
            "masvs", new String[]{"category", "flaws"},
            "top_rules", new String[]{"rule_id", "flaws"},
            "flaws_by_severity", new String[]{"severity", "flaws"},
            "android_indicators", new String[]{"indicator", "share"},
            "by_category", new String[]{"group", "share_with_flaw"},
            "by_vendor", new String[]{"group", "share_with_flaw"},
            "vulnerable_components", new String[]{"component", "apps"});

    static String render(Figures.Report r) {
        Map<String, Object> h = r.headline();
        StringBuilder b = new StringBuilder(32_768);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>Triage portfolio report</title><style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}")
                .append("h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}")
                .append(".cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:200px}")
                .append(".big{font-size:1.7em;font-weight:600}.muted{color:#666;font-size:.9em}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}.pair{display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap}")
                .append("</style></head><body>\n");
        b.append("<h1>Triage portfolio report</h1>\n<p class=\"muted\">Data as of ").append(ReportWriters.date(r.asOf()))
                .append(" · Triage ").append(esc(r.toolVersion())).append(" · report schema ").append(r.schemaVersion())
                .append(" · stale means no build or store update in ").append(r.staleYears()).append(" years</p>\n");

        b.append("<div class=\"cards\">");
        card(b, "Apps scanned", h.get("appsScanned") + " of " + h.get("apps"), h.get("appsFailed") + " could not be scanned");
        shareCard(b, "Apps with at least one flaw", (Figures.Share) h.get("appsWithFlaw"));
        shareCard(b, "Apps with a high-severity flaw (4–5)", (Figures.Share) h.get("appsWithHighSeverityFlaw"));
        card(b, "Flaw density", h.get("flawsPerMbOfCode") == null ? "—" : two(h.get("flawsPerMbOfCode")) + " per MB",
                h.get("flaws") + " flaws in " + two(h.get("codeMegabytes")) + " MB of app code");
        shareCard(b, "Apps with a known-vulnerable library", (Figures.Share) h.get("appsWithVulnerableLibrary"));
        shareCard(b, "Stale apps", (Figures.Share) h.get("staleApps"));
        shareCard(b, "Fix rate (flaws fixed by the latest scan)", (Figures.Share) h.get("fixRate"));
        card(b, "Flaw half-life", h.get("flawHalfLifeDays") == null ? "—" : two(h.get("flawHalfLifeDays")) + " days",
                "Kaplan–Meier, first episode of each flaw");
        b.append("</div>\n");

        @SuppressWarnings("unchecked") Map<String, Object> android = (Map<String, Object>) h.get("android");
        b.append("<h2>Android apps</h2>\n");
        long androidApps = ((Map<?, ?>) h.get("appsScannedByPlatform")).containsKey("android")
                ? ((Number) ((Map<?, ?>) h.get("appsScannedByPlatform")).get("android")).longValue() : 0;
        b.append(androidApps == 0 ? "<p class=\"muted\">no Android app scanned</p>" : shareChart(android)).append('\n');

        for (Figures.Table t : r.tables()) {
            b.append("<h2 id=\"").append(esc(t.name())).append("\">").append(esc(t.title())).append("</h2>\n");
            if (t.rows().isEmpty()) {
                b.append("<p class=\"muted\">none</p>\n");
                continue;
            }
            b.append("<div class=\"pair\">");
            String[] chart = CHARTS.get(t.name());
            if (chart != null) b.append(barChart(t, chart[0], chart[1]));
            b.append(table(t)).append("</div>\n");
        }
        b.append("<p class=\"muted\">Each figure is a documented query over the store (docs/portfolio.md); shares carry Wilson 95% intervals.</p>\n");
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void card(StringBuilder b, String title, String value, String note) {
        b.append("<div class=\"card\"><div class=\"muted\">").append(esc(title)).append("</div><div class=\"big\">")
                .append(esc(value)).append("</div><div class=\"muted\">").append(esc(note)).append("</div></div>");
    }

    private static void shareCard(StringBuilder b, String title, Figures.Share s) {
        String value = s.share() == null ? "—" : pct(s.share());
        String note = s.count() + " of " + s.of() + (s.low() == null ? "" : " · 95% CI " + pct(s.low()) + "–" + pct(s.high()));
        card(b, title, value, note);
    }

    /** Horizontal bars with the interval as a line, one per share. */
    private static String shareChart(Map<String, Object> shares) {
        int rowH = 22, w = 520, label = 200, bar = w - label - 70;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"")
                .append(shares.size() * rowH + 6).append("\" role=\"img\" aria-label=\"shares of Android apps\">");
        int y = 4;
        for (var e : shares.entrySet()) {
            Figures.Share sh = (Figures.Share) e.getValue();
            double v = sh.share() == null ? 0 : sh.share();
            s.append("<text x=\"0\" y=\"").append(y + 14).append("\" font-size=\"12\">").append(esc(e.getKey())).append("</text>");
            s.append("<rect x=\"").append(label).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(fmt(v * bar)).append("\" height=\"14\" fill=\"#4a78b5\"/>");
            if (sh.low() != null) {
                s.append("<line x1=\"").append(fmt(label + sh.low() * bar)).append("\" x2=\"").append(fmt(label + sh.high() * bar))
                        .append("\" y1=\"").append(y + 10).append("\" y2=\"").append(y + 10).append("\" stroke=\"#111\" stroke-width=\"1.5\"/>");
            }
            s.append("<text x=\"").append(label + bar + 6).append("\" y=\"").append(y + 14).append("\" font-size=\"12\">")
                    .append(sh.share() == null ? "—" : pct(v)).append("</text>");
            y += rowH;
        }
        return s.append("</svg>").toString();
    }

    private static String barChart(Figures.Table t, String labelColumn, String valueColumn) {
        int li = t.columns().indexOf(labelColumn), vi = t.columns().indexOf(valueColumn);
        List<SvgCharts.Bar> bars = new java.util.ArrayList<>();
        for (List<Object> row : t.rows()) {
            bars.add(new SvgCharts.Bar(String.valueOf(row.get(li)), value(row.get(vi)), cell(row.get(vi), valueColumn)));
        }
        return SvgCharts.bars(t.title(), bars, 15);
    }

    private static double value(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    private static String table(Figures.Table t) {
        StringBuilder s = new StringBuilder("<table><thead><tr>");
        for (String c : t.columns()) s.append("<th>").append(esc(c)).append("</th>");
        s.append("</tr></thead><tbody>");
        for (List<Object> row : t.rows()) {
            s.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Object v = row.get(i);
                s.append(v instanceof Number ? "<td class=\"n\">" : "<td>").append(esc(cell(v, t.columns().get(i)))).append("</td>");
            }
            s.append("</tr>");
        }
        return s.append("</tbody></table>").toString();
    }

    private static String cell(Object v, String column) {
        if (v == null) return "";
        if (v instanceof Double d && (column.startsWith("share") || column.startsWith("ci_"))) return pct(d);
        if (v instanceof Number n && (column.endsWith("_at"))) return ReportWriters.date(n.longValue());
        return String.valueOf(v);
    }

    private static String two(Object number) {
        return String.format(Locale.ROOT, "%.2f", ((Number) number).doubleValue());
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /**
     * HTML-escapes text from the store exactly as the scan report does ({@link HtmlText}): one line, control and
     * bidirectional-override characters visible.
     */
    static String esc(String s) {
        return HtmlText.escape(s);
    }
}
