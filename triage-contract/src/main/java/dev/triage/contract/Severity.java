package dev.triage.contract;

import java.util.Locale;

/**
 * Six levels, as the healthcare study used them. A high-severity flaw is {@link #HIGH} or
 * {@link #VERY_HIGH}: code execution, data theft, financial loss.
 */
public enum Severity {
    INFORMATIONAL(0, "Informational", 0.0, "note"),
    VERY_LOW(1, "Very Low", 1.0, "note"),
    LOW(2, "Low", 3.0, "note"),
    MEDIUM(3, "Medium", 5.5, "warning"),
    HIGH(4, "High", 8.0, "error"),
    VERY_HIGH(5, "Very High", 9.5, "error");

    private final int level;
    private final String label;
    private final double securitySeverity;
    private final String sarifLevel;

    Severity(int level, String label, double securitySeverity, String sarifLevel) {
        this.level = level;
        this.label = label;
        this.securitySeverity = securitySeverity;
        this.sarifLevel = sarifLevel;
    }

    public int level() { return level; }
    public String label() { return label; }
    /** SARIF {@code properties.security-severity}, as GitHub code scanning reads it. */
    public double securitySeverity() { return securitySeverity; }
    /** SARIF result {@code level}. */
    public String sarifLevel() { return sarifLevel; }
    public boolean isHigh() { return level >= 4; }

    public static Severity ofLevel(int level) {
        for (Severity s : values()) {
            if (s.level == level) return s;
        }
        throw new IllegalArgumentException("severity level must be 0..5, got " + level);
    }

    /** Parses {@code 4}, {@code high}, {@code very-high}, {@code VERY_HIGH}, {@code informational}... */
    public static Severity parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (t.matches("[0-5]")) return ofLevel(Integer.parseInt(t));
        if (t.equals("INFO")) return INFORMATIONAL;
        return valueOf(t);
    }
}
