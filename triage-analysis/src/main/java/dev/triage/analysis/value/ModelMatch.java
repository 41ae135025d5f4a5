package dev.triage.analysis.value;

import dev.triage.analysis.model.MethodPattern;
import dev.triage.program.Program;
import org.objectweb.asm.tree.MethodInsnNode;

/** Whether a call matches a model row's method pattern, over the scanned program's class hierarchy. */
public final class ModelMatch {
    private ModelMatch() {
    }

    public static boolean matches(MethodPattern p, MethodInsnNode mi, Program program) {
        return matches(p, mi.owner, mi.name, mi.desc, program);
    }

    public static boolean matches(MethodPattern p, String owner, String name, String desc, Program program) {
        if (!p.name().equals(name) && !p.name().equals("*")) return false;
        if (!p.anyDescriptor() && !p.descriptor().equals(desc)) return false;
        if (p.anyOwner() || p.owner().equals(owner)) return true;
        if (!p.subtypes()) return false;
        if (program.isSubtype(owner, p.owner())) return true;
        // The library is not in the scan (not bundled, not on --classpath): a class of the same library
        // (same leading packages) with exactly this method is taken to implement the modelled type.
        return program.find(owner) == null && sameLibrary(owner, p.owner());
    }

    /** Both classes share their first three package segments (all of them, for shorter packages). */
    static boolean sameLibrary(String a, String b) {
        String[] pa = a.split("/");
        String[] pb = b.split("/");
        int packages = Math.min(pa.length, pb.length) - 1;
        int need = Math.min(3, packages);
        if (need < 1) return false;
        for (int i = 0; i < need; i++) if (!pa[i].equals(pb[i])) return false;
        return true;
    }
}
