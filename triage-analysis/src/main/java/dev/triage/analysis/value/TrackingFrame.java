package dev.triage.analysis.value;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * A frame that, after each instruction, applies the interpreter's pending updates of abstract
 * objects to every alias in locals and stack: {@code cookie.setSecure(true)} changes the object
 * all copies of the reference point at, not just the popped receiver.
 */
public final class TrackingFrame extends Frame<Value> {
    public TrackingFrame(int numLocals, int maxStack) {
        super(numLocals, maxStack);
    }

    public TrackingFrame(Frame<? extends Value> frame) {
        super(frame);
    }

    @Override
    public void execute(AbstractInsnNode insn, Interpreter<Value> interpreter) throws AnalyzerException {
        ValueInterpreter vi = (ValueInterpreter) interpreter;
        vi.clearPending();
        super.execute(insn, interpreter);
        for (AliasUpdate u : vi.pending()) {
            for (int i = 0; i < getLocals(); i++) {
                Value v = getLocal(i);
                if (u.matches(v)) setLocal(i, u.apply(v));
            }
            for (int i = 0; i < getStackSize(); i++) {
                Value v = getStack(i);
                if (u.matches(v)) setStack(i, u.apply(v));
            }
        }
        for (ValueInterpreter.Clean c : vi.cleans()) {
            for (int i = 0; i < getLocals(); i++) {
                if (GuardTransfer.holds(getLocal(i), c.value())) setLocal(i, GuardTransfer.cleaned(getLocal(i), c.clears()));
            }
            for (int i = 0; i < getStackSize(); i++) {
                if (GuardTransfer.holds(getStack(i), c.value())) setStack(i, GuardTransfer.cleaned(getStack(i), c.clears()));
            }
        }
        vi.recordChanges(insn);
        vi.clearPending();
    }
}
