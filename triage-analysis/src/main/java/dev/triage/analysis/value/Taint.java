package dev.triage.analysis.value;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Taint is carried as value labels:
 * <ul>
 *   <li>{@code t:<source kind>@<source id>} — untrusted data from a source ({@code t:remote@...});</li>
 *   <li>{@code @p<i>} — derived from declared parameter i of the method being analysed (for summaries);</li>
 *   <li>either may end in {@code !<sink kind>...}: sanitized for those sink kinds only (an HTML encoder
 *       clears {@code xss} but not {@code sql-injection}).</li>
 * </ul>
 * Because sanitization is recorded per label, {@code encode(a) + b} stays tainted through {@code b}.
 */
public final class Taint {
    public static final String ALL = "all";
    /**
     * Marks a label carried by a number computed from tainted data by a library call ({@code intent.getIntExtra},
     * {@code location.getLatitude}): a number cannot carry an injection, so untrusted input stops there, but
     * sensitive data (coordinates, a step count) leaks as numbers too.
     */
    public static final String NUMBER = "~number";
    /**
     * Marks a label carried by a number parsed from tainted text ({@code Integer.parseInt}): it carries no injection,
     * so only the sink kinds that judge sizes and durations ({@code number-only-sink-kinds} in taint.yml) see it.
     */
    public static final String PARSED = "~parsed";
    /**
     * Marks a label carried by a number computed by arithmetic that can wrap around ({@code n * 4}, {@code n + 1},
     * {@code n << 2}) from tainted data: where it sizes an allocation or bounds a loop, the overflow is the finding
     * ({@code arithmetic-sink-rules} in taint.yml).
     */
    public static final String ARITHMETIC = "~arith";

    private Taint() {
    }

    /** A label that a sanitizer can clear: taint or parameter flow. */
    public static boolean isFlow(String label) {
        return label.startsWith("t:") || label.startsWith("@p");
    }

    public static boolean isTaint(String label) {
        return label.startsWith("t:");
    }

    /** The label without its sanitized suffix. */
    public static String base(String label) {
        int i = label.indexOf('!');
        return i < 0 ? label : label.substring(0, i);
    }

    /** Sink kinds a label is sanitized for. */
    public static Set<String> cleared(String label) {
        Set<String> out = new TreeSet<>();
        int i = label.indexOf('!');
        if (i < 0) return out;
        for (String k : label.substring(i + 1).split("!")) if (!k.isEmpty()) out.add(k);
        return out;
    }

    /** True when the label carries untrusted (or parameter) data to a sink of this kind. */
    public static boolean reaches(String label, String sinkKind) {
        return isFlow(label) && !cleared(label).contains(sinkKind);
    }

    /** The label sanitized for more kinds. */
    public static String sanitize(String label, Collection<String> kinds) {
        Set<String> c = cleared(label);
        c.addAll(kinds);
        StringBuilder b = new StringBuilder(base(label));
        for (String k : c) b.append('!').append(k);
        return b.toString();
    }

    /** The labels with these sink kinds no longer cleared (data decoded back into what its source could not carry). */
    public static Set<String> restore(Collection<String> labels, Collection<String> kinds) {
        Set<String> out = new TreeSet<>();
        for (String l : labels) {
            Set<String> c = cleared(l);
            if (!isFlow(l) || !c.removeAll(kinds)) {
                out.add(l);
                continue;
            }
            StringBuilder b = new StringBuilder(base(l));
            for (String k : c) b.append('!').append(k);
            out.add(b.toString());
        }
        return out;
    }

    /** Source kind of a taint label ({@code remote}), or null. */
    public static String sourceKind(String label) {
        if (!isTaint(label)) return null;
        int at = label.indexOf('@');
        return label.substring(2, at < 0 ? base(label).length() : at);
    }

    /** Source id of a taint label, or null. */
    public static String sourceId(String label) {
        if (!isTaint(label)) return null;
        String b = base(label);
        int at = b.indexOf('@');
        return at < 0 ? null : b.substring(at + 1);
    }

    /** Parameter index of a {@code @p} label, or -1. */
    public static int param(String label) {
        if (!label.startsWith("@p")) return -1;
        return Integer.parseInt(base(label).substring(2));
    }
}
