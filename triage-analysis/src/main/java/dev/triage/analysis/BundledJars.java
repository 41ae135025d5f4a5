package dev.triage.analysis;

import dev.triage.intake.LibraryArchive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole-program analysis: the app's library jars (bundled in the artifact, or given as its class path with
 * {@code -cp}) by artifact name, with the version their file name carries ({@code log4j-core-2.14.1.jar}). Rules whose impact
 * depends on a bundled library's version (Log4Shell) read it here; identifying components for advisories is the
 * components stage's work.
 */
public final class BundledJars {
    public static final AnalysisId<BundledJars> ID = AnalysisId.of("bundled-jars", BundledJars::new);
    /** name-version.jar, the version starting with a digit. */
    private static final Pattern FILE = Pattern.compile("(.+?)-(\\d[\\w.+-]*)\\.jar");

    private final Map<String, List<String>> versions;

    private BundledJars(AnalysisContext context) {
        Map<String, List<String>> v = new TreeMap<>();
        for (LibraryArchive l : context.program().libraries()) {
            Matcher m = FILE.matcher(l.fileName());
            if (m.matches()) v.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
        }
        v.replaceAll((k, list) -> List.copyOf(list));
        this.versions = Collections.unmodifiableMap(v);
    }

    /** Versions of a bundled artifact (by the name its jar file starts with), empty when not bundled. */
    public List<String> versions(String artifact) {
        return versions.getOrDefault(artifact, List.of());
    }

    public boolean bundles(String artifact) {
        return versions.containsKey(artifact);
    }

    /**
     * Compares Maven-style versions: numbers numerically, a qualifier ({@code alpha}, {@code beta9}, {@code rc1})
     * before the release it precedes ({@code 2.0-beta9 < 2.0 < 2.0.1}).
     */
    public static int compare(String a, String b) {
        List<Object> x = tokens(a);
        List<Object> y = tokens(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            Object p = i < x.size() ? x.get(i) : null;
            Object q = i < y.size() ? y.get(i) : null;
            int c = compareToken(p, q);
            if (c != 0) return c;
        }
        return 0;
    }

    private static int compareToken(Object p, Object q) {
        if (p == null && q == null) return 0;
        // a missing part: 0 against a number (2.0 = 2.0.0), a release against a qualifier (2.0 > 2.0-beta9)
        if (p == null) return q instanceof Long n ? Long.compare(0, n) : 1;
        if (q == null) return p instanceof Long n ? Long.compare(n, 0) : -1;
        if (p instanceof Long m && q instanceof Long n) return Long.compare(m, n);
        if (p instanceof Long) return 1;
        if (q instanceof Long) return -1;
        return ((String) p).compareTo((String) q);
    }

    private static List<Object> tokens(String v) {
        List<Object> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+|[a-zA-Z]+").matcher(v);
        while (m.find()) {
            String t = m.group();
            out.add(Character.isDigit(t.charAt(0)) ? (Object) Long.parseLong(t.length() > 18 ? t.substring(0, 18) : t)
                    : t.toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }
}
