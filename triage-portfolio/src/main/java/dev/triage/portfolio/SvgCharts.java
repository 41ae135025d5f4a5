package dev.triage.portfolio;

import java.util.List;
import java.util.Locale;

/**
 * The charts of Triage's HTML pages: inline SVG drawn with presentation attributes only (no script, no style
 * attribute), so a page with the strictest Content-Security-Policy shows them. The portfolio report and the server's
 * dashboard draw with it.
 */
public final class SvgCharts {
    private SvgCharts() {
    }

    /** One bar: its label, its value (the bars are scaled to the largest) and the text written after it. */
    public record Bar(String label, double value, String text) {
    }

    /** Horizontal bars, at most {@code max} of them, labels cut at 30 characters; every string escaped. */
    public static String bars(String ariaLabel, List<Bar> bars, int max) {
        List<Bar> rows = bars.subList(0, Math.min(max, bars.size()));
        double top = 0;
        for (Bar b : rows) top = Math.max(top, b.value());
        int rowH = 20, w = 460, label = 190, bar = w - label - 60;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"")
                .append(rows.size() * rowH + 6).append("\" role=\"img\" aria-label=\"").append(HtmlReport.esc(ariaLabel)).append("\">");
        int y = 4;
        for (Bar b : rows) {
            String name = b.label() == null || b.label().isEmpty() ? "(none)" : b.label();
            if (name.length() > 30) name = name.substring(0, 29) + "…";
            double len = top <= 0 ? 0 : b.value() / top * bar;
            s.append("<text x=\"0\" y=\"").append(y + 13).append("\" font-size=\"11\">").append(HtmlReport.esc(name)).append("</text>");
            s.append("<rect x=\"").append(label).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(fmt(len)).append("\" height=\"13\" fill=\"#4a78b5\"/>");
            s.append("<text x=\"").append(fmt(label + len + 4)).append("\" y=\"").append(y + 13)
                    .append("\" font-size=\"11\">").append(HtmlReport.esc(b.text())).append("</text>");
            y += rowH;
        }
        return s.append("</svg>").toString();
    }

    /** Vertical bars over time (oldest left), for a trend: one per point, labelled under the first and last. */
    public static String trend(String ariaLabel, List<Bar> points) {
        int w = 460, h = 140, base = h - 20;
        double top = 0;
        for (Bar b : points) top = Math.max(top, b.value());
        double step = points.isEmpty() ? 0 : (double) (w - 10) / points.size();
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" role=\"img\" aria-label=\"").append(HtmlReport.esc(ariaLabel)).append("\">");
        s.append("<line x1=\"0\" x2=\"").append(w).append("\" y1=\"").append(base).append("\" y2=\"").append(base)
                .append("\" stroke=\"#999\"/>");
        for (int i = 0; i < points.size(); i++) {
            Bar b = points.get(i);
            double len = top <= 0 ? 0 : b.value() / top * (base - 16);
            s.append("<rect x=\"").append(fmt(5 + i * step)).append("\" y=\"").append(fmt(base - len)).append("\" width=\"")
                    .append(fmt(Math.max(1, step - 2))).append("\" height=\"").append(fmt(len)).append("\" fill=\"#4a78b5\">")
                    .append("<title>").append(HtmlReport.esc(b.label() + ": " + b.text())).append("</title></rect>");
        }
        if (!points.isEmpty()) {
            s.append("<text x=\"0\" y=\"").append(h - 4).append("\" font-size=\"11\">").append(HtmlReport.esc(points.get(0).label()))
                    .append("</text><text x=\"").append(w).append("\" y=\"").append(h - 4)
                    .append("\" font-size=\"11\" text-anchor=\"end\">").append(HtmlReport.esc(points.get(points.size() - 1).label()))
                    .append("</text><text x=\"0\" y=\"12\" font-size=\"11\">max ").append(fmt0(top)).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String fmt0(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }
}
