package dev.triage.analysis.value;

import dev.triage.program.CallGraph;
import dev.triage.program.MethodInfo;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.List;

/** The app methods a call may run, as the value analysis and the taint summaries resolve them. */
public final class CallTargets {
    private CallTargets() {
    }

    /**
     * App methods a call may reach: when the receiver was allocated in view, exactly its class's
     * implementation; otherwise every class-hierarchy target.
     */
    public static List<MethodRef> targets(Program program, MethodInsnNode mi, Value receiver) {
        int op = mi.getOpcode();
        if ((op == Opcodes.INVOKEVIRTUAL || op == Opcodes.INVOKEINTERFACE) && receiver != null && receiver.object() != null
                && receiver.object().get("new") instanceof String exact && program.isApp(exact)) {
            MethodInfo m = program.resolveMethod(exact, mi.name, mi.desc);
            if (m != null && program.isApp(m.owner()) && !m.isAbstract()) return List.of(m.ref());
        }
        return CallGraph.resolve(program, op, mi.owner, mi.name, mi.desc);
    }

    /**
     * A call on a library type (a JDK functional interface, {@code Runnable}) whose receiver is an object of an app
     * class made in view: the app's implementation runs.
     */
    public static boolean appReceiver(Program program, MethodInsnNode mi, Value receiver) {
        int op = mi.getOpcode();
        return (op == Opcodes.INVOKEVIRTUAL || op == Opcodes.INVOKEINTERFACE) && receiver != null && receiver.object() != null
                && receiver.object().get("new") instanceof String exact && program.isApp(exact);
    }
}
