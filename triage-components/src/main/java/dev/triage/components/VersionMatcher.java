package dev.triage.components;

import org.apache.maven.artifact.versioning.ComparableVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Does a Maven version fall in an advisory's affected ranges? Versions compare as Maven compares
 * them ({@link ComparableVersion} from maven-artifact: {@code 2.4} = {@code 2.4.0},
 * {@code 5.2.20.RELEASE} &lt; {@code 5.3.0}, qualifiers such as {@code -rc1} before the release).
 *
 * <p>Per the OSV specification, a range's events are evaluated in version order: {@code introduced}
 * opens an affected interval ({@code 0} = from the start), {@code fixed} closes it before that version,
 * {@code last_affected} closes it after that version; {@code limit} events bound the whole range from
 * above. A version listed explicitly in {@code versions} is affected too.
 */
public final class VersionMatcher {
    private VersionMatcher() {
    }

    public static boolean affected(String version, Advisory.Affected a) {
        ComparableVersion v = new ComparableVersion(version);
        for (String listed : a.versions()) {
            if (new ComparableVersion(listed).equals(v)) return true;
        }
        for (List<Advisory.Event> range : a.ranges()) {
            if (inRange(v, range)) return true;
        }
        return false;
    }

    static boolean inRange(ComparableVersion v, List<Advisory.Event> events) {
        List<Advisory.Event> sorted = new ArrayList<>();
        List<ComparableVersion> limits = new ArrayList<>();
        for (Advisory.Event e : events) {
            if (e.kind().equals("limit")) {
                if (!e.version().equals("*")) limits.add(new ComparableVersion(e.version()));
            } else {
                sorted.add(e);
            }
        }
        for (ComparableVersion l : limits) {
            if (v.compareTo(l) >= 0) return false;
        }
        sorted.sort(Comparator.comparing((Advisory.Event e) -> key(e.version())).thenComparingInt(VersionMatcher::order));
        boolean affected = false;
        for (Advisory.Event e : sorted) {
            switch (e.kind()) {
                case "introduced" -> {
                    if (e.version().equals("0") || v.compareTo(new ComparableVersion(e.version())) >= 0) affected = true;
                }
                case "fixed" -> {
                    if (v.compareTo(new ComparableVersion(e.version())) >= 0) affected = false;
                }
                case "last_affected" -> {
                    if (v.compareTo(new ComparableVersion(e.version())) > 0) affected = false;
                }
                default -> { }
            }
        }
        return affected;
    }

    private static ComparableVersion key(String version) {
        return new ComparableVersion(version.equals("0") ? "0" : version);
    }

    private static int order(Advisory.Event e) {
        return switch (e.kind()) { case "introduced" -> 0; case "last_affected" -> 1; default -> 2; };
    }

    /**
     * The nearest fix: the smallest {@code fixed} version greater than the installed one, over all
     * ranges of all the advisory's entries for this package; empty when no fix is known.
     */
    public static Optional<String> nearestFix(String version, List<Advisory.Affected> affected) {
        ComparableVersion v = new ComparableVersion(version);
        String best = null;
        ComparableVersion bestV = null;
        for (Advisory.Affected a : affected) {
            for (List<Advisory.Event> range : a.ranges()) {
                for (Advisory.Event e : range) {
                    if (!e.kind().equals("fixed")) continue;
                    ComparableVersion f = new ComparableVersion(e.version());
                    if (f.compareTo(v) > 0 && (bestV == null || f.compareTo(bestV) < 0)) {
                        best = e.version();
                        bestV = f;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    public static int compare(String a, String b) {
        return new ComparableVersion(a).compareTo(new ComparableVersion(b));
    }
}
