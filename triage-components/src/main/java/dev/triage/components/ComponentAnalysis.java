package dev.triage.components;

import dev.triage.contract.Severity;
import dev.triage.contract.Confidence;
import dev.triage.contract.Location;
import dev.triage.contract.Detection;
import dev.triage.intake.CodeRole;
import dev.triage.intake.ResourceEntry;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Manifest;

/**
 * The components stage: identifies the libraries an app ships, matches them against the local
 * advisory database, judges how much the app uses each vulnerable one, and how old the app and its
 * libraries are. Emits {@link Detection}s with the rule ids below, so the findings stage treats them
 * like any other; the {@link ComponentReport} carries the inventory for the SBOM.
 *
 * <p>Never touches the network: advisories and release metadata come from the local database only.
 */
public final class ComponentAnalysis {
    public static final String VULNERABLE = "component/vulnerable-dependency";
    public static final String OUTDATED = "component/outdated-dependency";
    public static final String STALE_APP = "app/stale-app";
    public static final List<String> RULES = List.of(VULNERABLE, OUTDATED, STALE_APP);
    static final double YEAR_MILLIS = 365.2425 * 24 * 3600 * 1000;

    /** Detections for the findings stage and the report for the SBOM. */
    public record Result(List<Detection> detections, ComponentReport report) {
    }

    private ComponentAnalysis() {
    }

    /**
     * @param program  the program model
     * @param index    library class index filled during intake
     * @param inputs   the scan's inputs as given (for app-level locations)
     * @param options  database, thresholds, clock
     */
    public static Result run(Program program, LibraryClassIndex index, List<String> inputs, ComponentOptions options) {
        return run(program, index, inputs, options, java.util.Set.of());
    }

