package dev.triage.analysis.detect;

import dev.triage.analysis.value.ConstBytes;
import dev.triage.analysis.value.AbstractObject;
import dev.triage.analysis.value.Value;

/** Whether a value is data fixed by the code: a literal's bytes or chars, or an array only ever filled with constants. */
final class ConstantData {
    private ConstantData() {
    }

    /** A short description of the fixed data, or null when it is not fixed (or empty). */
    static String describe(Value v) {
        if (v == null) return null;
        if (v.constants() != null) {
            for (Object c : v.constants()) {
                if (c instanceof ConstBytes b) {
                    if (b.text().isEmpty()) return null;
                    return b.description();
                }
                if (c instanceof String s && v.type() != null && v.type().getSort() == org.objectweb.asm.Type.ARRAY) {
                    return s.isEmpty() ? null : "bytes decoded from the literal \"" + s + "\"";
                }
            }
        }
        AbstractObject o = v.object();
        if (o != null && "array".equals(o.kind()) && !o.escaped() && Boolean.TRUE.equals(o.get("const"))) {
            Object len = o.get("length");
            if (Integer.valueOf(0).equals(len)) return null;
            boolean anyElement = o.state().keySet().stream().anyMatch(k -> k.startsWith("e"));
            return anyElement ? "an array literal" : "an all-zero array" + (len != null ? " of " + len + " elements" : "");
        }
        return null;
    }
}
