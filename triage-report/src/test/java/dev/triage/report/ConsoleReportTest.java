package dev.triage.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleReportTest {
    @Test
    void plainTextWithoutColour() {
        String out = Reports.render(ReportFormat.CONSOLE, Fixtures.result(), ReportOptions.defaults());
        assertFalse(out.contains("\u001b"), "no ESC, not even from hostile messages");
        assertTrue(out.contains("\\u001b[31mred"), "hostile control characters are shown escaped");
        String[] lines = out.split("\n");
        assertEquals("Triage: 5 findings (3 high or very high) in 42 app classes; 1 problem (not scanned or not finished)",
                lines[lines.length - 1]);
        assertTrue(out.indexOf("VERY HIGH (1)") < out.indexOf("HIGH (2)"));
        assertTrue(out.indexOf("HIGH (2)") < out.indexOf("MEDIUM (1)"));
        assertTrue(out.contains("[java/sql-injection] CWE-89  com/acme/Foo.java:42"));
        assertTrue(out.contains("com.acme.NoSource.run"), "no source path: class.method");
        assertTrue(out.contains("com/acme/Crypto.java"), "line 0: path without line");
        assertFalse(out.contains("Crypto.java:0"));
        assertTrue(out.contains("      1. com/acme/Foo.java:30"), "path steps indented");
        assertTrue(out.contains("By severity: Very High 1, High 2, Medium 1, Low 1"));
        assertTrue(out.contains("Problem: portal.war!/WEB-INF/lib/broken.jar: not a zip file"));
    }

    @Test
    void colourOnlyWhenAsked() {
        String out = Reports.render(ReportFormat.CONSOLE, Fixtures.result(), new ReportOptions(null, true, true));
        assertTrue(out.contains("\u001b[1m"));
        assertTrue(out.contains("fix: Use PreparedStatement"), "verbose shows the fix");
        assertTrue(out.contains("from: portal.war!/WEB-INF/classes/com/acme/Foo.class"));
    }

    @Test
    void emptyAndSingular() {
        String out = Reports.render(ReportFormat.CONSOLE, Fixtures.empty(), new ReportOptions(Path.of("nowhere"), false, false));
        assertEquals("Triage: 0 findings (0 high or very high) in 0 app classes\n", out);
    }

    @Test
    void formatsAndFileNames() {
        assertEquals("triage.sarif", ReportFormat.SARIF.fileName());
        assertEquals("triage.json", ReportFormat.JSON.fileName());
        assertEquals("triage.html", ReportFormat.HTML.fileName());
        assertEquals(ReportFormat.HTML, ReportFormat.parse("html"));
        for (ReportFormat f : ReportFormat.values()) assertTrue(Reports.writer(f) != null);
    }
}