    /**
     * As {@link #run(Program, LibraryClassIndex, List, ComponentOptions)}, knowing which nested jars intake read as the
     * app's own code: they are components all the same (a published module has advisories of its own), and their
     * advisories are judged referenced, since their code is the app's.
     *
     * @param appJarOrigins origins of the nested jars read as app code
     */
    public static Result run(Program program, LibraryClassIndex index, List<String> inputs, ComponentOptions options,
                             java.util.Set<String> appJarOrigins) {
        List<String> problems = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        Instant now = options.clock();
        AdvisoryDb db = null;
        HashIndex hashes = HashIndex.empty();
        MetadataIndex metadata = MetadataIndex.empty();
        if (options.database() != null) {
            try {
                Optional<AdvisoryDb> opened = AdvisoryDb.open(options.database());
                if (opened.isEmpty()) {
                    problems.add("no advisory database at " + options.database() + ": vulnerable-dependency checks were skipped;"
                            + " run 'triage db update' (or 'triage db import FILE' offline)");
                } else {
                    db = opened.get();
                    Duration age = db.status().age(now);
                    if (options.maxDbAge() != null && age.compareTo(options.maxDbAge()) > 0) {
                        problems.add("the advisory database is " + age.toDays() + " days old (imported "
                                + db.status().importedAt() + "): newer advisories are missing; run 'triage db update'");
                    }
                }
                metadata = MetadataIndex.read(options.database());
            } catch (DbException e) {
                problems.add(e.getMessage() + "; vulnerable-dependency checks were skipped");
                db = null;
            }
            try {
                hashes = HashIndex.open(options.database());
            } catch (DbException e) {
                problems.add(e.getMessage() + "; jars were identified without it");
            }
        }
        KnownArtifacts known = KnownArtifacts.of(db == null ? List.of() : db.keys(), hashes);
        List<Component> components = new ArrayList<>(ComponentIdentifier.identify(program.libraries(), program.resources(), index, known));
        components.addAll(AndroidLibraries.identify(program));

        AppReferences refs = new AppReferences(program);
        Map<String, Reach> reachByOrigin = new HashMap<>();
        List<ComponentReport.Vulnerability> vulns = new ArrayList<>();
        if (db != null) {
            Map<String, List<String>> extraSymbols = supplementarySymbols();
            for (Component c : components) {
                if (!c.hasCoordinates()) continue;
                List<Advisory.ForPackage> advisories;
                try {
                    advisories = db.lookup(c.key());
                } catch (DbException e) {
                    problems.add(e.getMessage());
                    continue;
                }
                for (Advisory.ForPackage fp : advisories) {
                    boolean hit = false;
                    List<String> symbols = new ArrayList<>();
                    for (Advisory.Affected a : fp.affected()) {
                        if (VersionMatcher.affected(c.version(), a)) hit = true;
                        symbols.addAll(a.symbols());
                    }
                    if (!hit) continue;
                    symbols.addAll(extraSymbols.getOrDefault(fp.advisory().id(), List.of()));
                    for (String alias : fp.advisory().aliases()) symbols.addAll(extraSymbols.getOrDefault(alias, List.of()));
                    String fix = VersionMatcher.nearestFix(c.version(), fp.affected()).orElse("");
                    Reach reach = reachByOrigin.computeIfAbsent(c.origin(), o -> appJarOrigins.contains(o)
                            ? new Reach(true, "it is the app's own module: its classes were analysed as app code")
                            : referenced(c, program, index, refs));
                    Reach symbolReach = symbolReach(symbols, refs);
                    Reachability r;
                    String evidence;
                    if (symbolReach != null) {
                        r = Reachability.REACHABLE;
                        evidence = symbolReach.evidence;
                    } else if (reach.referenced) {
                        r = Reachability.REFERENCED;
                        evidence = reach.evidence;
                    } else {
                        r = Reachability.NOT_REFERENCED;
                        evidence = reach.evidence;
                    }
                    ComponentReport.Vulnerability v = new ComponentReport.Vulnerability(c, fp.advisory(), fix, r, evidence);
                    vulns.add(v);
                    detections.add(vulnerableDetection(v));
                }
            }
        }

        List<ComponentReport.Outdated> outdated = new ArrayList<>();
        for (Component c : components) {
            if (!c.hasCoordinates()) continue;
            Optional<MetadataIndex.Release> latest = metadata.latest(c.key());
            if (latest.isEmpty() || VersionMatcher.compare(latest.get().version(), c.version()) <= 0) continue;
            MetadataIndex.Release rel = latest.get();
            double libyears = c.releaseDate() > 0 && rel.date() > 0 ? Math.max(0, (rel.date() - c.releaseDate()) / YEAR_MILLIS) : -1;
            ComponentReport.Outdated o = new ComponentReport.Outdated(c, rel.version(), rel.date(), libyears);
            outdated.add(o);
            if (libyears >= options.outdatedYears()) {
                Map<String, String> props = new LinkedHashMap<>();
                props.put("purl", c.purl());
                props.put("installedVersion", c.version());
                props.put("latestVersion", rel.version());
                props.put("libyears", String.format(Locale.ROOT, "%.1f", libyears));
                props.put(Detection.PROVENANCE, "metadata: the local Maven metadata index (" + c.key() + ")"
                        + "; component: identified by " + c.identifiedBy().slug());
                detections.add(new Detection(OUTDATED, location(c),
                        String.format(Locale.ROOT, "%s %s is %.1f years behind its newest release %s (%s); installed version released %s.",
                                c.gav(), c.path(), libyears, rel.version(), date(rel.date()), date(c.releaseDate())),
                        List.of(), Confidence.HIGH, "outdated|" + c.key(), null, props));
            }
        }

        long[] build = {0};
        String source = appBuildDate(program, build);
        if (build[0] > 0) {
            double years = (now.toEpochMilli() - build[0]) / YEAR_MILLIS;
            if (years >= options.staleYears()) {
                String input = inputs.isEmpty() ? "" : inputs.get(0);
                String name = input.replace('\\', '/');
                name = name.substring(name.lastIndexOf('/') + 1);
                Map<String, String> props = new LinkedHashMap<>();
                props.put("buildDate", date(build[0]));
                props.put("buildDateSource", source);
                props.put("ageYears", String.format(Locale.ROOT, "%.1f", years));
                props.put(Detection.PROVENANCE, "engine (ComponentAnalysis: the app's build date)");
                detections.add(new Detection(STALE_APP, Location.inResource(name, 0, input),
                        String.format(Locale.ROOT, "The app was last built %s (%s), %.1f years ago: it has not been updated in more than %s years.",
                                date(build[0]), source, years, trim(options.staleYears())),
                        List.of(), Confidence.MEDIUM, "stale-app", null, props));
            }
        }
        ComponentReport report = new ComponentReport(components, vulns, outdated, build[0], source,
                db == null ? null : db.status(), problems);
        return new Result(detections, report);
    }

