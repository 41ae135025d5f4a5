package dev.triage.analysis.detect;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;
import java.util.Set;

/** What detectors that report a whole method (at its first line, by its annotations) read of a method. */
final class MethodAnnotations {
    private MethodAnnotations() {
    }

    /** The first annotation of these descriptors in the lists (visible, invisible), or null. */
    @SafeVarargs
    static AnnotationNode find(Set<String> descriptors, List<AnnotationNode>... lists) {
        for (List<AnnotationNode> l : lists) {
            if (l == null) continue;
            for (AnnotationNode a : l) if (descriptors.contains(a.desc)) return a;
        }
        return null;
    }

    /** The method's first source line, 0 without line numbers: where a finding about the whole method stands. */
    static int firstLine(MethodNode m) {
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof LineNumberNode ln) return ln.line;
        }
        return 0;
    }
}
