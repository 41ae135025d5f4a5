package dev.triage.intake.internal;

import dev.triage.intake.ClassEntry;
import dev.triage.intake.CodeRole;
import dev.triage.intake.IntakeLimits;
import dev.triage.intake.IntakeListener;
import dev.triage.intake.JarRole;
import dev.triage.intake.IntakeOptions;
import dev.triage.intake.LibraryArchive;
import dev.triage.intake.ResourceEntry;
import dev.triage.intake.SkippedInput;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * The intake walk behind {@link dev.triage.intake.ArtifactReader}. One instance per
 * {@code read} call; not thread-safe. Never loads scanned code: class bytes are only parsed by ASM's
 * {@code ClassReader} header check.
 */
public final class InputWalker {
    private enum Kind { DIR, JAR, WAR, EAR }

    private static final Pattern LIBRARY_DIRECTORY =
            Pattern.compile("<(?:[\\w-]+:)?library-directory\\s*(/>|>([^<]*)<)");

    private final IntakeOptions options;
    private final IntakeLimits limits;
    private final IntakeListener listener;
    private final List<String> appPrefixes = new ArrayList<>();
    private long newest;

    /** Aborts the rest of one top-level input after it has been reported. */
    static final class StopInput extends RuntimeException {
        StopInput() {
            super(null, null, false, false);
        }
    }

    /** An exception thrown by the listener: a caller bug, never reported as bad input. */
    static final class ListenerFailure extends RuntimeException {
        ListenerFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /** Where we are: one archive or directory being read. */
    private static final class Ctx {
        final String input;
        final String origin;      // origin of the container (archive or directory)
        final String entryPrefix; // entry path of the container inside the input, "" at top level
        final Kind kind;
        final CodeRole role;
        final String library;     // library origin for library content, else null
        final int depth;
        final Budget budget;
        int classCount;
        Set<String> losers;
        final Set<String> seen = new HashSet<>();
        String earLibDir = "lib";
        /** For a war, an ear or a Spring Boot jar read as the app: what decides which nested jars are app code. */
        AppJars.App app;

        Ctx(String input, String origin, String entryPrefix, Kind kind, CodeRole role, String library, int depth,
                Budget budget) {
            this.input = input;
            this.origin = origin;
            this.entryPrefix = entryPrefix;
            this.kind = kind;
            this.role = role;
            this.library = library;
            this.depth = depth;
            this.budget = budget;
        }

        String where(String name) {
            return entryPrefix.isEmpty() ? name : entryPrefix + (kind == Kind.DIR ? "/" : "!/") + name;
        }

        String originOf(String name) {
            return origin + (kind == Kind.DIR ? "/" : "!/") + name;
        }
    }

    @FunctionalInterface
    private interface EntryReader {
        byte[] read(boolean keep) throws IOException, LimitException;
    }

    public InputWalker(IntakeOptions options, IntakeListener listener) {
        this.options = options;
        this.limits = options.limits();
        this.listener = listener;
        for (String p : options.appPackages()) {
            String s = p.trim().replace('.', '/');
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            appPrefixes.add(s);
        }
    }

    public void run(List<Path> inputs) {
        for (Path p : inputs) {
            top(p, false);
        }
        for (Path p : options.classpath()) {
            top(p, true);
        }
        call(() -> listener.onNewestEntryTime(newest));
    }

    // ---------------------------------------------------------------- top level

    private void top(Path path, boolean classpath) {
        String input = path.toString();
        Budget budget = new Budget(limits);
        try {
            readTop(path, input, classpath, budget);
        } catch (StopInput e) {
            // already reported
        } catch (ListenerFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            skip(input, "", "unexpected error while reading: " + Names.describe(e));
        } catch (OutOfMemoryError e) {
            // what was read before stays in the scan; the other inputs are still read
            SkippedInput s = SkippedInput.outOfMemory(input, "", "reading this input");
            call(() -> listener.onSkipped(s));
        }
    }

