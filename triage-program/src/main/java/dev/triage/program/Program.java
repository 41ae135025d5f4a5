package dev.triage.program;

import dev.triage.intake.AndroidSigning;
import dev.triage.intake.ClassEntry;
import dev.triage.intake.CodeRole;
import dev.triage.intake.IntakeListener;
import dev.triage.intake.LibraryArchive;
import dev.triage.intake.ResourceEntry;
import dev.triage.intake.SkippedInput;
import dev.triage.program.android.AndroidApp;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The program model of one app: class hierarchy over app, library and JDK classes; app method
 * code read on demand (never kept for the whole app at once); a call graph and entry points.
 * Build it by feeding intake into {@link #builder()}. Thread-safe for reading once built.
 */
public final class Program {
    private final Map<String, AppClass> appClasses;
    private final Map<String, ClassInfo> libraryClasses;
    private final List<ResourceEntry> resources;
    private final List<LibraryArchive> libraries;
    private final List<SkippedInput> skipped;
    private final long newestEntryTime;
    private final List<AndroidSigning> androidSignings;
    /** Library class files kept for summaries computed from library code, up to {@link #LIBRARY_CODE_BUDGET}. */
    private final Map<String, byte[]> libraryBytes;
    /** Library class name → the archive origin it came from (for the archive's digest). */
    private final Map<String, String> libraryArchiveOf;
    private final Map<String, String> archiveDigest = new HashMap<>();
    private final Map<String, Set<String>> subtypeCache = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> supertypeSets = new ConcurrentHashMap<>();
    private volatile Map<String, List<String>> directSubtypes;
    private volatile CallGraph callGraph;
    private volatile List<EntryPoint> entryPoints;
    private volatile Optional<AndroidApp> android;

    /**
     * An app class: its header, its bytes (code is turned into a tree only when asked for), and what its one guarded
     * parse collected: its call sites and the classes it refers to (supertypes, descriptors, instructions, constants).
     */
    public record AppClass(ClassInfo info, byte[] bytes, List<CallSite> calls, List<String> references,
                           List<CallSite> staticWrites) {
        public AppClass(ClassInfo info, byte[] bytes, List<CallSite> calls, List<String> references) {
            this(info, bytes, calls, references, List.of());
        }
    }

    private Program(Builder b) {
        this.appClasses = Collections.unmodifiableMap(new TreeMap<>(b.app));
        this.libraryClasses = Collections.unmodifiableMap(b.libs);
        this.resources = List.copyOf(b.resources);
        this.libraries = List.copyOf(b.libraries);
        this.skipped = new ArrayList<>(b.skipped);
        this.newestEntryTime = b.newestEntryTime;
        this.androidSignings = List.copyOf(b.androidSignings);
        this.libraryBytes = Collections.unmodifiableMap(b.libBytes);
        this.libraryArchiveOf = Collections.unmodifiableMap(b.libArchive);
        for (LibraryArchive a : libraries) archiveDigest.put(a.origin(), a.sha256());
    }

    /** Total bytes of library class files a program keeps for library code summaries; beyond it they are dropped. */
    public static final long LIBRARY_CODE_BUDGET = 96L << 20;

    /**
     * The code of a library class (bundled, on the class path, or the running JDK's), parsed afresh without debug
     * information, or null when it is not available (an app class, an unknown class, or a library beyond the kept budget). Never loaded.
     */
    public ClassNode readLibraryCode(String internalName) {
        byte[] bytes = libraryClassFile(internalName);
        if (bytes == null) return null;
        ClassNode node = new ClassNode();
        try {
            // code only: no line numbers, local names or frames (summaries need none of them)
            new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        } catch (RuntimeException e) {
            return null;
        }
        return node;
    }

    /**
     * The class file of a library class (bundled, on the class path, or the running JDK's), or null when it is not
     * available (an app class, an unknown class, or a library beyond the kept budget). The caller must not change it.
     */
    public byte[] libraryClassFile(String internalName) {
        if (internalName == null || appClasses.containsKey(internalName)) return null;
        byte[] bytes = libraryBytes.get(internalName);
        if (bytes == null && !libraryClasses.containsKey(internalName)) bytes = JdkClasses.bytes(internalName);
        return bytes;
    }

    /**
     * What identifies the version of a library class's code: the SHA-256 of the archive it came from, {@code jdk-}
     * and the running JDK's version for a JDK class, or null (a class from a directory, or not available).
     */
    public String libraryVersionKey(String internalName) {
        if (internalName == null || appClasses.containsKey(internalName)) return null;
        if (libraryBytes.containsKey(internalName)) {
            String archive = libraryArchiveOf.get(internalName);
            String digest = archive == null ? null : archiveDigest.get(archive);
            return digest == null ? null : "sha256-" + digest;
        }
        if (libraryClasses.containsKey(internalName)) return null;
        return JdkClasses.find(internalName) != null ? "jdk-" + Runtime.version() : null;
    }

    /** How the APK inputs are signed (one per top-level .apk input, in input order). */
    public List<AndroidSigning> androidSignings() {
        return androidSignings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** App classes ordered by name. */
    public Collection<AppClass> appClasses() {
        return appClasses.values();
    }

    public int appClassCount() {
        return appClasses.size();
    }

    /** Headers of the library classes (jars on the class path, bundled jars, library code inside DEX files). */
    public Collection<ClassInfo> libraryClasses() {
        return libraryClasses.values();
    }

    public int libraryClassCount() {
        return libraryClasses.size();
    }

    public AppClass appClass(String internalName) {
        return appClasses.get(internalName);
    }

    public boolean isApp(String internalName) {
        return appClasses.containsKey(internalName);
    }

    /**
     * Parses an app class with its code. Each call parses afresh; callers cache what they need. The bytes were read in
     * full with the same flags when the class entered the model (a class that failed then is not in it), so this read
     * does not fail.
     */
    public ClassNode readCode(String internalName) {
        AppClass c = appClasses.get(internalName);
        if (c == null) return null;
        ClassNode node = new ClassNode();
        new ClassReader(c.bytes()).accept(node, HeaderReader.CODE_FLAGS);
        return node;
    }

    /**
     * Header of any class: app, library, the JDK's, or (hierarchy only) a common server API that the
     * container provides; null if unknown (a missing dependency).
     */
    public ClassInfo find(String internalName) {
        if (internalName == null) return null;
        AppClass a = appClasses.get(internalName);
        if (a != null) return a.info();
        ClassInfo l = libraryClasses.get(internalName);
        if (l != null) return l;
        ClassInfo jdk = JdkClasses.find(internalName);
        return jdk != null ? jdk : PlatformIndex.find(internalName);
    }

    public List<ResourceEntry> resources() {
        return resources;
    }

    public List<LibraryArchive> libraries() {
        return libraries;
    }

    public List<SkippedInput> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    public long newestEntryTime() {
        return newestEntryTime;
    }

    /** True when {@code sub} is {@code sup} or extends/implements it, as far as the hierarchy is known. */
    public boolean isSubtype(String sub, String sup) {
        if (sub == null || sup == null) return false;
        if (sub.equals(sup) || sup.equals("java/lang/Object")) return true;
        // one set per class, not one cache entry per pair: asked at nearly every call the models match
        return supertypeSets.computeIfAbsent(sub, k -> Set.copyOf(supertypes(k))).contains(sup);
    }

    /** All supertypes of a class (itself first, then superclasses, then interfaces), as far as known. */
    public List<String> supertypes(String name) {
        List<String> out = new ArrayList<>();
        Deque<String> work = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        work.add(name);
        while (!work.isEmpty()) {
            String c = work.poll();
            if (!seen.add(c)) continue;
            out.add(c);
            ClassInfo info = find(c);
            if (info == null) continue;
            if (info.superName() != null) work.add(info.superName());
            work.addAll(info.interfaces());
        }
        return out;
    }

    /** App and library classes that extend or implement {@code name}, transitively, excluding itself; sorted. */
    public Set<String> subtypes(String name) {
        return subtypeCache.computeIfAbsent(name, n -> {
            Map<String, List<String>> direct = directSubtypes();
            Set<String> out = new java.util.TreeSet<>();
            Deque<String> work = new ArrayDeque<>(direct.getOrDefault(n, List.of()));
            while (!work.isEmpty()) {
                String c = work.poll();
                if (out.add(c)) work.addAll(direct.getOrDefault(c, List.of()));
            }
            return Collections.unmodifiableSet(out);
        });
    }

    /**
     * Guards {@link #directSubtypes} only. Not {@code this}: {@link #callGraph()} holds this monitor while it asks
     * for subtypes, and another thread inside {@code subtypeCache.computeIfAbsent} must not wait for it (deadlock).
     */
    private final Object directSubtypesLock = new Object();

    private Map<String, List<String>> directSubtypes() {
        Map<String, List<String>> d = directSubtypes;
        if (d == null) {
            synchronized (directSubtypesLock) {
                d = directSubtypes;
                if (d == null) {
                    Map<String, List<String>> m = new HashMap<>();
                    java.util.function.Consumer<ClassInfo> add = ci -> {
                        if (ci.superName() != null) m.computeIfAbsent(ci.superName(), k -> new ArrayList<>()).add(ci.name());
                        for (String i : ci.interfaces()) m.computeIfAbsent(i, k -> new ArrayList<>()).add(ci.name());
                    };
                    libraryClasses.values().forEach(add);
                    appClasses.values().forEach(a -> add.accept(a.info()));
                    m.values().forEach(l -> l.sort(null));
                    directSubtypes = d = m;
                }
            }
        }
        return d;
    }

    /**
     * Resolves a method as the JVM would for a call on {@code owner}: the declaration in owner or the
     * nearest superclass, then in superinterfaces. Null if not found in the known hierarchy.
     */
    public MethodInfo resolveMethod(String owner, String name, String descriptor) {
        for (String c : supertypes(owner)) {
            ClassInfo info = find(c);
            if (info == null) continue;
            MethodInfo m = info.method(name, descriptor);
            if (m != null) return m;
        }
        return null;
    }

    /** The class-hierarchy call graph over app code (built on first use). */
    public CallGraph callGraph() {
        CallGraph g = callGraph;
        if (g == null) {
            synchronized (this) {
                g = callGraph;
                if (g == null) callGraph = g = CallGraph.build(this);
            }
        }
        return g;
    }

    private volatile Map<String, Set<MethodRef>> staticWriters;

    /**
     * The app methods that store into a static field ({@code owner.name:descriptor}, as the instruction names it),
     * from the PUTSTATIC instructions the one guarded parse recorded (indexed on first use).
     */
    public Set<MethodRef> staticFieldWriters(String owner, String name, String descriptor) {
        Map<String, Set<MethodRef>> index = staticWriters;
        if (index == null) {
            synchronized (this) {
                index = staticWriters;
                if (index == null) {
                    Map<String, Set<MethodRef>> built = new HashMap<>();
                    for (AppClass c : appClasses.values()) {
                        for (CallSite w : c.staticWrites()) {
                            built.computeIfAbsent(w.owner() + "." + w.name() + ":" + w.descriptor(), k -> new java.util.TreeSet<>(
                                    java.util.Comparator.comparing(MethodRef::owner).thenComparing(MethodRef::name)
                                            .thenComparing(MethodRef::descriptor))).add(w.caller());
                        }
                    }
                    staticWriters = index = built;
                }
            }
        }
        return index.getOrDefault(owner + "." + name + ":" + descriptor, Set.of());
    }

    /** Entry points of the app (built on first use). */
    public List<EntryPoint> entryPoints() {
        List<EntryPoint> e = entryPoints;
        if (e == null) {
            synchronized (this) {
                e = entryPoints;
                if (e == null) entryPoints = e = EntryPoints.find(this);
            }
        }
        return e;
    }

    /** The Android app the manifest among the resources describes (built on first use), or null for other apps. */
    public AndroidApp android() {
        Optional<AndroidApp> a = android;
        if (a == null) {
            synchronized (this) {
                a = android;
                if (a == null) android = a = Optional.ofNullable(AndroidApp.from(resources));
            }
        }
        return a.orElse(null);
    }

    /**
     * Receives intake output and builds the program; library class bytes from archives are kept up to
     * {@link #LIBRARY_CODE_BUDGET} (for summaries computed from library code), the rest dropped after their header is read.
     */
    public static final class Builder implements IntakeListener {
        private final Map<String, AppClass> app = new HashMap<>();
        private final Map<String, ClassInfo> libs = new HashMap<>();
        private final List<ResourceEntry> resources = new ArrayList<>();
        private final List<LibraryArchive> libraries = new ArrayList<>();
        private final List<SkippedInput> skipped = new ArrayList<>();
        private final List<AndroidSigning> androidSignings = new ArrayList<>();
        /** Owners, names and descriptors of the app's call sites, one copy each (see {@link HeaderReader#readApp}). */
        private final Map<String, String> strings = new HashMap<>();
        private long newestEntryTime;
        private final Map<String, byte[]> libBytes = new HashMap<>();
        private final Map<String, String> libArchive = new HashMap<>();
        private long libBytesKept;

        @Override
        public synchronized void onClass(ClassEntry entry) {
            try {
                if (entry.role() == CodeRole.APP) {
                    // The first app copy of a class wins; an app class shadows a library copy. Its one full parse.
                    if (app.containsKey(entry.internalName())) return;
                    HeaderReader.Parsed p = HeaderReader.readApp(entry.bytes(), entry.role(), entry.origin(), strings);
                    if (!app.containsKey(p.info().name())) {
                        app.put(p.info().name(), new AppClass(p.info(), entry.bytes(), p.calls(), p.references(), p.staticWrites()));
                        libs.remove(p.info().name());
                        byte[] dropped = libBytes.remove(p.info().name());
                        if (dropped != null) libBytesKept -= dropped.length;
                        libArchive.remove(p.info().name());
                    }
                } else {
                    ClassInfo info = HeaderReader.read(entry.bytes(), entry.role(), entry.origin());
                    if (!app.containsKey(info.name()) && libs.putIfAbsent(info.name(), info) == null
                            && entry.library() != null && libBytesKept + entry.bytes().length <= LIBRARY_CODE_BUDGET) {
                        // kept for library code summaries (the first copy, the one the hierarchy describes)
                        libBytes.put(info.name(), entry.bytes());
                        libArchive.put(info.name(), entry.library());
                        libBytesKept += entry.bytes().length;
                    }
                }
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                skipped.add(new SkippedInput(entry.origin(), "", (entry.role() == CodeRole.APP
                        ? "malformed class, not analysed: " : "unreadable class header: ") + oneLine(e)));
            }
        }

        private static String oneLine(Throwable e) {
            String m = e.getMessage();
            String s = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
            s = s.replaceAll("[\\r\\n\\t]+", " ");
            return s.length() > 200 ? s.substring(0, 200) + "..." : s;
        }

        @Override
        public synchronized void onResource(ResourceEntry entry) {
            resources.add(entry);
        }

        @Override
        public synchronized void onLibrary(LibraryArchive library) {
            libraries.add(library);
        }

        @Override
        public synchronized void onSkipped(SkippedInput s) {
            skipped.add(s);
        }

        @Override
        public synchronized void onAndroidSigning(AndroidSigning signing) {
            androidSignings.add(signing);
        }

        @Override
        public synchronized void onNewestEntryTime(long epochMillis) {
            newestEntryTime = Math.max(newestEntryTime, epochMillis);
        }

        public synchronized Program build() {
            return new Program(this);
        }
    }
}