    private static Detection vulnerableDetection(ComponentReport.Vulnerability v) {
        Component c = v.component();
        Advisory a = v.advisory();
        String ids = a.id() + (a.aliases().isEmpty() ? "" : " (" + String.join(", ", a.aliases()) + ")");
        String fix = v.fixedVersion().isEmpty() ? "no fixed version is known" : "fixed in " + v.fixedVersion();
        String where = c.shaded() ? c.path() + " (shaded into " + c.fileName() + ")" : c.path();
        String msg = String.format(Locale.ROOT, "%s: %s %s in %s is affected by %s%s; %s; %s — %s.%s",
                c.purl(), c.artifactId(), c.version(), where, ids,
                a.summary().isEmpty() ? "" : ": " + a.summary(),
                fix, v.reachability().label(), v.evidence(),
                c.identity().confidence() == Identity.Confidence.LOW
                        ? " The group " + c.groupId() + " is inferred (the only one known to publish " + c.artifactId()
                          + "; nothing in the jar names it): confirm the jar's origin." : "");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("advisoryId", a.id());
        props.put("aliases", String.join(",", a.aliases()));
        props.put("purl", c.purl());
        props.put("installedVersion", c.version());
        props.put("fixedVersion", v.fixedVersion());
        props.put("reachability", v.reachability().label());
        if (a.score() >= 0) props.put("cvssScore", String.format(Locale.ROOT, "%.1f", a.score()));
        if (!a.vector().isEmpty()) props.put("cvssVector", a.vector());
        if (!a.references().isEmpty()) props.put("advisoryUrl", a.references().get(0));
        // As sure as the identification: exact or Maven metadata HIGH, evidence naming a known group MEDIUM, a group
        // inferred from the one known package with that artifact id LOW.
        Confidence confidence = switch (c.identity().confidence()) {
            case EXACT, HIGH -> Confidence.HIGH;
            case MEDIUM -> Confidence.MEDIUM;
            default -> Confidence.LOW;
        };
        props.put("identity", c.identity().confidence().slug());
        props.put(Detection.PROVENANCE, "advisory: the local advisory database (" + a.id() + ")"
                + "; component: identified by " + c.identifiedBy().slug());
        return new Detection(VULNERABLE, location(c), msg, List.of(), confidence, a.id() + "|" + c.key(), Severity.ofLevel(a.level()), props);
    }

    private static Location location(Component c) {
        return Location.inResource(c.path(), 0, c.origin());
    }

    /** Whether app code refers to a library, directly, through other libraries, or as a service provider. */
    private record Reach(boolean referenced, String evidence) {
    }

    private static Reach referenced(Component component, Program program, LibraryClassIndex index, AppReferences refs) {
        String dexPackage = AndroidLibraries.packagePrefix(component);
        if (dexPackage != null) {
            // library code merged into the app's DEX: referenced when app code names a class of its package
            for (Map.Entry<String, String> e : refs.classes.entrySet()) {
                if (e.getKey().startsWith(dexPackage + "/")) {
                    return new Reach(true, "app class " + e.getValue().replace('/', '.') + " uses " + e.getKey().replace('/', '.'));
                }
            }
            return new Reach(false, "no app class refers to " + dexPackage.replace('/', '.'));
        }
        String origin = component.origin();
        Set<String> classes = index.classes(origin);
        for (String c : classes) {
            String by = refs.classes.get(c);
            if (by != null) {
                return new Reach(true, "app class " + by.replace('/', '.') + " uses " + c.replace('/', '.'));
            }
        }
        // Libraries the app refers to directly, then what those refer to (by package), breadth first.
        Map<String, String> via = new LinkedHashMap<>();
        Deque<String> work = new ArrayDeque<>();
        Map<String, String> libOfClass = new HashMap<>();
        for (String c : refs.classes.keySet()) {
            for (String lib : index.librariesOfPackage(LibraryClassIndex.packageOf(c))) {
                if (index.classes(lib).contains(c) && !via.containsKey(lib)) {
                    via.put(lib, fileName(lib));
                    work.add(lib);
                    libOfClass.put(lib, c);
                }
            }
        }
        Set<String> seen = new HashSet<>(via.keySet());
        while (!work.isEmpty()) {
            String lib = work.poll();
            for (String pkg : index.packageRefs(lib)) {
                for (String other : index.librariesOfPackage(pkg)) {
                    if (seen.add(other)) {
                        via.put(other, via.get(lib) + " → " + fileName(other));
                        work.add(other);
                    }
                }
            }
        }
        if (via.containsKey(origin)) {
            return new Reach(true, "used by the app through " + via.get(origin));
        }
        // Service providers: the component declares an implementation of an interface of a library in use.
        for (ResourceEntry r : program.resources()) {
            if (r.role() != CodeRole.LIBRARY || !r.origin().startsWith(origin + "!/")) continue;
            String entry = r.origin().substring(origin.length() + 2);
            if (entry.startsWith("META-INF/services/")) {
                String service = entry.substring("META-INF/services/".length()).replace('.', '/');
                for (String lib : index.librariesOfPackage(LibraryClassIndex.packageOf(service))) {
                    if (via.containsKey(lib) && index.classes(lib).contains(service)) {
                        return new Reach(true, "provides " + service.replace('/', '.') + " to " + via.get(lib));
                    }
                }
            } else if (entry.equals("META-INF/log4j-provider.properties")) {
                for (String lib : via.keySet()) {
                    if (index.classes(lib).contains("org/apache/logging/log4j/LogManager")) {
                        return new Reach(true, "is the Log4j provider for " + via.get(lib));
                    }
                }
            }
        }
        return new Reach(false, "no app class uses its classes, directly or through other bundled libraries"
                + " (it may still be loaded by reflection or configuration)");
    }

