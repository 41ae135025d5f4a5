package dev.triage.analysis;

import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.model.Position;
import dev.triage.analysis.value.ModelMatch;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A whole-program analysis: whether the app makes a call anywhere (in code the value analysis reaches), with
 * constant arguments and labels as a condition asks. Process-wide switches are set this way, once, wherever the app
 * starts: fastjson's safe mode on the global {@code ParserConfig} disables autoType for every parse, whatever a
 * single call asks. Each condition is answered once per scan.
 */
public final class AppCalls {
    public static final AnalysisId<AppCalls> ID = AnalysisId.of("app-calls", AppCalls::new);

    private final AnalysisContext context;
    private final Map<ArgumentRow.AppCall, Boolean> answers = new ConcurrentHashMap<>();

    private AppCalls(AnalysisContext context) {
        this.context = context;
    }

    /** Some app method makes a call of the condition's method whose arguments satisfy its constants and labels. */
    public boolean made(ArgumentRow.AppCall condition) {
        return answers.computeIfAbsent(condition, this::search);
    }

    private boolean search(ArgumentRow.AppCall c) {
        boolean[] found = {false};
        NamedCalls.forEachCaller(context.program(), context, Set.of(c.method().name()), (caller, frames, calls) -> {
            if (found[0]) return;
            for (MethodInsnNode mi : calls) {
                if (!ModelMatch.matches(c.method(), mi, context.program())) continue;
                boolean receiver = mi.getOpcode() != Opcodes.INVOKESTATIC;
                if (holds(c, i -> frames.argument(mi, mi.desc, receiver, i == Position.THIS ? -1 : i))) {
                    found[0] = true;
                    return;
                }
            }
        });
        return found[0];
    }

    private static boolean holds(ArgumentRow.AppCall c, java.util.function.IntFunction<Value> argument) {
        for (var w : c.when().entrySet()) {
            Value v = argument.apply(w.getKey());
            if (v == null || v.constants() == null || v.constants().isEmpty()) return false;
            Pattern p = Pattern.compile(w.getValue());
            // every constant the argument may hold: a switch set on one branch only is not set
            if (!v.constants().stream().allMatch(k -> p.matcher(String.valueOf(k)).matches())) return false;
        }
        for (var l : c.labelled().entrySet()) {
            Value v = argument.apply(l.getKey());
            if (v == null || !v.labels().contains(l.getValue())) return false;
        }
        return true;
    }
}
