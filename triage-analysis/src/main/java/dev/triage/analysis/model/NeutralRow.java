package dev.triage.analysis.model;

/**
 * A library method reviewed and found to carry nothing that matters ("no flow", as CodeQL's neutral rows): no
 * label flows from its arguments or receiver into its result, and the objects it is given keep their facts. Without
 * a row, a library call no model describes carries its inputs' labels into text, bytes and numbers it returns, and
 * the objects passed to it escape.
 */
public record NeutralRow(MethodPattern method, String provenance, String file) {
}
