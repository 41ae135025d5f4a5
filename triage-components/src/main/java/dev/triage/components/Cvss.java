package dev.triage.components;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CVSS scores from vectors, and the mapping to Triage's 0–5 scale: ≥ 9.0 → 5, ≥ 7.0 → 4, ≥ 4.0 → 3,
 * > 0 → 2, no score → 3.
 *
 * <p>v3.0/v3.1: the base score is computed exactly as the specification's formulas (with v3.1's
 * round-up). v4.0: the official score needs the macro-vector lookup table; we map conservatively
 * (never below what the impacts warrant): any High impact on the vulnerable or subsequent system is
 * 9.3 when the attack needs no privileges, user interaction or special conditions over the network,
 * else 7.5; Low impacts only give 5.3; no impact 0.
 */
public final class Cvss {
    private Cvss() {
    }

    public static int level(double score) {
        if (score < 0) return 3;
        if (score >= 9.0) return 5;
        if (score >= 7.0) return 4;
        if (score >= 4.0) return 3;
        if (score > 0) return 2;
        return 3;
    }

    /** Severity words (GitHub's {@code database_specific.severity}) → level; -1 when unknown. */
    public static int levelOfWord(String word) {
        if (word == null) return -1;
        return switch (word.strip().toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> 5;
            case "HIGH" -> 4;
            case "MODERATE", "MEDIUM" -> 3;
            case "LOW" -> 2;
            default -> -1;
        };
    }

    /** Base score of a v3.x or v4.0 vector, or -1 when it cannot be read. */
    public static double score(String vector) {
        if (vector == null) return -1;
        String v = vector.strip();
        if (v.startsWith("CVSS:3.")) return v3(v);
        if (v.startsWith("CVSS:4.")) return v4(v);
        return -1;
    }

    private static Map<String, String> metrics(String vector) {
        Map<String, String> m = new HashMap<>();
        String[] parts = vector.split("/");
        for (int i = 1; i < parts.length; i++) {
            int c = parts[i].indexOf(':');
            if (c > 0) m.put(parts[i].substring(0, c), parts[i].substring(c + 1));
        }
        return m;
    }

    static double v3(String vector) {
        Map<String, String> m = metrics(vector);
        try {
            boolean changed = "C".equals(m.get("S"));
            double av = switch (m.get("AV")) { case "N" -> 0.85; case "A" -> 0.62; case "L" -> 0.55; case "P" -> 0.2; default -> throw new IllegalArgumentException(); };
            double ac = switch (m.get("AC")) { case "L" -> 0.77; case "H" -> 0.44; default -> throw new IllegalArgumentException(); };
            double pr = switch (m.get("PR")) {
                case "N" -> 0.85;
                case "L" -> changed ? 0.68 : 0.62;
                case "H" -> changed ? 0.5 : 0.27;
                default -> throw new IllegalArgumentException();
            };
            double ui = switch (m.get("UI")) { case "N" -> 0.85; case "R" -> 0.62; default -> throw new IllegalArgumentException(); };
            double c = cia(m.get("C")), i = cia(m.get("I")), a = cia(m.get("A"));
            double iss = 1 - (1 - c) * (1 - i) * (1 - a);
            double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
            double exploitability = 8.22 * av * ac * pr * ui;
            if (impact <= 0) return 0;
            double base = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
            return roundUp(base);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static double cia(String s) {
        return switch (s) { case "H" -> 0.56; case "L" -> 0.22; case "N" -> 0; default -> throw new IllegalArgumentException(); };
    }

    /** CVSS v3.1 Roundup: the smallest number with one decimal that is ≥ the input. */
    static double roundUp(double x) {
        long i = Math.round(x * 100000);
        if (i % 10000 == 0) return i / 100000.0;
        return (Math.floor(i / 10000.0) + 1) / 10.0;
    }

    static double v4(String vector) {
        Map<String, String> m = metrics(vector);
        String[] impacts = {"VC", "VI", "VA", "SC", "SI", "SA"};
        boolean high = false, low = false, any = false;
        for (String k : impacts) {
            String v = m.get(k);
            if (v == null) continue;
            any = true;
            if (v.equals("H")) high = true;
            else if (v.equals("L")) low = true;
        }
        if (!any) return -1;
        boolean easy = "N".equals(m.get("AV")) && !"H".equals(m.get("AC")) && !"P".equals(m.get("AT"))
                && "N".equals(m.get("PR")) && "N".equals(m.get("UI"));
        if (high) return easy ? 9.3 : 7.5;
        if (low) return 5.3;
        return 0;
    }
}