    private static Reach symbolReach(List<String> symbols, AppReferences refs) {
        if (symbols.isEmpty()) return null;
        Set<MethodRef> reachable = refs.reachable();
        for (String s : new java.util.TreeSet<>(symbols)) {
            int hash = s.indexOf('#');
            String owner = (hash < 0 ? s : s.substring(0, hash)).replace('.', '/');
            String method = hash < 0 ? null : s.substring(hash + 1);
            for (Map.Entry<String, List<MethodRef>> e : refs.calls.entrySet()) {
                String key = e.getKey();
                int h = key.indexOf('#');
                if (!key.substring(0, h).equals(owner)) continue;
                if (method != null && !method.equals("*") && !key.substring(h + 1).equals(method)) continue;
                for (MethodRef caller : e.getValue()) {
                    if (reachable.contains(caller)) {
                        return new Reach(true, caller.owner().replace('/', '.') + "." + caller.name()
                                + " (reached from an entry point) calls " + key.replace('/', '.').replace('#', '.'));
                    }
                }
            }
        }
        return null;
    }

    /** Advisory id → vulnerable symbols, from {@code vulnerable-symbols.tsv} (for advisories that name none). */
    static Map<String, List<String>> supplementarySymbols() {
        Map<String, List<String>> m = new TreeMap<>();
        try (InputStream in = ComponentAnalysis.class.getResourceAsStream("/dev/triage/components/vulnerable-symbols.tsv")) {
            if (in == null) return m;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] p = line.split("\t");
                if (p.length == 2) m.computeIfAbsent(p[0].strip(), k -> new ArrayList<>()).add(OsvParser.symbol(p[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /**
     * The app's build date. Heuristic, in order: the app's own {@code META-INF/MANIFEST.MF}
     * ({@code Bnd-LastModified}, {@code Build-Date}, {@code Build-Time}, {@code Built-Date},
     * {@code Build-Timestamp}); else the newest modification time of any entry intake read (class
     * files, resources, bundled jars — a rebuild rewrites them, a re-zip without rebuilding does not
     * change entry times; the input file's own time counts only when the input is a plain file with
     * no datable entries).
     */
    /**
     * When the app was last built: the newest date among the manifests of the app's own code (a war whose own
     * modules include an old jar of the same group was built when its newest part was, not its oldest), else the
     * newest entry time.
     */
    static String appBuildDate(Program program, long[] out) {
        long newest = 0;
        String origin = null;
        for (ResourceEntry r : program.resources()) {
            if (r.role() != CodeRole.APP || !r.name().equals("META-INF/MANIFEST.MF")) continue;
            try {
                long t = ComponentIdentifier.manifestDate(new Manifest(new ByteArrayInputStream(r.bytes())));
                if (t > newest) {
                    newest = t;
                    origin = r.origin();
                }
            } catch (IOException | RuntimeException ignored) {
                // unreadable manifest: the others and the entry times still date the app
            }
        }
        if (newest > 0) {
            out[0] = newest;
            return "manifest of " + origin;
        }
        out[0] = program.newestEntryTime();
        return out[0] > 0 ? "newest entry time" : "";
    }

    private static String fileName(String origin) {
        int slash = Math.max(origin.lastIndexOf('/'), origin.lastIndexOf("!/") + 1);
        return origin.substring(slash + 1);
    }

    /** An epoch-millisecond time as an ISO date ({@code 2022-03-17}), or "unknown" for none. */
    public static String date(long millis) {
        return millis <= 0 ? "unknown" : Instant.ofEpochMilli(millis).toString().substring(0, 10);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
