package dev.triage.cli.corpus;

/**
 * One expected finding: the rule {@code ruleId} must be reported at {@code line} of {@code sourcePath}.
 *
 * @param sourcePath package path + file name for code ({@code corpus/crypto/WeakCipherCases.java}),
 *                   or the resource name for configuration ({@code application.properties})
 * @param line       1-based line the finding must stand on
 * @param ruleId     catalogue rule id, e.g. {@code java/weak-cipher}
 */
public record Marker(String sourcePath, int line, String ruleId) implements Comparable<Marker> {
    @Override
    public int compareTo(Marker o) {
        int c = sourcePath.compareTo(o.sourcePath);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : ruleId.compareTo(o.ruleId);
    }

    @Override
    public String toString() {
        return sourcePath + ":" + line + " " + ruleId;
    }
}
