package dev.triage.analysis.model;

import java.util.List;

/** Labels flow through these library calls from the given inputs to the result. */
public record SummaryRow(MethodPattern method, List<Integer> from, int to, String provenance, String file) {
}
