package dev.triage.analysis.value;

import dev.triage.analysis.model.Position;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Small rules the transfer stages share about labels, constants and model positions. */
final class CallLabels {
    private CallLabels() {
    }

    /** Each condition: the argument is a single constant whose text matches the pattern (the receiver is checked apart). */
    static boolean conditionsHold(Map<Integer, String> when, List<? extends Value> args) {
        for (Map.Entry<Integer, String> c : when.entrySet()) {
            if (c.getKey() < 0) continue; // the receiver: checked by the caller
            if (c.getKey() >= args.size()) return false;
            if (!holds(c.getValue(), args.get(c.getKey()))) return false;
        }
        return true;
    }

    /** The value is a single constant whose text matches the pattern in full. */
    static boolean holds(String pattern, Value v) {
        if (v.constants() == null || v.constants().size() != 1) return false;
        return Pattern.compile(pattern).matcher(String.valueOf(v.constants().iterator().next())).matches();
    }

    /** The values at model positions: argument indexes, the receiver ({@code this}), or all of them ({@code any}). */
    static List<Value> valuesAt(List<Integer> positions, Value receiver, List<? extends Value> args) {
        List<Value> out = new ArrayList<>();
        for (int f : positions) {
            if (f == Integer.MIN_VALUE) {
                if (receiver != null) out.add(receiver);
                out.addAll(args);
            } else if (f == Position.THIS) {
                if (receiver != null) out.add(receiver);
            } else if (f >= 0 && f < args.size()) {
                out.add(args.get(f));
            }
        }
        return out;
    }

    /** Flow labels as a number computed from them carries them ({@link Taint#NUMBER}). */
    static Set<String> numbers(Set<String> labels) {
        Set<String> out = new TreeSet<>();
        for (String l : labels) out.add(Taint.isFlow(l) ? Taint.sanitize(l, List.of(Taint.NUMBER)) : l);
        return out;
    }

    /** Types whose values carry data computed from their inputs: numbers, text, bytes and chars. */
    static boolean carriesData(Type t) {
        return switch (t.getSort()) {
            case Type.INT, Type.LONG, Type.FLOAT, Type.DOUBLE, Type.SHORT, Type.BYTE, Type.CHAR -> true;
            case Type.ARRAY -> t.getElementType().getSort() == Type.BYTE || t.getElementType().getSort() == Type.CHAR;
            case Type.OBJECT -> t.getInternalName().equals("java/lang/String") || t.getInternalName().equals("java/lang/CharSequence");
            default -> false;
        };
    }

    /** A fact recorded from an argument: its single constant, or UNKNOWN. */
    static Object fact(Value v) {
        if (v == null || v.constants() == null || v.constants().size() != 1) return AbstractObject.UNKNOWN;
        Object c = v.constants().iterator().next();
        return c == Value.NULL ? AbstractObject.UNKNOWN : c;
    }

    static Set<String> union(Value... vs) {
        Set<String> u = new TreeSet<>();
        for (Value v : vs) if (v != null) u.addAll(v.labels());
        return u;
    }
}
