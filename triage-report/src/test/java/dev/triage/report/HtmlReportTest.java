package dev.triage.report;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    private static String html() {
        return Reports.render(ReportFormat.HTML, Fixtures.result(), ReportOptions.defaults());
    }

    @Test
    void escapesHostileStrings() {
        String h = html();
        assertFalse(h.contains("<script"), "no script element, hostile or ours");
        assertFalse(h.contains("<img"));
        assertFalse(h.matches("(?s).*<[^>]*onerror.*"), "no tag carries the hostile attribute");
        assertTrue(h.contains("&lt;img src=x onerror=alert(1)&gt;"), "it is shown as inert text");
        assertTrue(h.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
        assertTrue(h.contains("it&#39;s"));
        assertTrue(h.contains("com.acme.&lt;Evil&gt;&quot;Class.render&#39;"), "class names escaped too");
        assertTrue(h.contains("extra &lt;lib&gt;.jar"), "inputs escaped");
        assertTrue(h.contains("not a zip file: &lt;bad&gt;"), "problems escaped");
        assertFalse(h.contains("\u001b"), "control characters from scanned code are not passed through");
    }

    @Test
    void selfContained() {
        String h = html();
        String lower = h.toLowerCase(Locale.ROOT);
        assertTrue(lower.startsWith("<!doctype html>"));
        assertTrue(lower.contains("<style>"));
        assertFalse(lower.contains("<script"));
        assertFalse(lower.contains("<link"));
        assertFalse(lower.contains("<iframe"));
        assertFalse(lower.matches("(?s).*<[^>]*\\ssrc\\s*=.*"), "no element loads anything");
        assertFalse(lower.contains("url("), "no CSS loads anything");
        assertFalse(lower.contains("@import"));
        assertTrue(lower.contains("content-security-policy"));
        // The only http(s) text is in plain navigation links (CWE, references).
        for (String line : h.split("\n")) {
            if (line.contains("http")) {
                assertTrue(line.matches(".*<a href=\"https?://[^\"]*\" rel=\"noopener noreferrer\">.*")
                        || line.contains("Content-Security-Policy"), line);
            }
        }
    }

    @Test
    void summaryChartContentsAndFindings() {
        String h = html();
        assertTrue(h.contains("<svg"));
        assertTrue(h.contains("<rect"));
        assertTrue(h.contains("id=\"contents\""));
        assertEquals(5, h.split("<article class=\"finding\"", -1).length - 1);
        assertTrue(h.contains("CWE-89"));
        assertTrue(h.contains("How to fix"));
        assertTrue(h.contains("Explanation"));
        assertTrue(h.contains("PreparedStatement"));
        assertTrue(h.contains("<ol class=\"path\">"));
        assertTrue(h.contains("HIPAA 164.312(a)(2)(iv)"), "non-URL reference shown as text");
        assertTrue(h.contains("@media print"));
        assertTrue(h.contains("com/acme/Foo.java:42"));
        assertTrue(h.contains("WEB-INF/web.xml:12"));
    }

    @Test
    void emptyResult() {
        String h = Reports.render(ReportFormat.HTML, Fixtures.empty(), ReportOptions.defaults());
        assertTrue(h.contains("No findings."));
        assertTrue(h.contains("<svg"));
    }
}
