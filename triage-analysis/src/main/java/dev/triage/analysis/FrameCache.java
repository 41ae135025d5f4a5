package dev.triage.analysis;

import dev.triage.analysis.value.ComponentExposure;
import dev.triage.analysis.value.PruningAnalyzer;
import dev.triage.analysis.value.Value;
import dev.triage.analysis.value.ValueContext;
import dev.triage.analysis.value.ValueInterpreter;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * App code as the analyses read it: parsed classes and the value analysis of methods (their frames), each kept in a
 * bounded least-recently-used cache so that memory stays bounded on large apps. Thread-safe.
 */
final class FrameCache {
    private final AnalysisContext context;
    private final Program program;
    private final Map<String, ClassNode> classes = Collections.synchronizedMap(lru(256));
    private final Map<MethodAtDepth, Optional<MethodFrames>> frames = Collections.synchronizedMap(lru(2048));

    FrameCache(AnalysisContext context) {
        this.context = context;
        this.program = context.program();
    }

    ClassNode classNode(String internalName) {
        ClassNode n = classes.get(internalName);
        if (n == null) {
            n = program.readCode(internalName);
            if (n != null) classes.put(internalName, n);
        }
        return n;
    }

    /** Frames of an app method, cached; empty when it has no code or cannot be analysed. */
    Optional<MethodFrames> frames(MethodRef ref, int depth) {
        // Keyed by depth too: deeper analyses follow fewer helpers, and a result must not depend on
        // which thread asked first (determinism).
        MethodAtDepth key = new MethodAtDepth(ref, depth);
        Optional<MethodFrames> f = frames.get(key);
        if (f != null) return f;
        ClassNode c = classNode(ref.owner());
        MethodNode m = c == null ? null : AnalysisContext.findMethod(c, ref.name(), ref.descriptor());
        f = m == null ? Optional.empty() : Optional.ofNullable(analyse(c, m, depth, context.exposure()));
        frames.put(key, f);
        return f;
    }

    /** Runs the value analysis over one method (not cached). Null (with a problem recorded) when it cannot. */
    MethodFrames analyse(ClassNode c, MethodNode m, int depth, ComponentExposure exposure) {
        if (m.instructions.size() == 0) return null;
        if (m.instructions.size() > AnalysisContext.MAX_INSTRUCTIONS) {
            context.problem(c.name.replace('/', '.') + "." + m.name + ": " + m.instructions.size()
                    + " instructions exceed the per-method limit " + AnalysisContext.MAX_INSTRUCTIONS + "; not analysed");
            return null;
        }
        ValueInterpreter vi = new ValueInterpreter(context, exposure, c, m, depth);
        try {
            Frame<Value>[] f = PruningAnalyzer.analyze(c.name, m, vi);
            return new MethodFrames(c, m, f, vi);
        } catch (AnalyzerException | RuntimeException e) {
            if (e instanceof ValueContext.DeadlineExceeded be) throw be;
            context.problem(c.name.replace('/', '.') + "." + m.name + m.desc + ": analysis failed: " + e.getMessage());
            return null;
        }
    }

    private static <K, V> Map<K, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> e) {
                return size() > max;
            }
        };
    }
}
