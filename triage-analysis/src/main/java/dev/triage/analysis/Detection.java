package dev.triage.analysis;

import java.util.List;

/**
 * What a detector reports; the findings stage turns it into a Finding with the rule's metadata
 * and a fingerprint.
 *
 * @param ruleId     catalogue rule id
 * @param location   where (the sink)
 * @param message    the specific problem in one sentence
 * @param path       source → steps → sink, or empty
 * @param confidence LOW, MEDIUM or HIGH
 * @param key        line-independent discriminator of this finding within its method (the API called and
 *                   the offending value), used for the fingerprint
 */
public record Detection(String ruleId, CodeLocation location, String message, List<Step> path, String confidence,
                        String key) {
    public Detection {
        path = List.copyOf(path);
    }

    /** One step of a path. */
    public record Step(CodeLocation location, String description) {
    }
}
