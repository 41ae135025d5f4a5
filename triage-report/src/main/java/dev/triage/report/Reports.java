package dev.triage.report;

import dev.triage.findings.ScanResult;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Entry point: the writer for each format. */
public final class Reports {
    /** Tool name as written in every output. */
    public static final String TOOL_NAME = "Triage";
    /** Where Triage is documented; written as SARIF {@code tool.driver.informationUri}. */
    public static final String INFORMATION_URI = "https://github.com/triage-dev/triage";

    private Reports() {
    }

    public static ReportWriter writer(ReportFormat format) {
        return switch (format) {
            case CONSOLE -> new ConsoleReport();
            case SARIF -> new SarifReport();
            case JSON -> new JsonReport();
            case HTML -> new HtmlReport();
        };
    }

    /** Convenience: the whole report as a string. */
    public static String render(ReportFormat format, ScanResult result, ReportOptions options) {
        StringWriter out = new StringWriter();
        try {
            writer(format).write(result, options, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
