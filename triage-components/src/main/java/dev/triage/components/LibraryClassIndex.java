package dev.triage.components;

import dev.triage.intake.ClassEntry;
import dev.triage.intake.CodeRole;
import dev.triage.intake.IntakeListener;
import dev.triage.intake.LibraryArchive;
import dev.triage.intake.ResourceEntry;
import dev.triage.intake.SkippedInput;
import org.objectweb.asm.ClassReader;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Listens to intake beside the program builder and keeps what reachability needs and the program
 * model drops: which classes each library archive holds, and which packages each library's classes
 * refer to (class constants of their constant pools). Costs a constant-pool walk per library class
 * and a few strings per class; library code is never kept.
 */
public final class LibraryClassIndex implements IntakeListener {
    private final Map<String, Set<String>> classesByLibrary = new HashMap<>();
    private final Map<String, Set<String>> packageRefsByLibrary = new HashMap<>();
    private final Map<String, Set<String>> librariesByPackage = new HashMap<>();

    @Override
    public synchronized void onClass(ClassEntry entry) {
        if (entry.role() != CodeRole.LIBRARY || entry.library() == null) return;
        String lib = entry.library();
        classesByLibrary.computeIfAbsent(lib, k -> new HashSet<>()).add(entry.internalName());
        librariesByPackage.computeIfAbsent(packageOf(entry.internalName()), k -> new HashSet<>()).add(lib);
        Set<String> refs = packageRefsByLibrary.computeIfAbsent(lib, k -> new HashSet<>());
        try {
            ClassReader r = new ClassReader(entry.bytes());
            char[] buf = new char[r.getMaxStringLength()];
            for (String c : classConstants(r, buf)) refs.add(packageOf(c));
        } catch (RuntimeException e) {
            // a malformed constant pool: intake and the program model report it; nothing to index
        }
    }

    @Override public void onResource(ResourceEntry entry) { }
    @Override public void onLibrary(LibraryArchive library) { }
    @Override public void onSkipped(SkippedInput skipped) { }

    /** Internal names of the classes in a library archive (by its origin). */
    public synchronized Set<String> classes(String libraryOrigin) {
        return Collections.unmodifiableSet(classesByLibrary.getOrDefault(libraryOrigin, Set.of()));
    }

    /** Packages (slashed) that a library's classes refer to. */
    public synchronized Set<String> packageRefs(String libraryOrigin) {
        return Collections.unmodifiableSet(packageRefsByLibrary.getOrDefault(libraryOrigin, Set.of()));
    }

    /** Library origins holding classes of a package. */
    public synchronized Set<String> librariesOfPackage(String pkg) {
        return librariesByPackage.getOrDefault(pkg, Set.of());
    }

    /** Class names referenced from a class file's constant pool (class constants). */
    static Set<String> classConstants(ClassReader r, char[] buf) {
        Set<String> out = new HashSet<>();
        for (int i = 1; i < r.getItemCount(); i++) {
            int off = r.getItem(i);
            if (off == 0) continue;
            if (r.b[off - 1] == 7) { // CONSTANT_Class
                String name = r.readUTF8(off, buf);
                if (name == null) continue;
                addType(name, out);
            }
        }
        return out;
    }

    private static void addType(String name, Set<String> out) {
        String n = name;
        if (n.startsWith("[")) {
            int l = n.indexOf('L');
            if (l < 0 || !n.endsWith(";")) return;
            n = n.substring(l + 1, n.length() - 1);
        }
        out.add(n);
    }

    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }
}
