package dev.triage.portfolio;

import dev.triage.report.HtmlText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The portfolio report escapes store text as the scan report does: newlines and tabs alike, controls visible. */
class HtmlReportEscapeTest {
    @Test
    void escapesAsTheScanReport() {
        for (String s : new String[] {"line one\nline two\tend", "<b title='x'>\"&\"</b>", "bidi\u202eevil\u0007", null}) {
            assertEquals(HtmlText.escape(s), HtmlReport.esc(s));
        }
        assertEquals("line one line two end", HtmlReport.esc("line one\nline two\tend"));
    }
}
