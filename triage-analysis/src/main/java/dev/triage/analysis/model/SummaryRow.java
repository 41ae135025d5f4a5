package dev.triage.analysis.model;

import java.util.List;

/**
 * Labels flow through these library calls from the given inputs to the result. {@code restores}: sink kinds the
 * result can feed again even where its input could not (URL decoding turns {@code %0d%0a} back into CR/LF).
 */
public record SummaryRow(MethodPattern method, List<Integer> from, int to, List<String> restores, String provenance, String file) {
}
