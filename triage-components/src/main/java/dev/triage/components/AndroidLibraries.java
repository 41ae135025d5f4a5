package dev.triage.components;

import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.ClassInfo;
import dev.triage.program.FieldInfo;
import dev.triage.program.Program;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Libraries merged into an Android app's DEX code. D8/R8 keep no jar, pom.properties or manifest, so a library is
 * recognised by what survives: the {@code META-INF/<group>_<artifact>.version} files AndroidX, Material, Firebase and
 * Play services ship (group, artifact and version), and the package prefixes of its classes with, where the library
 * has one, a version constant (data: {@code android-libraries.tsv}). A class belongs to the row with the longest
 * matching prefix, so {@code io.reactivex.rxjava3} and {@code io.reactivex} stay apart.
 *
 * <p>Such a component's origin is its DEX file plus its package ({@code app.apk!/classes2.dex!/okhttp3/}); reachability
 * asks whether app code refers to a class under that package ({@link #packagePrefix}).
 */
final class AndroidLibraries {
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)+([.\\-+][\\w.\\-+]*)?");
    private static final Pattern VERSION_FILE = Pattern.compile("META-INF/([^/]+)\\.version");

    record Row(String prefix, String groupId, String artifactId, String versionSource) {
    }

    static final List<Row> ROWS = load();

    private AndroidLibraries() {
    }

    /** Components of the DEX library code of {@code program}, sorted by group and artifact. */
    static List<Component> identify(Program program) {
        // library classes from DEX files, by the longest row prefix they fall under
        Map<Row, List<ClassInfo>> byRow = new LinkedHashMap<>();
        List<ClassInfo> dexClasses = new ArrayList<>();
        for (ClassInfo c : program.libraryClasses()) {
            if (c.role() != CodeRole.LIBRARY || !isDex(c.origin())) continue;
            dexClasses.add(c);
            Row best = null;
            for (Row r : ROWS) {
                if (c.name().startsWith(r.prefix() + "/") && (best == null || r.prefix().length() > best.prefix().length())) best = r;
            }
            if (best != null) byRow.computeIfAbsent(best, k -> new ArrayList<>()).add(c);
        }
        if (dexClasses.isEmpty()) return List.of();
        Map<String, ResourceEntry> versionFiles = new TreeMap<>();
        for (ResourceEntry r : program.resources()) {
            if (VERSION_FILE.matcher(r.name()).matches()) versionFiles.putIfAbsent(r.name(), r);
        }
        Map<String, Component> out = new TreeMap<>();
        // 1. version files named group_artifact (the group has a dot; AndroidX and Google's libraries)
        for (ResourceEntry r : versionFiles.values()) {
            var m = VERSION_FILE.matcher(r.name());
            if (!m.matches()) continue;
            String base = m.group(1);
            int cut = base.indexOf('_');
            if (cut <= 0 || base.substring(0, cut).indexOf('.') < 0) continue;
            String group = base.substring(0, cut);
            String artifact = base.substring(cut + 1);
            String version = firstLine(r);
            if (!VERSION.matcher(version).matches()) continue;
            String prefix = group.replace('.', '/');
            List<ClassInfo> classes = under(dexClasses, prefix);
            String origin = classes.isEmpty() ? r.origin() : container(classes.get(0).origin()) + "!/" + prefix + "/";
            out.putIfAbsent(group + ":" + artifact, new Component(group, artifact, version, Component.IdentifiedBy.VERSION_FILE,
                    fileName(origin), origin, path(origin), "", "", "", 0, classes.size()));
        }
        // 2. package signatures, with a version constant or version file where the row names one
        for (Map.Entry<Row, List<ClassInfo>> e : byRow.entrySet()) {
            Row row = e.getKey();
            String key = row.groupId() + ":" + row.artifactId();
            if (out.containsKey(key)) continue;
            List<ClassInfo> classes = e.getValue();
            classes.sort(Comparator.comparing(ClassInfo::name));
            String version = version(row, program, versionFiles);
            String origin = container(classes.get(0).origin()) + "!/" + row.prefix() + "/";
            out.put(key, new Component(row.groupId(), row.artifactId(), version, Component.IdentifiedBy.CLASS_SIGNATURE,
                    fileName(origin), origin, path(origin), "", "", "", 0, classes.size()));
        }
        return new ArrayList<>(out.values());
    }

    /** The package (slashed, without trailing slash) of a DEX component's origin, or null for other components. */
    static String packagePrefix(Component c) {
        if (c.identifiedBy() != Component.IdentifiedBy.VERSION_FILE && c.identifiedBy() != Component.IdentifiedBy.CLASS_SIGNATURE) {
            return null;
        }
        String o = c.origin();
        if (!o.endsWith("/")) return null;
        int cut = o.lastIndexOf("!/");
        return cut < 0 ? null : o.substring(cut + 2, o.length() - 1);
    }

    private static String version(Row row, Program program, Map<String, ResourceEntry> versionFiles) {
        String src = row.versionSource();
        if (src.startsWith("const:")) {
            String ref = src.substring("const:".length());
            int dot = ref.lastIndexOf('.');
            ClassInfo owner = program.find(ref.substring(0, dot).replace('.', '/'));
            if (owner == null || owner.isApp()) return "";
            for (FieldInfo f : owner.fields()) {
                if (f.name().equals(ref.substring(dot + 1)) && f.constantValue() instanceof String s
                        && VERSION.matcher(s.strip()).matches()) {
                    return s.strip();
                }
            }
        } else if (src.startsWith("file:")) {
            ResourceEntry r = versionFiles.get(src.substring("file:".length()));
            if (r != null) {
                String v = firstLine(r);
                if (VERSION.matcher(v).matches()) return v;
            }
        }
        return "";
    }

    private static List<ClassInfo> under(List<ClassInfo> classes, String prefix) {
        List<ClassInfo> out = new ArrayList<>();
        for (ClassInfo c : classes) if (c.name().startsWith(prefix + "/")) out.add(c);
        out.sort(Comparator.comparing(ClassInfo::name));
        return out;
    }

    private static String firstLine(ResourceEntry r) {
        String s = new String(r.bytes(), StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static boolean isDex(String origin) {
        return origin != null && origin.matches(".*\\.dex(!/.*)?");
    }

    /** {@code app.apk!/classes2.dex!/okhttp3/OkHttp.class} → {@code app.apk!/classes2.dex}. */
    private static String container(String classOrigin) {
        int dex = classOrigin.indexOf(".dex!/");
        return dex < 0 ? classOrigin : classOrigin.substring(0, dex + 4);
    }

    private static String fileName(String origin) {
        String o = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        int cut = o.lastIndexOf("!/");
        String container = cut < 0 ? o : o.substring(0, cut);
        int slash = Math.max(container.lastIndexOf('/'), container.lastIndexOf("!/") + 1);
        return container.substring(slash + 1);
    }

    private static String path(String origin) {
        int first = origin.indexOf("!/");
        return first < 0 ? origin : origin.substring(first + 2);
    }

    private static List<Row> load() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AndroidLibraries.class.getResourceAsStream("android-libraries.tsv")) {
            if (in == null) throw new IllegalStateException("android-libraries.tsv missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] p = line.split("\t");
                if (p.length != 3 || !p[1].contains(":")) throw new IllegalStateException("android-libraries.tsv: bad row: " + line);
                String[] ga = p[1].split(":", 2);
                rows.add(new Row(p[0].replace('.', '/'), ga[0], ga[1], p[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }
}
