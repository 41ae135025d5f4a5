package dev.triage.analysis.detect;

import dev.triage.contract.Confidence;
import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.contract.Location;
import dev.triage.contract.Detection;
import dev.triage.analysis.Detector;
import dev.triage.analysis.ResourceScan;
import dev.triage.analysis.model.Models;
import dev.triage.program.ClassInfo;
import dev.triage.program.Program;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * android/tracker-sdk: a tracking, analytics or advertising SDK whose classes are in an Android app's code (app or
 * library role), recognised by package signatures kept as data ({@code android-trackers.yml}, table
 * {@code tracker-sdks}). One finding per tracker and Android input, at the input's file name (line 0), naming the
 * tracker, its categories and the packages found.
 *
 * <p>A class belongs to the longest signature it falls under over every row, exclusions included, so a vendor's
 * harmless sub-package ({@code com.google.firebase.analytics.connector}, which Firestore and Messaging pull in) is not
 * taken for its tracker.
 */
public final class TrackerSdkDetector implements Detector {
    public static final String RULE = "android/tracker-sdk";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** One row of the table. */
    public record Tracker(String id, String name, List<String> categories, List<String> packages, List<String> exclude,
                          String website) {
        /** What kind of SDK it is, for a sentence: {@code an analytics and profiling SDK}. */
        String kindText() {
            List<String> out = new ArrayList<>();
            for (String c : categories) out.add(c.replace('-', ' '));
            String words = out.size() <= 1 ? String.join("", out)
                    : String.join(", ", out.subList(0, out.size() - 1)) + " and " + out.get(out.size() - 1);
            boolean vowel = !words.isEmpty() && "aeiou".indexOf(Character.toLowerCase(words.charAt(0))) >= 0;
            return (vowel ? "an " : "a ") + words + " SDK";
        }
    }

    /** A signature a class fell under: the tracker (null for an exclusion) and the dotted signature. */
    record Hit(Tracker tracker, String signature) {
    }

    private final List<Tracker> trackers;
    /** Slashed signature → hit; exclusions map to a hit without tracker. */
    private final Map<String, Hit> signatures;

    public TrackerSdkDetector(Models models) {
        this.trackers = parse(models);
        Map<String, Hit> sigs = new HashMap<>();
        for (Tracker t : trackers) {
            for (String p : t.packages()) sigs.put(p.replace('.', '/'), new Hit(t, p));
            for (String p : t.exclude()) sigs.put(p.replace('.', '/'), new Hit(null, p));
        }
        this.signatures = Map.copyOf(sigs);
    }

    @Override
    public Set<String> rules() {
        return Set.of(RULE);
    }

    /** The rows of the table, in table order. */
    public List<Tracker> trackers() {
        return trackers;
    }

    @Override
    public void visitResources(ResourceScan scan) {
        Program program = scan.context().program();
        Set<String> inputs = AndroidInputs.of(program);
        if (inputs.isEmpty()) return;
        List<ClassInfo> classes = new ArrayList<>();
        for (Program.AppClass a : program.appClasses()) classes.add(a.info());
        classes.addAll(program.libraryClasses());
        classes.sort(Comparator.comparing(ClassInfo::name).thenComparing(c -> c.origin() == null ? "" : c.origin()));
        // input → tracker id → evidence, all sorted
        Map<String, Map<String, Evidence>> found = new TreeMap<>();
        for (ClassInfo c : classes) {
            Hit hit = match(c.name());
            if (hit == null || hit.tracker() == null) continue;
            String input = AndroidInputs.inputOf(c.origin());
            if (!inputs.contains(input)) continue;
            found.computeIfAbsent(input, k -> new TreeMap<>())
                    .computeIfAbsent(hit.tracker().id(), k -> new Evidence(hit.tracker(), c.name().replace('/', '.')))
                    .add(hit.signature());
        }
        found.forEach((input, byTracker) -> byTracker.values().forEach(e -> scan.reporter().report(detection(input, e))));
    }

    /** The longest signature (package or class) the class falls under, or null. */
    Hit match(String internalName) {
        String n = internalName;
        int dollar = n.indexOf('$', n.lastIndexOf('/') + 1);
        if (dollar > 0) n = n.substring(0, dollar);
        while (true) {
            Hit h = signatures.get(n);
            if (h != null) return h;
            int slash = n.lastIndexOf('/');
            if (slash < 0) return null;
            n = n.substring(0, slash);
        }
    }

