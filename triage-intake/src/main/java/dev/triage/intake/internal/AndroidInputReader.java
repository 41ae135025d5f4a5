package dev.triage.intake.internal;

import dev.triage.intake.SkippedInput;

import dev.triage.intake.CodeRole;
import dev.triage.intake.IntakeLimits;
import dev.triage.intake.ResourceEntry;
import dev.triage.intake.android.ArscDecoder;
import dev.triage.intake.android.AxmlDecoder;
import dev.triage.intake.android.ChunkCheck;
import dev.triage.intake.android.DexConverter;
import dev.triage.intake.android.DexHeader;
import dev.triage.intake.android.DexLayout;
import dev.triage.intake.android.ManifestInfo;
import dev.triage.intake.android.ProtoXmlDecoder;
import dev.triage.intake.android.ResourceNames;
import dev.triage.intake.android.ResourceTableEntry;
import dev.triage.intake.android.ResourcesPbDecoder;
import dev.triage.intake.android.TextXml;
import dev.triage.intake.android.ValuesTable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Reads Android inputs for {@link InputWalker}: APK (binary manifest and resources, multi-dex), AAB
 * (protobuf manifest and resources), AAR (classes.jar, text manifest and resources) and bare DEX files.
 * Manifest and resource table are read first (the manifest package decides which classes are app code),
 * then the DEX files in numeric order, then resource files and assets.
 */
final class AndroidInputReader {
    static final Pattern ROOT_DEX = Pattern.compile("classes(\\d*)\\.dex");
    private static final int MAX_TEXT_ASSET = 1 << 20;

    private final InputWalker walker;
    private final IntakeLimits limits;
    private int minSdk;

    AndroidInputReader(InputWalker walker, IntakeLimits limits) {
        this.walker = walker;
        this.limits = limits;
    }

    ChunkCheck.Limits chunkLimits() {
        return new ChunkCheck.Limits(limits.maxResourceStrings(), 200_000, 256);
    }

    // ---------------------------------------------------------------- entries of a zip, read on demand

    /** The safe entries of an archive by name, in archive order; unsafe ones are reported. */
    private final class Archive implements AutoCloseable {
        final ZipArchive zip;
        final Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
        final String input;
        final Budget budget;

        Archive(Path file, String input, Budget budget) throws IOException {
            this.zip = ZipArchive.open(file, budget.limits.maxEntries());
            this.input = input;
            this.budget = budget;
            for (ZipArchiveEntry e : zip.entries()) {
                try {
                    budget.countEntry();
                } catch (LimitException ex) {
                    walker.skip(input, Names.printable(e.getName()), ex.getMessage());
                    break;
                }
                String unsafe = Names.unsafeReason(e.getName());
                if (unsafe != null) {
                    walker.skip(input, Names.printable(e.getName()), "unsafe entry name '"
                            + Names.printable(e.getName()) + "' (" + unsafe + "; zip-slip), not read");
                    continue;
                }
                if (!e.isDirectory()) {
                    entries.putIfAbsent(e.getName(), e);
                }
            }
        }

