package dev.triage.intake.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Multi-release jars: for each class the highest META-INF/versions/N (N <= 17), else the base. */
final class MultiRelease {
    static final int TARGET = 17;
    private static final String PREFIX = "META-INF/versions/";

    private MultiRelease() {
    }

    /** The version of a versioned entry, 0 for a base entry, -1 for a malformed versions path. */
    static int version(String name) {
        if (!name.startsWith(PREFIX)) {
            return 0;
        }
        int slash = name.indexOf('/', PREFIX.length());
        if (slash < 0) {
            return -1;
        }
        try {
            int v = Integer.parseInt(name.substring(PREFIX.length(), slash));
            return v > 0 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The name without its META-INF/versions/N/ prefix. */
    static String logical(String name) {
        if (version(name) > 0) {
            return name.substring(name.indexOf('/', PREFIX.length()) + 1);
        }
        return name;
    }

    /** Names of class entries that must not be read because another version of the class wins. */
    static Set<String> losers(List<String> names) {
        Map<String, Integer> best = new HashMap<>();
        boolean any = false;
        for (String n : names) {
            if (n.endsWith(".class") && n.startsWith(PREFIX)) {
                any = true;
                break;
            }
        }
        Set<String> losers = new HashSet<>();
        if (!any) {
            return losers;
        }
        for (String n : names) {
            if (!n.endsWith(".class")) {
                continue;
            }
            int v = version(n);
            if (v < 0 || v > TARGET) {
                continue;
            }
            best.merge(logical(n), v, Math::max);
        }
        for (String n : names) {
            if (!n.endsWith(".class")) {
                continue;
            }
            int v = version(n);
            Integer b = best.get(logical(n));
            if (v < 0 || v > TARGET || b == null || b != v) {
                losers.add(n);
            }
        }
        return losers;
    }
}