    private static final class Evidence {
        final Tracker tracker;
        final String firstClass;
        final Map<String, Integer> classesBySignature = new TreeMap<>();

        Evidence(Tracker tracker, String firstClass) {
            this.tracker = tracker;
            this.firstClass = firstClass;
        }

        Evidence add(String signature) {
            classesBySignature.merge(signature, 1, Integer::sum);
            return this;
        }

        int classCount() {
            return classesBySignature.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static Detection detection(String input, Evidence e) {
        String file = AndroidInputs.fileName(input);
        Tracker t = e.tracker;
        int n = e.classCount();
        String where = String.join(" and ", e.classesBySignature.keySet());
        String msg = t.name() + ", " + t.kindText() + ", is in " + file + ": " + n + (n == 1 ? " class" : " classes")
                + " under " + where + (n == 1 ? " (" : ", e.g. ") + e.firstClass + (n == 1 ? ")." : ".");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("tracker", t.name());
        props.put("trackerId", t.id());
        props.put("trackerCategories", String.join(",", t.categories()));
        props.put("trackerWebsite", t.website());
        props.put("evidencePackages", String.join(",", e.classesBySignature.keySet()));
        props.put("evidenceClass", e.firstClass);
        props.put("classCount", Integer.toString(n));
        return new Detection(RULE, Location.inResource(file, 0, input), msg, List.of(), Confidence.HIGH,
                "tracker|" + t.id(), null, props);
    }

    // ---------------------------------------------------------------- the table

    /** Reads and checks the table; a malformed row fails loudly (like an unknown key in any model file). */
    static List<Tracker> parse(Models models) {
        Set<String> categories = Tables.set(models, "tracker-categories");
        JsonNode rows = models.table("tracker-sdks");
        List<Tracker> out = new ArrayList<>();
        Map<String, String> owner = new HashMap<>();
        Set<String> ids = new TreeSet<>();
        for (JsonNode r : rows) {
            r.fieldNames().forEachRemaining(k -> {
                if (!Set.of("id", "name", "categories", "packages", "exclude", "website").contains(k)) {
                    throw bad("unknown key '" + k + "' in row " + r);
                }
            });
            String id = r.path("id").asText("");
            if (!ID.matcher(id).matches()) throw bad("row without a slug id: " + r);
            if (!ids.add(id)) throw bad("duplicate id " + id);
            String name = r.path("name").asText("");
            String website = r.path("website").asText("");
            if (name.isBlank() || !website.startsWith("https://")) throw bad(id + ": needs a name and an https website");
            List<String> cats = strings(r.path("categories"));
            if (cats.isEmpty() || !categories.containsAll(cats)) throw bad(id + ": categories must be some of " + categories);
            List<String> packages = strings(r.path("packages"));
            List<String> exclude = strings(r.path("exclude"));
            if (packages.isEmpty()) throw bad(id + ": no packages");
            for (String p : packages) signature(id, p, owner);
            for (String x : exclude) {
                signature(id, x, owner);
                if (packages.stream().noneMatch(p -> x.startsWith(p + "."))) {
                    throw bad(id + ": exclusion " + x + " is not under one of the row's packages");
                }
            }
            out.add(new Tracker(id, name, cats, packages, exclude, website));
        }
        if (out.isEmpty()) throw bad("no trackers");
        return List.copyOf(out);
    }

    private static void signature(String id, String p, Map<String, String> owner) {
        String[] parts = p.split("\\.", -1);
        if (parts.length < 2) throw bad(id + ": signature " + p + " is too broad (one segment)");
        for (String s : parts) if (!SEGMENT.matcher(s).matches()) throw bad(id + ": not a package or class name: " + p);
        String before = owner.putIfAbsent(p, id);
        if (before != null) throw bad(id + ": signature " + p + " is already listed by " + before);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) n.forEach(x -> out.add(x.asText().strip()));
        return out;
    }

    private static IllegalStateException bad(String why) {
        return new IllegalStateException("android-trackers.yml: tracker-sdks: " + why);
    }
}
