package dev.triage.analysis.value;

import dev.triage.analysis.model.ValueClassRow;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the interpreter knows of the JDK's value classes: String, StringBuilder/StringBuffer, boxing
 * and parsing, and reading configuration (Properties, ResourceBundle). Which classes and methods these are is data
 * (the {@code value-classes} rows of jdk-values.yml: a class and the kind of evaluation its calls get); what each kind
 * computes is the semantics of the Java platform itself, so it lives here, in code.
 */
final class JdkValueTransfer {
    private static final Type STRING = Type.getObjectType("java/lang/String");

    private JdkValueTransfer() {
    }

    /** A transfer stage: the value of a call on the platform's value classes, which the call is then understood as. */
    static void apply(Call c) {
        MethodInsnNode mi = c.insn;
        ValueClassRow row = c.interpreter.context().models().valueClass(mi.owner, mi.name, mi.desc,
                s -> c.interpreter.context().program().isSubtype(mi.owner, s));
        if (row == null) return;
        Value known = evaluate(c.interpreter, row.kind(), mi, c.receiver, c.args);
        if (known != null) {
            c.understood = true;
            if (c.result != null) c.result = known;
        }
        // a builder's mutation is understood even when its result is not known
        if (row.kind().equals("builder") && c.receiver != null) c.understood = true;
    }

    /** The value of a call we understand, or null. May queue updates of builder aliases. */
    private static Value evaluate(ValueInterpreter vi, String kind, MethodInsnNode mi, Value receiver, List<? extends Value> args) {
        Type ret = Type.getReturnType(mi.desc);
        return switch (kind) {
            case "builder" -> builder(vi, mi, receiver, args, ret);
            case "string" -> string(vi, mi, receiver, args, ret);
            case "box" -> boxing(mi, receiver, args, ret);
            case "property" -> args.isEmpty() ? null : property(vi, args, ret);
            default -> null;
        };
    }

    private static Value property(ValueInterpreter vi, List<? extends Value> args, Type ret) {
        String key = args.get(0).singleString();
        if (key == null) return null;
        Value fromFile = vi.context().property(key, ret);
        if (fromFile != null) return fromFile;
        if (args.size() > 1 && args.get(1).isKnown()) return args.get(1).withType(ret);
        return null;
    }

    private static Value builder(ValueInterpreter vi, MethodInsnNode mi, Value receiver, List<? extends Value> args, Type ret) {
        if (receiver == null || receiver.object() == null) {
            // A builder we did not see created: the result is unknown but carries labels.
            if (ret.getSort() == Type.VOID) return null;
            return labelled(Value.unknown(ret), receiver, args);
        }
        String site = receiver.object().site();
        switch (mi.name) {
            case "<init>": {
                Value content;
                if (args.isEmpty() || args.get(0).type() == Type.INT_TYPE) {
                    content = Value.constant(STRING, "", null);
                } else {
                    content = stringOf(args.get(0), args.get(0).type());
                }
                vi.addPending(new AliasUpdate(site, builderValue(receiver, content)));
                return null;
            }
            case "append": {
                Type argType = Type.getArgumentTypes(mi.desc).length == 1 ? Type.getArgumentTypes(mi.desc)[0] : null;
                Value current = contentOf(receiver);
                Value appended = argType == null ? Value.unknown(STRING) : stringOf(args.get(0), argType);
                Value next = concat2(current, appended, vi.maxString(), vi.mixingClears());
                Value nb = builderValue(receiver, next);
                vi.addPending(new AliasUpdate(site, nb));
                return nb;
            }
            case "toString": {
                Value c = contentOf(receiver);
                return c.withType(STRING);
            }
            case "length": {
                String s = contentOf(receiver).singleString();
                return s == null ? null : Value.constant(Type.INT_TYPE, s.length(), null);
            }
            default: {
                // insert, reverse, setLength, delete...: content no longer known; labels stay.
                Value unknown = labelled(Value.unknown(STRING), receiver, args);
                Value nb = builderValue(receiver, unknown);
                vi.addPending(new AliasUpdate(site, nb));
                if (ret.getSort() == Type.VOID) return null;
                return ret.getSort() == Type.OBJECT && vi.context().models().valueClassesOf("builder").contains(ret.getInternalName())
                        ? nb : labelled(Value.unknown(ret), receiver, args);
            }
        }
    }

    /** A builder's value carries its content as constants/prefix and the content's labels. */
    private static Value builderValue(Value builder, Value content) {
        return new Value(builder.type(), 1, content.constants(), content.prefix(), builder.object(), -1,
                content.labels(), content.origin(), content.template());
    }

