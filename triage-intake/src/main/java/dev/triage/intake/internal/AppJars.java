package dev.triage.intake.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which jars nested in a war, an ear or a Spring Boot jar are the app's own code. Multi-module builds ship the app's
 * code as jars beside the libraries ({@code WEB-INF/lib/portal-api-1.0.jar}); reading them as libraries would leave
 * the app unanalysed. A nested jar is the app's when:
 * <ul>
 *   <li>its Maven group is the container's own group (from the container's {@code pom.properties}, else the packages
 *       most of its own classes are in), or lies under it;</li>
 *   <li>it is a module of the same multi-module build: same version as the container, and a group sharing at least two
 *       leading segments with the container's ({@code org.openmrs.api} beside {@code org.openmrs.web});</li>
 *   <li>it has no Maven metadata and most of its classes are in the app's packages.</li>
 * </ul>
 * Everything else is a library. Nothing here reads class bytes: entry names and the small {@code pom.properties}
 * files decide. {@code --app-packages} overrides all of it.
 */
final class AppJars {
    private static final Pattern POM = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");

    private AppJars() {
    }

    /**
     * What a container says about its app.
     *
     * @param group       the app's Maven group, or the package root most of its classes are in; empty when unknown
     * @param version     the container's Maven version, empty when unknown
     * @param source      where the group came from, for reasons
     * @param roots       package roots (dotted, two or three segments) of the container's own classes
     */
    record App(String group, String version, String source, Set<String> roots) {
        boolean knowsNothing() {
            return group.isEmpty() && roots.isEmpty();
        }
    }

    /** A nested jar's verdict. */
    record Verdict(boolean app, String reason) {
    }

    /**
     * The app's signature from the container's entry names ({@code classesPrefix}: {@code WEB-INF/classes/},
     * {@code BOOT-INF/classes/}, or empty for an ear) and its root {@code pom.properties} (read through {@code read},
     * which returns null when it cannot).
     */
    static App app(List<String> names, String classesPrefix, Function<String, byte[]> read) {
        String group = "";
        String version = "";
        String source = "";
        for (String n : names) {
            Matcher m = POM.matcher(n);
            if (!m.matches()) continue;
            Properties p = properties(read.apply(n));
            group = p.getProperty("groupId", m.group(1)).strip();
            version = p.getProperty("version", "").strip();
            source = n;
            break;
        }
        Map<String, Integer> counts = new HashMap<>();
        if (!classesPrefix.isEmpty()) {
            for (String n : names) {
                if (!n.startsWith(classesPrefix) || !n.endsWith(".class") || n.startsWith(classesPrefix + "META-INF/")) continue;
                String root = root(n.substring(classesPrefix.length()));
                if (root != null) counts.merge(root, 1, Integer::sum);
            }
        }
        Set<String> roots = new TreeSet<>(counts.keySet());
        if (group.isEmpty() && !counts.isEmpty()) {
            String best = null;
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(counts).entrySet()) {
                if (best == null || e.getValue() > counts.get(best)) best = e.getKey();
            }
            group = best;
            source = "the packages most of " + classesPrefix + " is in";
        }
        return new App(group, version, source, roots);
    }

    /** The verdict on a nested jar from its entry names and its {@code pom.properties} (read through {@code read}). */
    static Verdict decide(App app, String fileName, List<String> names, Function<String, byte[]> read) {
        List<String[]> poms = new ArrayList<>(); // {entry, group, artifact}
        for (String n : names) {
            Matcher m = POM.matcher(n);
            if (m.matches()) poms.add(new String[]{n, m.group(1), m.group(2)});
        }
        String[] own = null;
        for (String[] p : poms) {
            if (fileName.startsWith(p[2] + "-") || fileName.equals(p[2] + ".jar")) own = p;
        }
        if (own == null && poms.size() == 1) own = poms.get(0);
        if (own != null) {
            Properties p = properties(read.apply(own[0]));
            String g = p.getProperty("groupId", own[1]).strip();
            String v = p.getProperty("version", "").strip();
            if (!app.group().isEmpty()) {
                if (g.equals(app.group())) {
                    return new Verdict(true, "its Maven group " + g + " is the app's own (" + app.source() + ")");
                }
                if (g.startsWith(app.group() + ".")) {
                    return new Verdict(true, "its Maven group " + g + " lies under the app's group " + app.group());
                }
                String shared = sharedPrefix(g, app.group());
                if (!app.version().isEmpty() && app.version().equals(v) && shared.split("\\.").length >= 2) {
                    return new Verdict(true, "a module of the same build: group " + g + " shares " + shared
                            + " with the app's " + app.group() + ", same version " + v);
                }
            }
            return new Verdict(false, "a library: its Maven group " + g + " is not the app's"
                    + (app.group().isEmpty() ? " (the app's group is unknown)" : " (" + app.group() + ")"));
        }
        if (app.knowsNothing()) {
            return new Verdict(false, "a library: no Maven metadata, and the app has no group or classes of its own to compare with");
        }
        int total = 0;
        int mine = 0;
        Map<String, Integer> theirs = new HashMap<>();
        for (String n : names) {
            if (!n.endsWith(".class") || n.startsWith("META-INF/")) continue;
            total++;
            String dotted = n.substring(0, Math.max(0, n.lastIndexOf('/'))).replace('/', '.');
            if (ownPackage(app, dotted)) {
                mine++;
            } else {
                String r = root(n);
                if (r != null) theirs.merge(r, 1, Integer::sum);
            }
        }
        if (total > 0 && mine * 2 >= total) {
            return new Verdict(true, "no Maven metadata; " + mine + " of its " + total + " classes are in the app's packages");
        }
        String top = theirs.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("none");
        return new Verdict(false, "a library: no Maven metadata, and its packages (" + top + ") are not the app's");
    }

    private static boolean ownPackage(App app, String dotted) {
        if (!app.group().isEmpty() && app.group().contains(".") && under(dotted, app.group())) return true;
        for (String r : app.roots()) if (under(dotted, r)) return true;
        return false;
    }

    private static boolean under(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /** The first three segments of a class file's package (two when it has two), or null for one or none. */
    static String root(String classFile) {
        int slash = classFile.lastIndexOf('/');
        if (slash <= 0) return null;
        String[] seg = classFile.substring(0, slash).split("/");
        if (seg.length < 2) return null;
        return String.join(".", java.util.Arrays.copyOf(seg, Math.min(3, seg.length)));
    }

    private static String sharedPrefix(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) out.add(x[i]);
        return String.join(".", out);
    }

    private static Properties properties(byte[] bytes) {
        Properties p = new Properties();
        if (bytes == null) return p;
        try {
            p.load(new java.io.StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
        } catch (java.io.IOException | IllegalArgumentException e) {
            // unreadable: the path's group stands
        }
        return p;
    }
}
