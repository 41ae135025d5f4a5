package dev.triage.analysis;

import dev.triage.program.MethodRef;

/**
 * The key of the per-method results (frames, summaries): an app method analysed at a call depth. Deeper analyses
 * follow fewer helpers, so the same method may have different results at different depths, and a result must not
 * depend on which thread asked first.
 */
public record MethodAtDepth(MethodRef method, int depth) {
}
