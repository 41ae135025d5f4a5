package dev.triage.analysis.value;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** Arithmetic on abstract values: constants folded where every input is known, labels carried otherwise. */
final class ConstantFolding {
    private ConstantFolding() {
    }

    static Value unary(Value v, Type result, java.util.function.Function<Object, Object> f) {
        if (v.constants() != null) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object c : v.constants()) {
                Object r = f.apply(c);
                if (r == null) return ConstantFolding.derive(result, v);
                out.add(r);
            }
            return new Value(result, result.getSize(), out, null, null, -1, v.labels(), v.origin());
        }
        return ConstantFolding.derive(result, v);
    }

    /** An unknown value of the given type that keeps the labels of its inputs. */
    static Value derive(Type type, Value... inputs) {
        Set<String> labels = Set.of();
        for (Value in : inputs) {
            if (in != null && !in.labels().isEmpty()) {
                Set<String> u = new TreeSet<>(labels);
                u.addAll(in.labels());
                labels = u;
            }
        }
        return new Value(type, type.getSize(), null, null, null, -1, labels, null);
    }

    /**
     * The result of an addition, multiplication or left shift: when not a known constant, its flow labels are marked
     * {@link Taint#ARITHMETIC} (the number may have wrapped around).
     */
    static Value mayOverflow(Value r) {
        if (r.isKnown() || r.labels().isEmpty()) return r;
        Set<String> marked = new TreeSet<>();
        boolean changed = false;
        for (String l : r.labels()) {
            if (Taint.isFlow(l) && !Taint.cleared(l).contains(Taint.ARITHMETIC)) {
                marked.add(Taint.sanitize(l, java.util.List.of(Taint.ARITHMETIC)));
                changed = true;
            } else {
                marked.add(l);
            }
        }
        return changed ? new Value(r.type(), r.getSize(), null, null, null, -1, java.util.Collections.unmodifiableSet(marked), null) : r;
    }

    /** An int operation: folded over the constants each side may hold (a few flags chosen by branches), else derived. */
    static Value intOperation(int op, Value a, Value b) {
        Integer x = a.singleInt();
        Integer y = b.singleInt();
        if ((x == null || y == null) && a.constants() != null && b.constants() != null
                && a.constants().size() * b.constants().size() <= Value.MAX_CONSTANTS) {
            // A few possible values on either side (flags chosen by a branch): every combination.
            Set<Object> out = new LinkedHashSet<>();
            for (Object ca : a.constants()) {
                for (Object cb : b.constants()) {
                    Integer r = ca instanceof Integer i && cb instanceof Integer j ? foldInt(op, i, j) : null;
                    if (r == null) return ConstantFolding.derive(Type.INT_TYPE, a, b);
                    out.add(r);
                }
            }
            return new Value(Type.INT_TYPE, 1, out, null, null, -1, java.util.Collections.unmodifiableSet(CallLabels.union(a, b)), a.origin());
        }
        if (x != null && y != null) {
            Integer r = foldInt(op, x, y);
            if (r != null) return Value.constant(Type.INT_TYPE, r, a.origin()).withLabels(CallLabels.union(a, b));
        }
        return ConstantFolding.derive(Type.INT_TYPE, a, b);
    }

    /** One int operation on constants; null when it would throw (division by zero). */
    private static Integer foldInt(int op, int x, int y) {
        return switch (op) {
            case Opcodes.IADD -> x + y;
            case Opcodes.ISUB -> x - y;
            case Opcodes.IMUL -> x * y;
            case Opcodes.IDIV -> y == 0 ? null : x / y;
            case Opcodes.IREM -> y == 0 ? null : x % y;
            case Opcodes.ISHL -> x << y;
            case Opcodes.ISHR -> x >> y;
            case Opcodes.IUSHR -> x >>> y;
            case Opcodes.IAND -> x & y;
            case Opcodes.IOR -> x | y;
            default -> x ^ y;
        };
    }
}