    private void readTop(Path path, String input, boolean classpath, Budget budget) {
        CodeRole role = classpath ? CodeRole.LIBRARY : CodeRole.APP;
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            skip(input, "", "no such file or directory");
            return;
        }
        if (Files.isDirectory(path)) {
            Ctx ctx = new Ctx(input, input, "", Kind.DIR, role, classpath ? input : null, 0, budget);
            readDirectory(path, path, ctx);
            return;
        }
        if (!Files.isRegularFile(path)) {
            skip(input, "", "not a regular file");
            return;
        }
        long size;
        try {
            size = Files.size(path);
            noteTime(Files.getLastModifiedTime(path).toMillis());
        } catch (IOException e) {
            skip(input, "", "cannot read: " + Names.describe(e));
            return;
        }
        if (size == 0) {
            skip(input, "", "empty file");
            return;
        }
        String ext = Names.extension(path.getFileName() == null ? input : path.getFileName().toString());
        Kind kind = archiveKind(ext);
        if (readAndroid(path, input, ext, classpath, budget)) {
            return;
        }
        if (!ext.equals("class") && kind == null) {
            int magic = readMagic(path);
            if (magic == 0xCAFEBABE) {
                ext = "class";
            } else if ((magic >>> 16) == 0x504B) {
                kind = Kind.JAR;
            } else {
                skip(input, "", "unsupported input type (expected a directory, .class, .jar, .war, .ear, .apk, .aab, .aar or .dex file)");
                return;
            }
        }
        if (ext.equals("class")) {
            Ctx ctx = new Ctx(input, input, "", Kind.DIR, role, classpath ? input : null, 0, budget);
            readClassFile(path, ctx, "", input);
            return;
        }
        Ctx ctx = new Ctx(input, input, "", kind, role, classpath ? input : null, 0, budget);
        readArchiveFile(path, ctx);
        if (classpath) {
            emitFileLibrary(path, ctx, input);
        }
    }

    /** Reads an APK, AAB, AAR or DEX input; false when the input is not one of those. */
    private boolean readAndroid(Path path, String input, String ext, boolean classpath, Budget budget) {
        AndroidInputReader android = new AndroidInputReader(this, limits);
        int magic = readMagic(path);
        boolean zip = (magic >>> 16) == 0x504B;
        boolean dexMagic = magic == 0x6465780A; // "dex\n"
        switch (ext) {
            case "apk", "apks", "xapk" -> {
                if (!zip) {
                    skip(input, "", String.format("not an APK (not a zip archive; starts with 0x%08X)", magic));
                    return true;
                }
                android.readApk(path, input, classpath, budget);
                if (ext.equals("apk") && !classpath) {
                    android.readSigning(path, input);
                }
                return true;
            }
            case "aab" -> {
                if (!zip) {
                    skip(input, "", String.format("not an app bundle (not a zip archive; starts with 0x%08X)", magic));
                    return true;
                }
                android.readAab(path, input, classpath, budget);
                return true;
            }
            case "aar" -> {
                if (!zip) {
                    skip(input, "", String.format("not an AAR (not a zip archive; starts with 0x%08X)", magic));
                    return true;
                }
                android.readAar(path, input, classpath, budget);
                return true;
            }
            case "dex" -> {
                android.readDexFile(path, input, classpath, budget);
                return true;
            }
            default -> {
                if (dexMagic) {
                    android.readDexFile(path, input, classpath, budget);
                    return true;
                }
                if (zip && archiveKind(ext) == null && !ext.equals("class")) {
                    String kind = AndroidInputReader.sniff(path);
                    if (kind != null) {
                        return readAndroid(path, input, kind, classpath, budget);
                    }
                }
                return false;
            }
        }
    }

    private static Kind archiveKind(String ext) {
        switch (ext) {
            case "jar", "zip":
                return Kind.JAR;
            case "war":
                return Kind.WAR;
            case "ear":
                return Kind.EAR;
            default:
                return null;
        }
    }

    // ---------------------------------------------------------------- directories