    private static Value contentOf(Value builder) {
        return new Value(STRING, 1, builder.constants(), builder.prefix(), null, -1, builder.labels(), builder.origin(), builder.template());
    }

    private static Value labelled(Value v, Value receiver, List<? extends Value> args) {
        Set<String> l = new TreeSet<>();
        if (receiver != null) l.addAll(receiver.labels());
        for (Value a : args) l.addAll(a.labels());
        l.removeIf(x -> x.startsWith("@p") && false);
        return v.withLabels(l);
    }

    /** The string a value turns into when appended (String.valueOf semantics). */
    static Value stringOf(Value v, Type asType) {
        if (v.constants() == null) {
            boolean text = v.type() != null && v.type().equals(STRING);
            return new Value(STRING, 1, null, text ? v.prefix() : null, null, -1, v.labels(), v.origin(), text ? v.template() : null);
        }
        Set<Object> out = new LinkedHashSet<>();
        for (Object c : v.constants()) {
            String s = render(c, asType);
            if (s == null) return new Value(STRING, 1, null, null, null, -1, v.labels(), v.origin());
            out.add(s);
        }
        return new Value(STRING, 1, out, out.size() == 1 ? (String) out.iterator().next() : null, null, -1, v.labels(), v.origin());
    }

    private static String render(Object c, Type t) {
        if (c == Value.NULL) return "null";
        if (c instanceof ConstBytes) return null;
        if (t != null && t.getSort() == Type.BOOLEAN && c instanceof Integer i) return i != 0 ? "true" : "false";
        if (t != null && t.getSort() == Type.CHAR && c instanceof Integer i) return String.valueOf((char) (int) i);
        return String.valueOf(c);
    }

