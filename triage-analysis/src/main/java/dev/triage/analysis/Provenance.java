package dev.triage.analysis;

import dev.triage.contract.Detection;

import java.util.Map;
import java.util.TreeMap;

/**
 * What made a finding a finding, as the result property {@code triage/provenance}: the model rows and tables behind it
 * ({@code "check: jdk-xml.yml (manual)"}, {@code "argument: jdk-crypto.yml (manual); table: jdk-crypto.yml (weak-ciphers)"}), each
 * part {@code role: cite} and the parts joined by {@code "; "}, so a reviewer knows which row to question. A finding
 * that Java code decides with no row says so ({@code "engine (TlsVerificationDetector)"}) rather than naming a row
 * that did not decide it. Every detection leaves the analyses with one (see {@link Analyses}).
 */
public final class Provenance {
    /** The result property. */
    public static final String PROPERTY = Detection.PROVENANCE;

    private Provenance() {
    }

    /** {@code role: cite}. */
    public static String part(String role, String cite) {
        return role + ": " + cite;
    }

    /** The parts that are not empty, joined by {@code "; "}. */
    public static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isEmpty()) continue;
            if (b.length() > 0) b.append("; ");
            b.append(p);
        }
        return b.toString();
    }

    /** Java code decides it: {@code engine (DetectorName)}. */
    public static String engine(Object decider) {
        return "engine (" + (decider instanceof Class<?> c ? c : decider.getClass()).getSimpleName() + ")";
    }

    /**
     * The tables a detector judges by ({@code detector-tables} in the models, by the detector's simple name), as
     * {@code table: jdk-crypto.yml (weak-ciphers), ...}; empty when it lists none.
     */
    public static String tables(dev.triage.analysis.model.Models models, Object detector) {
        com.fasterxml.jackson.databind.JsonNode all = models.tables.get(DETECTOR_TABLES);
        com.fasterxml.jackson.databind.JsonNode names = all == null ? null : all.get(detector.getClass().getSimpleName());
        if (names == null || names.isEmpty()) return "";
        java.util.List<String> cites = new java.util.ArrayList<>();
        names.forEach(n -> cites.add(models.citeTable(n.asText())));
        return part("table", String.join(", ", cites));
    }

    /** The table naming each detector's tables. */
    public static final String DETECTOR_TABLES = "detector-tables";

    /** The provenance a detection carries, or null. */
    public static String of(Detection d) {
        return d.properties().get(PROPERTY);
    }

    /** The detection with this provenance (replacing any it had); unchanged when {@code text} is empty. */
    public static Detection with(Detection d, String text) {
        if (d == null || text == null || text.isEmpty() || text.equals(of(d))) return d;
        Map<String, String> props = new TreeMap<>(d.properties());
        props.put(PROPERTY, text);
        return new Detection(d.ruleId(), d.location(), d.message(), d.path(), d.confidence(), d.key(), d.severity(), props);
    }

    /** The detection with {@code first} before the provenance it already has (a row, then the tables that judged it). */
    public static Detection prefixed(Detection d, String first) {
        return with(d, join(first, of(d)));
    }

    /** The detection as it is when it has a provenance, else with {@code fallback}. */
    public static Detection orElse(Detection d, String fallback) {
        return of(d) != null ? d : with(d, fallback);
    }
}
