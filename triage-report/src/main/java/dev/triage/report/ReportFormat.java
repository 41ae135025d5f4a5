package dev.triage.report;

import java.util.Locale;

/** The outputs Triage can write. */
public enum ReportFormat {
    CONSOLE(null),
    SARIF("triage.sarif"),
    JSON("triage.json"),
    HTML("triage.html");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** Default file name of this output ({@code triage.sarif}...), or {@code null} for the console. */
    public String fileName() {
        return fileName;
    }

    /** Parses {@code sarif}, {@code JSON}, {@code html}, {@code console} (case-insensitive). */
    public static ReportFormat parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
