package dev.triage.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The flaw lifecycle's rule, as a pure function: given the states of an app's known flaws (by fingerprint) and the
 * fingerprints a successful scan found, in the scan's order, what each finding's flaw becomes and which flaws are
 * fixed. The store applies it to its tables ({@link Store#recordScan}); the Spark job applies the same function to
 * each app's scans, so both derive the same history from the same scans.
 *
 * <p>A fingerprint never seen is {@code new}; one seen before is {@code open}; one that was {@code fixed} and is back is
 * {@code reopened}; the same fingerprint again in one scan is the same flaw ({@code open}, not its first occurrence);
 * a known flaw missing from the scan, and not already fixed, becomes {@code fixed}. A failed scan is not a step.
 */
public final class Lifecycle {
    public static final String NEW = "new";
    public static final String OPEN = "open";
    public static final String REOPENED = "reopened";
    public static final String FIXED = "fixed";

    private Lifecycle() {
    }

    /**
     * What one scan does.
     *
     * @param states the state of each finding's flaw in this scan, in finding order ({@code new}, {@code open},
     *               {@code reopened})
     * @param first  whether each finding is its fingerprint's first occurrence in this scan (the one that moves
     *               the flaw; later ones only point at it)
     * @param fixed  fingerprints of known flaws this scan found gone, in fingerprint order
     */
    public record Step(List<String> states, List<Boolean> first, List<String> fixed) {
    }

    /**
     * @param known        the app's flaws before this scan: fingerprint → state
     * @param fingerprints the scan's findings' fingerprints, in the scan's order
     */
    public static Step step(Map<String, String> known, List<String> fingerprints) {
        List<String> states = new ArrayList<>(fingerprints.size());
        List<Boolean> first = new ArrayList<>(fingerprints.size());
        Set<String> seen = new HashSet<>();
        for (String fp : fingerprints) {
            if (!seen.add(fp)) {
                states.add(OPEN);
                first.add(false);
                continue;
            }
            String before = known.get(fp);
            states.add(before == null ? NEW : FIXED.equals(before) ? REOPENED : OPEN);
            first.add(true);
        }
        List<String> fixed = new ArrayList<>();
        for (var e : new TreeMap<>(known).entrySet()) {
            if (!seen.contains(e.getKey()) && !FIXED.equals(e.getValue())) fixed.add(e.getKey());
        }
        return new Step(List.copyOf(states), List.copyOf(first), List.copyOf(fixed));
    }
}