        /** The entry's bytes within the limits (and {@code cap}), or null after reporting why not. */
        byte[] read(String name, long cap, String what) {
            ZipArchiveEntry e = entries.get(name);
            if (e == null) {
                return null;
            }
            walker.noteTime(e.getTime());
            try {
                return zip.read(e, budget, cap, what, true);
            } catch (LimitException ex) {
                walker.skip(input, name, ex.getMessage());
                if (ex.wholeInput) {
                    throw new InputWalker.StopInput();
                }
                return null;
            } catch (ZipArchive.CorruptEntryException ex) {
                walker.skip(input, name, ex.getMessage());
                return null;
            } catch (IOException | RuntimeException ex) {
                InputWalker.rethrowListener(ex);
                walker.skip(input, name, "truncated or corrupt archive entry: " + Names.describe(ex));
                return null;
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    // ---------------------------------------------------------------- APK

    void readApk(Path file, String input, boolean classpath, Budget budget) {
        try (Archive a = new Archive(file, input, budget)) {
            // 1. resource table and manifest
            ResourceNames names = ResourceNames.NONE;
            ArscDecoder.Table table = null;
            byte[] arsc = a.read("resources.arsc", limits.maxResourceTableBytes(), "resource table");
            if (arsc != null) {
                try {
                    table = ArscDecoder.decode(arsc, chunkLimits(), limits.maxEntries());
                    names = table.names();
                    for (String p : table.problems()) {
                        walker.skip(input, "resources.arsc", p);
                    }
                } catch (AxmlDecoder.DecodeException e) {
                    walker.skip(input, "resources.arsc", e.getMessage());
                }
            }
            CodeRole role = classpath ? CodeRole.LIBRARY : CodeRole.APP;
            ManifestInfo info = ManifestInfo.NONE;
            byte[] manifest = a.read("AndroidManifest.xml", limits.maxManifestBytes(), "AndroidManifest.xml");
            if (manifest == null && !a.entries.containsKey("AndroidManifest.xml")) {
                walker.skip(input, "AndroidManifest.xml", "no AndroidManifest.xml in the APK");
            }
            if (manifest != null) {
                String text = decodeXml(input, "AndroidManifest.xml", manifest, names);
                if (text != null) {
                    info = ManifestInfo.parse(text);
                    minSdk = info.minSdk();
                    walker.emitResource(new ResourceEntry("AndroidManifest.xml", origin(input, "AndroidManifest.xml"),
                            text.getBytes(StandardCharsets.UTF_8), role));
                }
            }
            if (table != null) {
                String pkg = info.packageName() != null ? info.packageName() : table.packageName();
                walker.emitResource(new ResourceEntry("android-resources.xml", origin(input, "resources.arsc"),
                        ArscDecoder.toXml(pkg, table.entries()).getBytes(StandardCharsets.UTF_8), role));
            }
            // 2. DEX files in numeric order
            Set<String> prefixes = walker.androidAppPrefixes(info.appPrefixes());
            for (String dex : rootDexNames(a.entries.keySet())) {
                byte[] bytes = a.read(dex, 0, dex);
                if (bytes != null) {
                    readDex(bytes, input, input, dex, classpath, prefixes, false);
                }
            }
            // 3. resource files, assets, Java resources
            readOtherEntries(a, input, role, names, "");
        } catch (InputWalker.StopInput | InputWalker.ListenerFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            InputWalker.rethrowListener(e);
            walker.skip(input, "", "cannot read the APK as a zip archive: " + Names.describe(e));
        }
    }

    /** Resource files (binary XML under res/), assets and res/raw text files, kept Java resources. */
    private void readOtherEntries(Archive a, String input, CodeRole role, ResourceNames names, String strip) {
        for (String name : a.entries.keySet()) {
            String path = name.startsWith(strip) ? name.substring(strip.length()) : name;
            if (path.equals("AndroidManifest.xml") || path.equals("resources.arsc") || ROOT_DEX.matcher(path).matches()) {
                continue;
            }
            if (path.startsWith("res/raw/") || path.startsWith("assets/")) {
                ZipArchiveEntry e = a.entries.get(name);
                if (e.getSize() > MAX_TEXT_ASSET) {
                    continue;
                }
                byte[] b = a.read(name, MAX_TEXT_ASSET, "asset");
                if (b != null && isText(b)) {
                    walker.emitResource(new ResourceEntry(path, origin(input, name), b, role));
                }
            } else if (path.startsWith("res/") && path.endsWith(".xml")) {
                byte[] b = a.read(name, limits.maxManifestBytes(), "binary XML resource");
                if (b == null) {
                    continue;
                }
                if (ChunkCheck.isBinaryXml(b)) {
                    String text = decodeXml(input, name, b, names);
                    if (text != null) {
                        walker.emitResource(new ResourceEntry(path, origin(input, name),
                                text.getBytes(StandardCharsets.UTF_8), role));
                    }
                } else if (isText(b)) {
                    walker.emitResource(new ResourceEntry(path, origin(input, name), b, role));
                }
            } else if (path.startsWith("META-INF/") && path.endsWith(".version")) {
                byte[] b = a.read(name, 4096, "version file");
                if (b != null) {
                    walker.emitResource(new ResourceEntry(path, origin(input, name), b, CodeRole.LIBRARY));
                }
            } else if (!path.startsWith("res/") && !path.startsWith("META-INF/") && !path.startsWith("lib/")
                    && Names.isKeptResource(path)) {
                byte[] b = a.read(name, 0, "resource");
                if (b != null) {
                    walker.emitResource(new ResourceEntry(path, origin(input, name), b, role));
                }
            } else if (path.startsWith("META-INF/services/") && Names.isKeptResource(path)) {
                byte[] b = a.read(name, 0, "resource");
                if (b != null) {
                    walker.emitResource(new ResourceEntry(path, origin(input, name), b, CodeRole.LIBRARY));
                }
            }
        }
    }

    String decodeXml(String input, String entry, byte[] bytes, ResourceNames names) {
        try {
            return AxmlDecoder.decode(bytes, names, chunkLimits());
        } catch (AxmlDecoder.DecodeException e) {
            walker.skip(input, entry, e.getMessage());
            return null;
        }
    }

    static List<String> rootDexNames(Set<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (ROOT_DEX.matcher(n).matches()) {
                out.add(n);
            }
        }
        out.sort(Comparator.comparingLong(AndroidInputReader::dexNumber).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    private static long dexNumber(String name) {
        Matcher m = Pattern.compile("(\\d+)\\.dex$").matcher(name);
        if (!m.find()) {
            return 1;
        }
        String d = m.group(1);
        return d.length() > 9 ? Long.MAX_VALUE : Long.parseLong(d);
    }

    static boolean isText(byte[] b) {
        int n = Math.min(b.length, 8192);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static String origin(String input, String name) {
        return input + "!/" + name;
    }

    // ---------------------------------------------------------------- DEX

    /**
     * Converts the classes of one DEX file.
     *
     * @param containerOrigin origin of the archive holding it ({@code app.apk}), or the DEX file itself
     * @param dexName         entry name of the DEX in the archive, or "" for a bare DEX input
     * @param allApp          true for a bare DEX: every class is app code unless app packages are given
     */
    void readDex(byte[] bytes, String input, String containerOrigin, String dexName, boolean classpath,
            Set<String> appPrefixes, boolean allApp) {
        String where = dexName;
        String problem = DexHeader.check(bytes);
        if (problem != null) {
            walker.skip(input, where, problem);
            return;
        }
        // the layout pre-check: nothing dex2jar allocates or loops over may exceed what the file holds
        DexLayout.Result layout = DexLayout.check(bytes);
        if (layout.fileProblem() != null) {
            walker.skip(input, where, layout.fileProblem());
            return;
        }
        java.util.Map<Integer, String> badClasses = layout.badClasses();
        DexConverter converter;
        try {
            converter = QuietOutput.quietly(() -> new DexConverter(bytes, limits.maxDexMethodInstructions(),
                    badClasses.keySet()));
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            walker.skip(input, where, "corrupt DEX file: " + Names.describe(e));
            return;
        } catch (OutOfMemoryError e) {
            walker.skip(input, where, SkippedInput.outOfMemory(input, where, "reading the DEX file").reason());
            return;
        }
        String dexOrigin = dexName.isEmpty() ? containerOrigin : containerOrigin + "!/" + dexName;
        for (int i = 0; i < converter.classCount(); i++) {
            String name = converter.className(i);
            boolean app = !classpath && name != null && isApp(name, appPrefixes, allApp);
            if (badClasses.containsKey(i)) {
                String at = (where.isEmpty() ? "" : where + "!/") + (name == null ? "#" + i : Names.printable(name) + ".class");
                walker.skip(input, at, badClasses.get(i) + "; not converted");
                continue;
            }
            DexConverter.Result r;
            try {
                int index = i;
                DexConverter c = converter;
                r = QuietOutput.quietly(() -> c.convert(index, app));
            } catch (OutOfMemoryError e) {
                // one class that takes the heap costs a problem line; the others are still converted
                String at = (where.isEmpty() ? "" : where + "!/") + (name == null ? "#" + i : Names.printable(name) + ".class");
                walker.skip(input, at, SkippedInput.outOfMemory(input, at, "converting this DEX class").reason());
                continue;
            }
            String known = r.internalName() != null ? r.internalName() : name;
            String clsWhere = (where.isEmpty() ? "" : where + "!/") + (known == null
                    ? "#" + i : Names.printable(known) + ".class");
            if (r.problem() != null) {
                walker.skip(input, clsWhere, r.problem());
                continue;
            }
            for (String note : r.notes()) {
                walker.skip(input, clsWhere, note);
            }
            String origin = dexOrigin + "!/" + r.internalName() + ".class";
            walker.emitAndroidClass(input, clsWhere, origin, r.bytes(), app ? CodeRole.APP : CodeRole.LIBRARY,
                    app ? null : dexOrigin);
        }
    }

    private static boolean isApp(String internalName, Set<String> prefixes, boolean allApp) {
        if (prefixes.isEmpty()) {
            return allApp;
        }
        int slash = internalName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : internalName.substring(0, slash);
        for (String p : prefixes) {
            if (pkg.equals(p) || pkg.startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- bare DEX, sniffing

    void readDexFile(Path file, String input, boolean classpath, Budget budget) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = BoundedReader.read(in, () -> -1, budget, true);
        } catch (LimitException e) {
            walker.skip(input, "", e.getMessage());
            return;
        } catch (IOException e) {
            walker.skip(input, "", "cannot read: " + Names.describe(e));
            return;
        }
        Set<String> prefixes = new java.util.LinkedHashSet<>(walker.appPrefixes());
        readDex(bytes, input, input, "", classpath, prefixes, true);
    }

    /** "apk", "aab" or "aar" for a zip that looks like one (by its entries), else null. */
    static String sniff(Path file) {
        try (ZipArchive z = ZipArchive.open(file)) {
            Set<String> names = new HashSet<>(ZipArchive.names(z));
            if (names.contains("AndroidManifest.xml") && names.contains("classes.dex")) {
                return "apk";
            }
            if (names.contains("base/manifest/AndroidManifest.xml")) {
                return "aab";
            }
            if (names.contains("AndroidManifest.xml") && names.contains("classes.jar")) {
                return "aar";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- AAB

    /** Top-level folders of a bundle that are not modules. */
    private static final Set<String> NOT_MODULES = Set.of("META-INF", "BUNDLE-METADATA");

    /**
     * Reads an Android App Bundle (bundletool layout). Every module ({@code base} first, then feature modules by
     * name) is read: its protobuf resource table, its protobuf manifest and {@code res/} XML (decoded to text XML
     * line-aligned like binary XML), its DEX files, assets and {@code root/} files (the APK's root). The base
     * module's files keep their APK names ({@code AndroidManifest.xml}, {@code res/xml/x.xml}); a feature module's
     * files too, unless the name is taken, then they are prefixed with the module name
     * ({@code feature/res/layout/main.xml}); a feature module's manifest is always {@code <module>/AndroidManifest.xml}
     * (the build merges its components into the base manifest) and the classes it names are app code. The resource
     * tables of all modules make one {@code android-resources.xml}. No signing is read: a bundle is signed with the
     * upload key only, and Play re-signs the APKs users install with the app signing key, so the bundle's
     * signature says nothing about them.
     */
    void readAab(Path file, String input, boolean classpath, Budget budget) {
        try (Archive a = new Archive(file, input, budget)) {
            CodeRole role = classpath ? CodeRole.LIBRARY : CodeRole.APP;
            List<String> modules = aabModules(a.entries.keySet());
            Map<String, List<String>> byModule = new LinkedHashMap<>(); // module → its entries, in archive order
            for (String m : modules) {
                byModule.put(m, new ArrayList<>());
            }
            for (String name : a.entries.keySet()) {
                int slash = name.indexOf('/');
                List<String> own = slash > 0 ? byModule.get(name.substring(0, slash)) : null;
                if (own != null) {
                    own.add(name);
                }
            }
            if (!modules.contains("base")) {
                walker.skip(input, "base/manifest/AndroidManifest.xml",
                        "no base module (base/manifest/AndroidManifest.xml) in the app bundle");
            }
            // 1. the resource name of every file that is kept
            Map<String, String> paths = new LinkedHashMap<>();
            Set<String> taken = new HashSet<>(Set.of("AndroidManifest.xml", "android-resources.xml"));
            for (String m : modules) {
                for (String name : byModule.get(m)) {
                    String rest = name.substring(m.length() + 1);
                    String path;
                    if (rest.equals("manifest/AndroidManifest.xml")) {
                        path = m.equals("base") ? "AndroidManifest.xml" : m + "/AndroidManifest.xml";
                        paths.put(name, path);
                        taken.add(path);
                        continue;
                    } else if (rest.startsWith("res/") || rest.startsWith("assets/")) {
                        path = rest;
                    } else if (rest.startsWith("root/")) {
                        path = rest.substring("root/".length());
                    } else {
                        continue; // dex/ (read below), resources.pb, lib/, assets.pb, native.pb...
                    }
                    if (!taken.add(path)) {
                        path = m + "/" + path;
                        taken.add(path);
                    }
                    paths.put(name, path);
                }
            }
            // 2. resource tables of all modules (their names decode the manifests' references)
            List<ResourceTableEntry> rows = new ArrayList<>();
            String tablePackage = null;
            boolean anyTable = false;
            for (String m : modules) {
                String entry = m + "/resources.pb";
                byte[] pb = a.read(entry, limits.maxResourceTableBytes(), "resource table");
                if (pb == null) {
                    continue;
                }
                int room = limits.maxEntries() - rows.size();
                if (room <= 0) {
                    walker.skip(input, entry, "more than " + limits.maxEntries()
                            + " resource entries in the bundle; not read");
                    continue;
                }
                try {
                    ArscDecoder.Table t = ResourcesPbDecoder.decode(pb, room);
                    for (String p : t.problems()) {
                        walker.skip(input, entry, p);
                    }
                    for (ResourceTableEntry r : t.entries()) {
                        String emitted = r.file() == null ? null : paths.get(m + "/" + r.file());
                        rows.add(emitted == null || emitted.equals(r.file()) ? r
                                : new ResourceTableEntry(r.type(), r.name(), r.id(), r.config(), null, emitted));
                    }
                    if (tablePackage == null) {
                        tablePackage = t.packageName();
                    }
                    anyTable = true;
                } catch (AxmlDecoder.DecodeException e) {
                    walker.skip(input, entry, e.getMessage());
                }
            }
            ResourceNames names = new ArscDecoder.Table(tablePackage, rows, List.of()).names();
            // 3. manifests: the base module's is the app's; features name more app classes
            ManifestInfo info = ManifestInfo.NONE;
            Set<String> manifestPrefixes = new LinkedHashSet<>();
            for (String m : modules) {
                String entry = m + "/manifest/AndroidManifest.xml";
                if (!a.entries.containsKey(entry)) {
                    if (!m.equals("base")) {
                        walker.skip(input, entry, "module '" + Names.printable(m)
                                + "' has no manifest; its code and resources are still read");
                    }
                    continue;
                }
                byte[] b = a.read(entry, limits.maxManifestBytes(), "AndroidManifest.xml");
                String text = b == null ? null : decodeProtoXml(input, entry, b, names);
                if (text == null) {
                    continue;
                }
                ManifestInfo mi = ManifestInfo.parse(text);
                if (m.equals("base")) {
                    info = mi;
                    minSdk = mi.minSdk();
                }
                manifestPrefixes.addAll(mi.appPrefixes());
                walker.emitResource(new ResourceEntry(paths.get(entry), origin(input, entry),
                        text.getBytes(StandardCharsets.UTF_8), role));
            }
            if (anyTable) {
                String pkg = info.packageName() != null ? info.packageName() : tablePackage;
                walker.emitResource(new ResourceEntry("android-resources.xml",
                        origin(input, modules.contains("base") ? "base/resources.pb" : modules.get(0) + "/resources.pb"),
                        ArscDecoder.toXml(pkg, rows).getBytes(StandardCharsets.UTF_8), role));
            }
            // 4. DEX files, module by module, in numeric order; without a readable base manifest, the package of
            //    the resource table (aapt2 names it after the manifest) still says which code is the app's
            if (info.packageName() == null && tablePackage != null && !tablePackage.isBlank()) {
                manifestPrefixes.add(tablePackage.trim().replace('.', '/'));
            }
            Set<String> prefixes = walker.androidAppPrefixes(manifestPrefixes);
            for (String m : modules) {
                String dir = m + "/dex/";
                Set<String> local = new LinkedHashSet<>();
                for (String name : byModule.get(m)) {
                    if (name.startsWith(dir)) {
                        local.add(name.substring(dir.length()));
                    }
                }
                for (String dex : rootDexNames(local)) {
                    byte[] bytes = a.read(dir + dex, 0, dir + dex);
                    if (bytes != null) {
                        readDex(bytes, input, input, dir + dex, classpath, prefixes, false);
                    }
                }
            }
            // 5. resource files, assets, root files
            for (Map.Entry<String, String> e : paths.entrySet()) {
                String name = e.getKey();
                String rest = name.substring(name.indexOf('/') + 1);
                if (!rest.equals("manifest/AndroidManifest.xml")) {
                    readBundleFile(a, input, role, names, name, rest, e.getValue());
                }
            }
        } catch (InputWalker.StopInput | InputWalker.ListenerFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            InputWalker.rethrowListener(e);
            walker.skip(input, "", "cannot read the app bundle as a zip archive: " + Names.describe(e));
        }
    }

    /** The modules of a bundle: base first, then the others by name. */
    static List<String> aabModules(Set<String> names) {
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        for (String n : names) {
            int slash = n.indexOf('/');
            if (slash <= 0) {
                continue;
            }
            String top = n.substring(0, slash);
            String rest = n.substring(slash + 1);
            if (!NOT_MODULES.contains(top) && (rest.equals("manifest/AndroidManifest.xml") || rest.startsWith("dex/")
                    || rest.equals("resources.pb"))) {
                found.add(top);
            }
        }
        List<String> out = new ArrayList<>();
        if (found.remove("base")) {
            out.add("base");
        }
        out.addAll(found);
        return out;
    }

    /** One file of a bundle module ({@code rest}: its path inside the module) kept as the resource {@code path}. */
    private void readBundleFile(Archive a, String input, CodeRole role, ResourceNames names, String name, String rest,
            String path) {
        if (rest.startsWith("res/raw/") || rest.startsWith("assets/")) {
            readTextAsset(a, input, role, name, path);
        } else if (rest.startsWith("res/") && rest.endsWith(".xml")) {
            byte[] b = a.read(name, limits.maxManifestBytes(), "protobuf XML resource");
            if (b == null) {
                return;
            }
            String text;
            if (looksLikeTextXml(b)) {
                String problem = TextXml.check(b, chunkLimits());
                if (problem != null) {
                    walker.skip(input, name, problem);
                    return;
                }
                text = new String(b, StandardCharsets.UTF_8);
            } else {
                text = decodeProtoXml(input, name, b, names);
            }
            if (text != null) {
                walker.emitResource(new ResourceEntry(path, origin(input, name),
                        text.getBytes(StandardCharsets.UTF_8), role));
            }
        } else if (rest.startsWith("root/")) {
            String p = rest.substring("root/".length());
            if (p.startsWith("META-INF/") && p.endsWith(".version")) {
                byte[] b = a.read(name, 4096, "version file");
                if (b != null) {
                    walker.emitResource(new ResourceEntry(path, origin(input, name), b, CodeRole.LIBRARY));
                }
            } else if (p.startsWith("META-INF/services/") && Names.isKeptResource(p)) {
                byte[] b = a.read(name, 0, "resource");
                if (b != null) {
                    walker.emitResource(new ResourceEntry(path, origin(input, name), b, CodeRole.LIBRARY));
                }
            } else if (!p.startsWith("META-INF/") && !p.startsWith("lib/") && Names.isKeptResource(p)) {
                byte[] b = a.read(name, 0, "resource");
                if (b != null) {
                    walker.emitResource(new ResourceEntry(path, origin(input, name), b, role));
                }
            }
        }
    }

    /** An asset or res/raw file, kept when it is text of at most 1 MiB (as in an APK). */
    private void readTextAsset(Archive a, String input, CodeRole role, String name, String path) {
        ZipArchiveEntry e = a.entries.get(name);
        if (e.getSize() > MAX_TEXT_ASSET) {
            return;
        }
        byte[] b = a.read(name, MAX_TEXT_ASSET, "asset");
        if (b != null && isText(b)) {
            walker.emitResource(new ResourceEntry(path, origin(input, name), b, role));
        }
    }

    /** True when the bytes start like text XML ({@code <}, after an optional UTF-8 byte order mark and spaces). */
    static boolean looksLikeTextXml(byte[] b) {
        int i = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < b.length && i < 1024 && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i < b.length && b[i] == '<' && isText(b);
    }

    String decodeProtoXml(String input, String entry, byte[] bytes, ResourceNames names) {
        try {
            return ProtoXmlDecoder.decode(bytes, names, chunkLimits());
        } catch (AxmlDecoder.DecodeException e) {
            walker.skip(input, entry, e.getMessage());
            return null;
        }
    }

    // ---------------------------------------------------------------- AAR

    /**
     * Reads an Android library (AAR) as the app: {@code classes.jar} is app code, {@code libs/*.jar} are bundled
     * libraries (as jars in a war's {@code WEB-INF/lib}), the text manifest and {@code res/} XML files are kept as
     * they are after a hardened parse (no DOCTYPE), {@code res/values*} are compiled into the same
     * {@code android-resources.xml} table an APK gives (with synthetic, stable ids), assets and res/raw text as in
     * an APK. proguard.txt, R.txt, public.txt, lint.jar, jni/ and the like are not read.
     */
    void readAar(Path file, String input, boolean classpath, Budget budget) {
        try (Archive a = new Archive(file, input, budget)) {
            CodeRole role = classpath ? CodeRole.LIBRARY : CodeRole.APP;
            ChunkCheck.Limits xml = chunkLimits();
            // 1. manifest
            String pkg = null;
            byte[] manifest = a.read("AndroidManifest.xml", limits.maxManifestBytes(), "AndroidManifest.xml");
            if (manifest == null && !a.entries.containsKey("AndroidManifest.xml")) {
                walker.skip(input, "AndroidManifest.xml", "no AndroidManifest.xml in the AAR");
            }
            if (manifest != null) {
                String problem = TextXml.check(manifest, xml);
                if (problem != null) {
                    walker.skip(input, "AndroidManifest.xml", problem);
                    manifest = null;
                } else {
                    pkg = ManifestInfo.parse(new String(manifest, StandardCharsets.UTF_8)).packageName();
                    walker.emitResource(new ResourceEntry("AndroidManifest.xml", origin(input, "AndroidManifest.xml"),
                            manifest, role));
                }
            }
            // 2. res/: values compiled into the table, XML files kept as they are, every file a table row
            ValuesTable table = new ValuesTable(pkg, limits.maxEntries());
            if (manifest != null) {
                table.addIds(manifest);
            }
            boolean anyRes = false;
            for (String name : a.entries.keySet()) {
                String[] tcn = name.startsWith("res/") ? ValuesTable.split(name) : null;
                if (tcn == null) {
                    continue;
                }
                anyRes = true;
                if (tcn[0].equals("values")) {
                    if (!name.endsWith(".xml")) {
                        continue;
                    }
                    byte[] b = a.read(name, limits.maxManifestBytes(), "values XML");
                    if (b == null) {
                        continue;
                    }
                    try {
                        table.addValues(name, TextXml.values(b, xml));
                    } catch (AxmlDecoder.DecodeException e) {
                        walker.skip(input, name, e.getMessage());
                    }
                } else if (name.endsWith(".xml") && !tcn[0].equals("raw")) {
                    byte[] b = a.read(name, limits.maxManifestBytes(), "XML resource");
                    if (b == null) {
                        continue;
                    }
                    String problem = TextXml.check(b, xml);
                    if (problem != null) {
                        walker.skip(input, name, problem);
                        continue;
                    }
                    table.addFile(name);
                    table.addIds(b);
                    walker.emitResource(new ResourceEntry(name, origin(input, name), b, role));
                } else {
                    table.addFile(name);
                }
            }
            for (String p : table.problems()) {
                walker.skip(input, "res/", p);
            }
            if (anyRes) {
                walker.emitResource(new ResourceEntry("android-resources.xml", origin(input, "res"),
                        ArscDecoder.toXml(pkg, table.rows()).getBytes(StandardCharsets.UTF_8), role));
            }
            // 3. code: classes.jar is the app (unless on the class path), libs/*.jar are libraries
            byte[] classes = a.read("classes.jar", 0, "classes.jar");
            if (classes != null) {
                walker.readAndroidJar(input, "classes.jar", classes, classpath,
                        classpath ? Names.fileName(input) : null, budget);
            }
            for (String name : a.entries.keySet()) {
                if (name.startsWith("libs/") && name.endsWith(".jar") && name.indexOf('/', 5) < 0) {
                    byte[] b = a.read(name, 0, "library jar");
                    if (b != null) {
                        walker.readAndroidJar(input, name, b, true, null, budget);
                    }
                }
            }
            // 4. assets and res/raw text
            for (String name : a.entries.keySet()) {
                if (name.startsWith("assets/") || name.startsWith("res/raw/")) {
                    readTextAsset(a, input, role, name, name);
                }
            }
        } catch (InputWalker.StopInput | InputWalker.ListenerFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            InputWalker.rethrowListener(e);
            walker.skip(input, "", "cannot read the AAR as a zip archive: " + Names.describe(e));
        }
    }

    // ---------------------------------------------------------------- signing

    void readSigning(Path file, String input) {
        dev.triage.intake.AndroidSigning s = dev.triage.intake.android.ApkSigningReader.read(file.toFile(), input, minSdk,
                (name, cap) -> signingEntry(file, name, cap));
        walker.emitSigning(s);
    }

    /**
     * An entry the signing reader asks for (the binary manifest, a v1 signature block), read through {@link ZipArchive}
     * within the input's limits and {@code cap}, with a budget of its own (the app's content has been read already);
     * null when absent, over a limit or corrupt, unreported: apksig reports the signature's problems itself.
     */
    private byte[] signingEntry(Path file, String name, int cap) {
        try (ZipArchive z = ZipArchive.open(file, limits.maxEntries())) {
            for (ZipArchiveEntry e : z.entries()) {
                if (!e.isDirectory() && e.getName().equals(name)) {
                    return z.read(e, new Budget(limits), cap, name, true);
                }
            }
            return null;
        } catch (IOException | LimitException | RuntimeException e) {
            return null;
        }
    }
}