    /**
     * {@code a + b}. When both parts are non-empty, taint either carries is sanitized for the {@code mixClears} sink
     * kinds ({@code mixing-clears} in taint.yml): text joined with other text is no longer that text alone (a password
     * concatenated with a salt is a salted hash's input).
     */
    private static Value concat2(Value a, Value b, int max, List<String> mixClears) {
        Set<String> labels = new TreeSet<>(a.labels());
        labels.addAll(b.labels());
        if (!mixClears.isEmpty() && !labels.isEmpty() && !isEmptyText(a) && !isEmptyText(b)) {
            Set<String> mixed = new TreeSet<>();
            for (String l : labels) mixed.add(Taint.isFlow(l) ? Taint.sanitize(l, mixClears) : l);
            labels = mixed;
        }
        if (a.constants() != null && b.constants() != null) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object x : a.constants()) {
                for (Object y : b.constants()) {
                    String s = x + String.valueOf(y);
                    if (s.length() > max || out.size() >= Value.MAX_CONSTANTS) return prefixOnly(a, labels);
                    out.add(s);
                }
            }
            return new Value(STRING, 1, out, commonPrefix(out), null, -1, Set.copyOf(labels), a.origin() != null ? a.origin() : b.origin());
        }
        return prefixOnly(a, labels).withTemplate(joinedTemplate(a, b, max));
    }

    /** The template of {@code a + b} (known text with a hole per unknown part), or null. */
    private static String joinedTemplate(Value a, Value b, int max) {
        String ta = Value.templateOf(a);
        String tb = Value.templateOf(b);
        if (ta == null || tb == null || ta.length() + tb.length() > max) return null;
        String t = ta + tb;
        long holes = t.chars().filter(ch -> ch == Value.HOLE).count();
        return holes > Value.MAX_HOLES ? null : t;
    }

    /** The value is known to be the empty string (the start of every concatenation). */
    private static boolean isEmptyText(Value v) {
        return v.constants() != null && v.constants().size() == 1 && "".equals(v.constants().iterator().next());
    }

    private static Value prefixOnly(Value a, Set<String> labels) {
        String p = a.constants() != null ? commonPrefix(a.constants()) : a.prefix();
        return new Value(STRING, 1, null, p, null, -1, Set.copyOf(labels), a.origin());
    }

    private static String commonPrefix(Set<Object> values) {
        String p = null;
        for (Object o : values) {
            String s = String.valueOf(o);
            if (p == null) p = s;
            else {
                int n = 0;
                while (n < p.length() && n < s.length() && p.charAt(n) == s.charAt(n)) n++;
                p = p.substring(0, n);
            }
        }
        return p == null || p.isEmpty() ? null : p;
    }

    /** String concatenation by invokedynamic: the recipe's \1 are arguments, \2 bootstrap constants. */
    static Value concat(String recipe, Object[] bsmArgs, Type[] argTypes, List<? extends Value> args, Type string,
                        List<String> mixClears) {
        Value acc = Value.constant(string, "", null);
        StringBuilder lit = new StringBuilder();
        int argIndex = 0;
        int constIndex = 1;
        for (int i = 0; i < recipe.length(); i++) {
            char ch = recipe.charAt(i);
            if (ch == '\u0001' || ch == '\u0002') {
                if (lit.length() > 0) {
                    acc = concat2(acc, Value.constant(string, lit.toString(), null), 4096, mixClears);
                    lit.setLength(0);
                }
                Value part;
                if (ch == '\u0001') {
                    Type t = argIndex < argTypes.length ? argTypes[argIndex] : string;
                    part = argIndex < args.size() ? stringOf(args.get(argIndex), t) : Value.unknown(string);
                    argIndex++;
                } else {
                    Object c = constIndex < bsmArgs.length ? bsmArgs[constIndex] : null;
                    constIndex++;
                    part = Value.constant(string, String.valueOf(c), null);
                }
                acc = concat2(acc, part, 4096, mixClears);
            } else {
                lit.append(ch);
            }
        }
        if (lit.length() > 0) acc = concat2(acc, Value.constant(string, lit.toString(), null), 4096, mixClears);
        Origin o = null;
        for (Value a : args) if (a.origin() != null) { o = a.origin(); break; }
        return acc.withOrigin(o);
    }

    private static Value string(ValueInterpreter vi, MethodInsnNode mi, Value receiver, List<? extends Value> args, Type ret) {
        Set<String> labels = new TreeSet<>();
        if (receiver != null) labels.addAll(receiver.labels());
        for (Value a : args) labels.addAll(a.labels());
        if (mi.name.equals("<init>")) {
            // new String(x): the object is x's content.
            if (receiver != null && receiver.object() != null) {
                Value content = args.isEmpty() ? Value.constant(STRING, "", null)
                        : args.get(0).constants() != null && args.get(0).type() != null && args.get(0).type().equals(STRING)
                        ? args.get(0) : Value.unknown(STRING).withLabels(labels);
                vi.addPending(new AliasUpdate(receiver.object().site(),
                        new Value(STRING, 1, content.constants(), content.prefix(), null, -1, content.labels(), content.origin())));
            }
            return null;
        }
        if (mi.name.equals("valueOf") || mi.name.equals("copyValueOf")) {
            if (args.size() == 1) {
                Type t = Type.getArgumentTypes(mi.desc)[0];
                if (t.getSort() == Type.ARRAY) return Value.unknown(ret).withLabels(labels);
                return stringOf(args.get(0), t);
            }
        }
        if (mi.name.equals("format") || mi.name.equals("join")) return Value.unknown(ret).withLabels(labels);
        Set<String> recv = receiver == null ? null : receiver.strings();
        if (recv == null) {
            if (receiver != null && receiver.prefix() != null && ret.equals(STRING)
                    && (mi.name.equals("concat") || mi.name.equals("toString") || mi.name.equals("intern"))) {
                return new Value(STRING, 1, null, receiver.prefix(), null, -1, labels, receiver.origin());
            }
            if (ret.getSort() == Type.VOID) return null;
            // a length, an index, a hash or a comparison of a string is a number: untrusted text stops there (it
            // cannot carry an injection), sensitive data does not — as for every other call returning a number
            boolean number = ret.getSort() != Type.OBJECT && ret.getSort() != Type.ARRAY && ret.getSort() != Type.CHAR;
            return Value.unknown(ret).withLabels(number ? CallLabels.numbers(labels) : labels);
        }
        Set<Object> out = new LinkedHashSet<>();
        for (String s : recv) {
            Object r = applyString(s, mi, args);
            if (r == null) {
                if (ret.getSort() == Type.VOID) return null;
                return Value.unknown(ret).withLabels(labels);
            }
            out.add(r);
        }
        return new Value(ret, ret.getSize(), out, ret.equals(STRING) && out.size() == 1 ? (String) out.iterator().next() : null,
                null, -1, labels, receiver.origin());
    }

    private static Object applyString(String s, MethodInsnNode mi, List<? extends Value> args) {
        String a0 = args.size() > 0 ? args.get(0).singleString() : null;
        Integer i0 = args.size() > 0 ? args.get(0).singleInt() : null;
        Integer i1 = args.size() > 1 ? args.get(1).singleInt() : null;
        try {
            switch (mi.name) {
                case "toString": case "intern": return s;
                case "trim": return s.trim();
                case "strip": return s.strip();
                case "toUpperCase": return s.toUpperCase(Locale.ROOT);
                case "toLowerCase": return s.toLowerCase(Locale.ROOT);
                case "length": return s.length();
                case "isEmpty": return s.isEmpty() ? 1 : 0;
                case "isBlank": return s.isBlank() ? 1 : 0;
                case "concat": return a0 == null ? null : s + a0;
                case "equals": return a0 == null ? null : (s.equals(a0) ? 1 : 0);
                case "equalsIgnoreCase": return a0 == null ? null : (s.equalsIgnoreCase(a0) ? 1 : 0);
                case "startsWith": return a0 == null ? null : (s.startsWith(a0) ? 1 : 0);
                case "endsWith": return a0 == null ? null : (s.endsWith(a0) ? 1 : 0);
                case "contains": return a0 == null ? null : (s.contains(a0) ? 1 : 0);
                case "hashCode": return s.hashCode();
                case "charAt": return i0 == null ? null : (int) s.charAt(i0);
                case "indexOf": return a0 != null ? s.indexOf(a0) : i0 != null && args.size() == 1 ? s.indexOf(i0) : null;
                case "substring":
                    if (args.size() == 1 && i0 != null) return s.substring(i0);
                    if (args.size() == 2 && i0 != null && i1 != null) return s.substring(i0, i1);
                    return null;
                case "replace": {
                    if (args.size() != 2) return null;
                    String a1 = args.get(1).singleString();
                    if (a0 != null && a1 != null) return s.replace(a0, a1);
                    if (i0 != null && i1 != null) return s.replace((char) (int) i0, (char) (int) i1);
                    return null;
                }
                case "getBytes": return new ConstBytes("bytes of \"" + s + "\"", s);
                case "toCharArray": return new ConstBytes("chars of \"" + s + "\"", s);
                default: return null;
            }
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Value boxing(MethodInsnNode mi, Value receiver, List<? extends Value> args, Type ret) {
        Set<String> labels = new TreeSet<>();
        if (receiver != null) labels.addAll(receiver.labels());
        for (Value a : args) labels.addAll(a.labels());
        Value in = mi.getOpcode() == org.objectweb.asm.Opcodes.INVOKESTATIC ? (args.isEmpty() ? null : args.get(0)) : receiver;
        if (ret.getSort() == Type.VOID) return null;
        if (in != null && in.constants() != null && in.constants().size() == 1) {
            Object c = in.constants().iterator().next();
            Object r = null;
            try {
                switch (mi.name) {
                    case "valueOf": case "intValue": case "longValue": case "booleanValue":
                        if (c instanceof String s) {
                            r = mi.owner.equals("java/lang/Boolean") ? (Boolean.parseBoolean(s) ? 1 : 0)
                                    : mi.owner.equals("java/lang/Long") ? (Object) Long.parseLong(s.trim()) : (Object) Integer.parseInt(s.trim());
                        } else {
                            r = c;
                        }
                        break;
                    case "parseInt": r = c instanceof String s ? Integer.parseInt(s.trim()) : null; break;
                    case "parseLong": r = c instanceof String s ? Long.parseLong(s.trim()) : null; break;
                    case "parseBoolean": r = c instanceof String s ? (Boolean.parseBoolean(s) ? 1 : 0) : null; break;
                    case "toString":
                        Type t = args.isEmpty() ? null : Type.getArgumentTypes(mi.desc)[0];
                        r = mi.owner.equals("java/lang/Boolean") && c instanceof Integer i ? String.valueOf(i != 0) : String.valueOf(c);
                        if (t != null && t.getSort() == Type.CHAR && c instanceof Integer i) r = String.valueOf((char) (int) i);
                        break;
                    default: r = null;
                }
            } catch (RuntimeException e) {
                r = null;
            }
            if (r != null) {
                if (ret.getSort() == Type.LONG && r instanceof Integer i) r = (long) i;
                if ((ret.getSort() == Type.INT || ret.getSort() == Type.BOOLEAN) && r instanceof Long l) r = (int) (long) l;
                return Value.constant(ret, r, in.origin()).withLabels(labels);
            }
        }
        return Value.unknown(ret).withLabels(labels);
    }
}