    private void readDirectory(Path root, Path dir, Ctx ctx) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path c : ds) {
                children.add(c);
                if (children.size() > limits.maxEntries()) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            skip(ctx.input, rel(root, dir), "cannot list directory: " + Names.describe(e));
            return;
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            String rel = rel(root, child);
            try {
                ctx.budget.countEntry();
            } catch (LimitException e) {
                skip(ctx.input, rel, e.getMessage());
                throw new StopInput();
            }
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                readDirectory(root, child, ctx);
                continue;
            }
            String ext = Names.extension(rel);
            Kind kind = archiveKind(ext);
            boolean isClass = ext.equals("class");
            boolean isResource = Names.isKeptResource(rel);
            if (!isClass && !isResource && kind == null) {
                continue; // not something intake keeps
            }
            if (!Files.isRegularFile(child)) {
                skip(ctx.input, rel, Files.isSymbolicLink(child) && !Files.exists(child)
                        ? "dangling symbolic link" : "not a regular file");
                continue;
            }
            try {
                noteTime(Files.getLastModifiedTime(child).toMillis());
            } catch (IOException ignored) {
                // time is only metadata
            }
            String origin = ctx.originOf(rel);
            if (isClass) {
                readClassFile(child, ctx, rel, origin);
            } else if (isResource) {
                try {
                    byte[] bytes = readFile(child, ctx.budget);
                    emitResource(new ResourceEntry(rel, origin, bytes, ctx.role));
                } catch (LimitException e) {
                    skip(ctx.input, rel, e.getMessage());
                    if (e.wholeInput) {
                        throw new StopInput();
                    }
                } catch (IOException | RuntimeException e) {
                    rethrowListener(e);
                    skip(ctx.input, rel, "cannot read file: " + Names.describe(e));
                }
            } else {
                // a jar lying in an application directory is a library
                Ctx lib = new Ctx(ctx.input, origin, rel, kind, CodeRole.LIBRARY, origin, 0, ctx.budget);
                readArchiveFile(child, lib);
                emitFileLibrary(child, lib, rel);
            }
        }
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    private void readClassFile(Path file, Ctx ctx, String where, String origin) {
        byte[] bytes;
        try {
            bytes = readFile(file, ctx.budget);
        } catch (LimitException e) {
            skip(ctx.input, where, e.getMessage());
            if (e.wholeInput) {
                throw new StopInput();
            }
            return;
        } catch (IOException | RuntimeException e) {
            skip(ctx.input, where, "cannot read file: " + Names.describe(e));
            return;
        }
        emitClass(ctx, where, origin, bytes);
    }

    private static byte[] readFile(Path file, Budget budget) throws IOException, LimitException {
        try (InputStream in = Files.newInputStream(file)) {
            return BoundedReader.read(in, () -> -1, budget, true);
        }
    }

    private static int readMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length < 4 ? 0 : magic(b);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static int magic(byte[] b) {
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    // ---------------------------------------------------------------- archives

    private void readArchiveFile(Path file, Ctx ctx) {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            skip(ctx.input, ctx.entryPrefix, "cannot read: " + Names.describe(e));
            return;
        }
        if (length == 0) {
            skip(ctx.input, ctx.entryPrefix, "empty file");
            return;
        }
        ZipArchive zip;
        try {
            zip = ZipArchive.open(file, limits.maxEntries());
        } catch (IOException | RuntimeException e) {
            int magic = readMagic(file);
            if ((magic >>> 16) != 0x504B) {
                skip(ctx.input, ctx.entryPrefix, String.format("not a zip archive (starts with 0x%08X; %s)",
                        magic, Names.describe(e)));
                return;
            }
            try (InputStream in = Files.newInputStream(file)) {
                salvage(in, ctx, listingRefused(e, ctx));
            } catch (IOException io) {
                skip(ctx.input, ctx.entryPrefix, "cannot read: " + Names.describe(io));
            }
            return;
        }
        readArchive(zip, ctx);
    }

    private void readArchiveBytes(byte[] data, Ctx ctx) {
        if (data.length == 0) {
            skip(ctx.input, ctx.entryPrefix, "empty archive");
            return;
        }
        if (data.length < 4 || (magic(data) >>> 16) != 0x504B) {
            skip(ctx.input, ctx.entryPrefix, String.format("not a zip archive (starts with 0x%08X)",
                    data.length < 4 ? 0 : magic(data)));
            return;
        }
        ZipArchive zip;
        try {
            zip = ZipArchive.open(data, limits.maxEntries());
        } catch (IOException | RuntimeException e) {
            salvage(new ByteArrayInputStream(data), ctx, listingRefused(e, ctx));
            return;
        }
        readArchive(zip, ctx);
    }

    /**
     * The reason an archive's directory was not used, for {@link #salvage}; null (and a problem line now) when it lists
     * more entries than the limit: then its entries are streamed up to the limit, and that line says why.
     */
    private String listingRefused(Exception e, Ctx ctx) {
        if (e instanceof ZipArchive.TooManyListed) {
            skip(ctx.input, ctx.entryPrefix, e.getMessage() + "; its entries are read by streaming, up to the limit");
            return null;
        }
        return Names.describe(e);
    }

    /** Reads every entry of an archive opened through its central directory. */
    private void readArchive(ZipArchive zip, Ctx ctx) {
        try (zip) {
            List<ZipArchiveEntry> entries = zip.entries();
            if (entries.size() > limits.maxEntries()) {
                entries = entries.subList(0, limits.maxEntries() + 1); // the budget reports the one too many
            }
            List<String> names = new ArrayList<>(entries.size());
            for (ZipArchiveEntry e : entries) {
                names.add(e.getName());
            }
            ctx.losers = MultiRelease.losers(names);
            ctx.app = appSignature(zip, ctx, names);
            if (ctx.kind == Kind.EAR) {
                for (ZipArchiveEntry app : entries) {
                    if (app.getName().equals("META-INF/application.xml")) {
                        try {
                            Budget small = new Budget(new IntakeLimits(1, 1 << 20, 1 << 20,
                                    limits.maxCompressionRatio(), limits.ratioGraceBytes(), 0));
                            parseLibraryDirectory(ctx, zip.read(app, small, 1 << 20, "application.xml", true));
                        } catch (IOException | LimitException | RuntimeException ignored) {
                            // the entry is reported when the walk reaches it
                        }
                        break;
                    }
                }
            }
            for (ZipArchiveEntry e : entries) {
                handleEntry(ctx, e.getName(), e.getTime(), keep -> zip.read(e, ctx.budget, 0, "entry", keep), false);
            }
        } catch (IOException | RuntimeException e) {
            rethrowListener(e);
            skip(ctx.input, ctx.entryPrefix, "truncated or corrupt archive: " + Names.describe(e));
        }
    }

    /**
     * Streams an archive whose central directory cannot be read, salvaging the entries before any damage.
     *
     * @param openProblem why the directory could not be read (top-level salvage, reported), or null
     */
    private void salvage(InputStream raw, Ctx ctx, String openProblem) {
        String[] last = {null};
        int[] read = {0};
        boolean whole;
        try {
            whole = ZipArchive.salvage(raw, ctx.budget, (name, time, bytes) -> {
                read[0]++;
                return handleEntry(ctx, name, time, keep -> bytes.read(0, "entry", keep), true);
            }, last);
        } catch (LimitException ex) {
            // an entry the visitor did not read, discarded past a limit
            skip(ctx.input, ctx.where(Names.printable(last[0] == null ? "" : last[0])), ex.getMessage()
                    + (ex.wholeInput ? "" : "; the rest of this archive is skipped"));
            if (ex.wholeInput) {
                throw new StopInput();
            }
            return;
        } catch (IOException | RuntimeException ex) {
            rethrowListener(ex);
            skip(ctx.input, ctx.entryPrefix, "truncated or corrupt archive"
                    + (last[0] == null ? "" : " after entry " + Names.printable(last[0])) + ": "
                    + Names.describe(ex) + salvaged(read[0]));
            return;
        }
        if (whole && openProblem != null) {
            skip(ctx.input, ctx.entryPrefix, "corrupt archive directory (" + openProblem + "); "
                    + read[0] + " entries read by streaming");
        }
    }

    private static String salvaged(int read) {
        return read <= 0 ? "" : " (" + read + " entries before it were read)";
    }

    // ---------------------------------------------------------------- entries

    /** @return false when the rest of a streamed archive must be abandoned */
    private boolean handleEntry(Ctx ctx, String name, long time, EntryReader reader, boolean streaming) {
        String where = ctx.where(Names.printable(name));
        try {
            ctx.budget.countEntry();
        } catch (LimitException e) {
            skip(ctx.input, where, e.getMessage());
            throw new StopInput();
        }
        String unsafe = Names.unsafeReason(name);
        if (unsafe != null) {
            skip(ctx.input, where, "unsafe entry name '" + Names.printable(name) + "' (" + unsafe
                    + "; zip-slip), not read");
            return true;
        }
        if (name.endsWith("/")) {
            return true;
        }
        noteTime(time);
        try {
            return dispatch(ctx, name, where, reader);
        } catch (LimitException e) {
            if (e.wholeInput) {
                skip(ctx.input, where, e.getMessage());
                throw new StopInput();
            }
            skip(ctx.input, where, e.getMessage() + (streaming ? "; the rest of this archive is skipped" : ""));
            return !streaming;
        } catch (ZipArchive.CorruptEntryException e) {
            skip(ctx.input, where, e.getMessage());
            return !streaming;
        } catch (IOException | RuntimeException e) {
            rethrowListener(e);
            skip(ctx.input, where, "truncated or corrupt archive: " + Names.describe(e));
            return !streaming;
        }
    }

    private boolean dispatch(Ctx ctx, String name, String where, EntryReader reader)
            throws IOException, LimitException {
        String ext = Names.extension(name);
        Kind nested = archiveKind(ext);
        if (nested != null && !ext.equals("zip")) {
            boolean library = true;
            if (ctx.kind == Kind.EAR) {
                library = ext.equals("jar") && !ctx.earLibDir.isEmpty() && name.startsWith(ctx.earLibDir + "/");
            }
            readNested(ctx, name, where, reader, nested, library);
            return true;
        }
        String path = name;
        CodeRole role = ctx.role;
        boolean underClasses = false;
        if (ctx.kind == Kind.WAR && name.startsWith("WEB-INF/classes/")) {
            path = name.substring("WEB-INF/classes/".length());
            underClasses = true;
        } else if (ctx.kind == Kind.JAR && name.startsWith("BOOT-INF/classes/")) {
            path = name.substring("BOOT-INF/classes/".length());
            underClasses = true;
        }
        if (ext.equals("class")) {
            int v = MultiRelease.version(path);
            if (v != 0) {
                if (v < 0 || v > MultiRelease.TARGET) {
                    return true;
                }
                path = MultiRelease.logical(path);
            }
            if (path.equals("module-info.class") || (ctx.losers != null && ctx.losers.contains(name))) {
                return true;
            }
            if (!ctx.seen.add(path)) {
                return true; // another copy of the same class in this archive was already read
            }
            if (!underClasses && ctx.kind != Kind.DIR && path.startsWith("org/springframework/boot/loader/")) {
                role = CodeRole.LIBRARY; // the Spring Boot launcher, not the app
            } else if (ctx.kind == Kind.WAR && !underClasses && path.startsWith("WEB-INF/")) {
                return true; // not on the web app's class path
            }
            byte[] bytes = reader.read(true);
            emitClass(ctx, where, ctx.originOf(name), bytes, role);
            return true;
        }
        if (Names.isKeptResource(name)) {
            if (MultiRelease.version(path) != 0) {
                return true;
            }
            byte[] bytes = reader.read(true);
            if (ctx.kind == Kind.EAR && name.equals("META-INF/application.xml")) {
                parseLibraryDirectory(ctx, bytes);
            }
            emitResource(new ResourceEntry(path, ctx.originOf(name), bytes, role));
        }
        return true;
    }

    /**
     * The app signature of a war, an ear or a Spring Boot jar read as the app, for deciding which of its nested jars
     * are app code; null elsewhere, and when {@code --app-packages} decides instead.
     */
    private AppJars.App appSignature(ZipArchive zip, Ctx ctx, List<String> names) {
        if (!appPrefixes.isEmpty() || ctx.role != CodeRole.APP || ctx.library != null) {
            return null;
        }
        String classes;
        if (ctx.kind == Kind.WAR) {
            classes = "WEB-INF/classes/";
        } else if (ctx.kind == Kind.EAR) {
            classes = "";
        } else if (ctx.kind == Kind.JAR && ctx.depth == 0 && names.stream().anyMatch(n -> n.startsWith("BOOT-INF/"))) {
            classes = "BOOT-INF/classes/";
        } else {
            return null;
        }
        return AppJars.app(names, classes, n -> small(zip, n));
    }

    /** A small metadata entry (pom.properties) by name, or null when absent, too large or unreadable. */
    private byte[] small(ZipArchive zip, String name) {
        for (ZipArchiveEntry e : zip.entries()) {
            if (!e.getName().equals(name)) continue;
            try {
                Budget budget = new Budget(new IntakeLimits(1, 64 << 10, 64 << 10,
                        limits.maxCompressionRatio(), limits.ratioGraceBytes(), 0));
                return zip.read(e, budget, 64 << 10, "pom.properties", true);
            } catch (IOException | LimitException | RuntimeException ex) {
                return null;
            }
        }
        return null;
    }

    private void readNested(Ctx ctx, String name, String where, EntryReader reader, Kind kind, boolean library)
            throws IOException, LimitException {
        int depth = ctx.depth + 1;
        if (depth > limits.maxNestingDepth()) {
            skip(ctx.input, where, "archive nested " + depth + " levels deep exceeds the limit of "
                    + limits.maxNestingDepth() + "; not read");
            return;
        }
        byte[] data = reader.read(true);
        String origin = ctx.originOf(name);
        if (library && ctx.app != null && kind == Kind.JAR && data.length >= 4 && (magic(data) >>> 16) == 0x504B) {
            ZipArchive zip = null;
            try {
                zip = ZipArchive.open(data, limits.maxEntries());
            } catch (IOException | RuntimeException e) {
                // read as a library below, where the damage is reported
            }
            if (zip != null) {
                List<String> names = new ArrayList<>();
                for (ZipArchiveEntry e : zip.entries()) {
                    names.add(e.getName());
                }
                ZipArchive z = zip;
                AppJars.Verdict v = AppJars.decide(ctx.app, Names.fileName(name), names, n -> small(z, n));
                String path = where;
                call(() -> listener.onJarRole(new JarRole(path, origin, v.app(), v.reason())));
                CodeRole role = v.app() ? CodeRole.APP : CodeRole.LIBRARY;
                Ctx child = new Ctx(ctx.input, origin, where, kind, role, v.app() ? ctx.library : origin, depth, ctx.budget);
                readArchive(zip, child);
                // the app's own modules stay in the inventory too: a published module can carry advisories of its own
                emitLibrary(new LibraryArchive(Names.fileName(name), origin, data.length,
                        hex("SHA-1", data), hex("SHA-256", data), child.classCount));
                return;
            }
        }
        CodeRole role = library ? CodeRole.LIBRARY : ctx.role;
        Ctx child = new Ctx(ctx.input, origin, where, kind, role, library ? origin : ctx.library, depth, ctx.budget);
        readArchiveBytes(data, child);
        if (library) {
            emitLibrary(new LibraryArchive(Names.fileName(name), origin, data.length,
                    hex("SHA-1", data), hex("SHA-256", data), child.classCount));
        }
    }

    /**
     * A jar held by an Android archive (an AAR's {@code classes.jar} or {@code libs/*.jar}), read like a jar nested
     * one level deep in a war: app code, or library code reported as a {@link LibraryArchive}.
     *
     * @param libraryName the library's file name (null: the entry's own)
     */
    void readAndroidJar(String input, String name, byte[] data, boolean library, String libraryName, Budget budget) {
        String origin = input + "!/" + name;
        if (limits.maxNestingDepth() < 1) {
            skip(input, name, "archive nested 1 levels deep exceeds the limit of " + limits.maxNestingDepth()
                    + "; not read");
            return;
        }
        CodeRole role = library ? CodeRole.LIBRARY : CodeRole.APP;
        Ctx ctx = new Ctx(input, origin, name, Kind.JAR, role, library ? origin : null, 1, budget);
        readArchiveBytes(data, ctx);
        if (library) {
            emitLibrary(new LibraryArchive(libraryName != null ? libraryName : Names.fileName(name), origin,
                    data.length, hex("SHA-1", data), hex("SHA-256", data), ctx.classCount));
        }
    }

    private void parseLibraryDirectory(Ctx ctx, byte[] xml) {
        String s = new String(xml, StandardCharsets.UTF_8);
        Matcher m = LIBRARY_DIRECTORY.matcher(s);
        if (m.find()) {
            String dir = m.group(2) == null ? "" : m.group(2).trim();
            while (dir.startsWith("/")) {
                dir = dir.substring(1);
            }
            while (dir.endsWith("/")) {
                dir = dir.substring(0, dir.length() - 1);
            }
            ctx.earLibDir = dir;
        }
    }

    // ---------------------------------------------------------------- emission

    private void emitClass(Ctx ctx, String where, String origin, byte[] bytes) {
        emitClass(ctx, where, origin, bytes, ctx.role);
    }

    private void emitClass(Ctx ctx, String where, String origin, byte[] bytes, CodeRole containerRole) {
        ClassCheck.Result r = ClassCheck.check(bytes);
        if (r.problem() != null) {
            skip(ctx.input, where, r.problem());
            return;
        }
        CodeRole role = roleOf(r.internalName(), containerRole);
        String library = role == CodeRole.APP ? null : (ctx.library != null ? ctx.library : ctx.origin);
        ctx.classCount++;
        call(() -> listener.onClass(new ClassEntry(r.internalName(), bytes, role, origin, library)));
    }

    /** A class converted from DEX: checked like any class file, role decided by the Android reader. */
    void emitAndroidClass(String input, String where, String origin, byte[] bytes, CodeRole role, String library) {
        ClassCheck.Result r = ClassCheck.check(bytes);
        if (r.problem() != null) {
            skip(input, where, r.problem());
            return;
        }
        call(() -> listener.onClass(new ClassEntry(r.internalName(), bytes, role, origin, library)));
    }

    void emitSigning(dev.triage.intake.AndroidSigning s) {
        call(() -> listener.onAndroidSigning(s));
    }

    /** App packages of an Android app: those named by its manifest plus --app-packages. */
    Set<String> androidAppPrefixes(Set<String> fromManifest) {
        Set<String> out = new java.util.LinkedHashSet<>(fromManifest);
        out.addAll(appPrefixes);
        return out;
    }

    /** --app-packages, slashed. */
    List<String> appPrefixes() {
        return appPrefixes;
    }

    private CodeRole roleOf(String internalName, CodeRole containerRole) {
        if (appPrefixes.isEmpty()) {
            return containerRole;
        }
        int slash = internalName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : internalName.substring(0, slash);
        for (String p : appPrefixes) {
            if (pkg.startsWith(p)) {
                return CodeRole.APP;
            }
        }
        return CodeRole.LIBRARY;
    }

    void emitResource(ResourceEntry r) {
        call(() -> listener.onResource(r));
    }

    private void emitLibrary(LibraryArchive a) {
        call(() -> listener.onLibrary(a));
    }

    private void emitFileLibrary(Path file, Ctx ctx, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            long size = 0;
            int n;
            while ((n = in.read(buf)) != -1) {
                sha1.update(buf, 0, n);
                sha256.update(buf, 0, n);
                size += n;
            }
            LibraryArchive a = new LibraryArchive(Names.fileName(name.isEmpty() ? file.toString() : name),
                    ctx.origin, size, HexFormat.of().formatHex(sha1.digest()),
                    HexFormat.of().formatHex(sha256.digest()), ctx.classCount);
            emitLibrary(a);
        } catch (IOException | NoSuchAlgorithmException e) {
            skip(ctx.input, ctx.entryPrefix, "cannot read: " + Names.describe(e));
        }
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void skip(String input, String entry, String reason) {
        SkippedInput s = new SkippedInput(input, entry == null ? "" : entry, reason);
        call(() -> listener.onSkipped(s));
    }

    void noteTime(long t) {
        if (t > newest) {
            newest = t;
        }
    }

    private static void call(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            throw new ListenerFailure(e);
        }
    }

    static void rethrowListener(Exception e) {
        if (e instanceof ListenerFailure lf) {
            throw lf;
        }
        if (e instanceof StopInput s) {
            throw s;
        }
    }
}
