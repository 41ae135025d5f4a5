package dev.triage.report;

/**
 * The one HTML escaper of Triage's own pages (the scan report and the portfolio report): text from scanned code or from
 * the store is shown on one line ({@link ReportSupport#oneLine}: line breaks and tabs become spaces, which is how HTML
 * renders them anyway; other control, line-separator and bidirectional-override characters become visible
 * {@code \\uXXXX}), then every character that opens markup, ends a quoted attribute value (either quote) or starts an
 * entity or a template literal is written as an entity, so the result is safe in element content and in quoted
 * attribute values.
 */
public final class HtmlText {
    private HtmlText() {
    }

    /** The text escaped for HTML; null is the empty text. */
    public static String escape(String s) {
        String t = ReportSupport.oneLine(s);
        StringBuilder sb = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '`' -> sb.append("&#96;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
