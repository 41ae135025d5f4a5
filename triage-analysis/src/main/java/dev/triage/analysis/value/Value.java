package dev.triage.analysis.value;

import org.objectweb.asm.Type;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The abstract value of a stack slot or local variable: its type, the constants it may hold (a
 * small set; {@code null} means unknown), a known prefix for partly known strings, a text template for strings
 * joined from known and unknown parts (each unknown part a {@link #HOLE}), an abstract
 * object, the declared parameter it is (if it is one, unchanged), labels (such as
 * {@code predictable-random}) and where its constant came from.
 */
public final class Value implements org.objectweb.asm.tree.analysis.Value {
    /** Constants kept per value; more possibilities than this and the value is unknown. */
    public static final int MAX_CONSTANTS = 8;
    /** Marker for the null constant (sets cannot hold null). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Stands for one unknown part in a {@link #template()}. */
    public static final char HOLE = '\u0000';
    /** Unknown parts kept per template; a text joined from more is not templated. */
    public static final int MAX_HOLES = 8;

    public static final Value UNINITIALIZED = new Value(null, 1, null, null, null, -1, Set.of(), null);
    public static final Value UNKNOWN_WIDE = new Value(null, 2, null, null, null, -1, Set.of(), null);

    private final Type type;
    private final int size;
    private final Set<Object> constants;
    private final String prefix;
    private final AbstractObject obj;
    private final int param;
    private final Set<String> labels;
    private final Origin origin;
    private final String template;

    public Value(Type type, int size, Set<Object> constants, String prefix, AbstractObject obj, int param, Set<String> labels,
                 Origin origin) {
        this(type, size, constants, prefix, obj, param, labels, origin, null);
    }

    public Value(Type type, int size, Set<Object> constants, String prefix, AbstractObject obj, int param, Set<String> labels,
                 Origin origin, String template) {
        this.type = type;
        this.size = size;
        this.constants = constants == null ? null : Collections.unmodifiableSet(constants);
        this.prefix = prefix;
        this.obj = obj;
        this.param = param;
        this.labels = labels;
        this.origin = origin;
        this.template = constants != null ? null : template;
    }

    public static Value unknown(Type type) {
        if (type == null) return UNINITIALIZED;
        return new Value(type, type.getSize(), null, null, null, -1, Set.of(), null);
    }

    public static Value constant(Type type, Object c, Origin origin) {
        Set<Object> s = new LinkedHashSet<>();
        s.add(c == null ? NULL : c);
        String prefix = c instanceof String str ? str : null;
        return new Value(type, type.getSize(), s, prefix, null, -1, Set.of(), origin);
    }

    public static Value ofObject(Type type, AbstractObject obj) {
        return new Value(type, 1, null, null, obj, -1, Set.of(), null);
    }

    @Override
    public int getSize() { return size; }

    public Type type() { return type; }

    /** Possible constants, or null when unknown. */
    public Set<Object> constants() { return constants; }

    public boolean isKnown() { return constants != null; }

    /** The single string constant, or null. */
    public String singleString() {
        if (constants == null || constants.size() != 1) return null;
        Object c = constants.iterator().next();
        return c instanceof String s ? s : null;
    }

    /** All possible string constants, or null if unknown or any is not a string. */
    public Set<String> strings() {
        if (constants == null) return null;
        Set<String> out = new TreeSet<>();
        for (Object c : constants) {
            if (!(c instanceof String s)) return null;
            out.add(s);
        }
        return out;
    }

    /** The single int constant (booleans are ints on the JVM), or null. */
    public Integer singleInt() {
        if (constants == null || constants.size() != 1) return null;
        Object c = constants.iterator().next();
        return c instanceof Integer i ? i : null;
    }

    public String prefix() { return prefix; }

    /**
     * The text of a string joined from known and unknown parts, each unknown part a {@link #HOLE}
     * ({@code "id=" + token + "; Path=/"} is {@code "id=\u0000; Path=/"}), or null when not known that well.
     * Known strings have none: see {@link #constants()}.
     */
    public String template() { return template; }

    /** A string value's text as a template: its single constant, its template, or null. */
    public static String templateOf(Value v) {
        if (v == null) return null;
        String s = v.singleString();
        if (s != null) return s.indexOf(HOLE) >= 0 ? null : s;
        if (v.constants != null) return null;
        if (v.template != null) return v.template;
        return (v.prefix == null ? "" : v.prefix) + HOLE;
    }

    public Value withTemplate(String t) {
        return new Value(type, size, constants, prefix, obj, param, labels, origin, t);
    }

    public AbstractObject object() { return obj; }

    /** Declared parameter index (0-based, not counting {@code this}) this value is, or -1. */
    public int param() { return param; }

    public Set<String> labels() { return labels; }

    public boolean hasLabel(String label) { return labels.contains(label); }

    public Origin origin() { return origin; }

    public Value withType(Type t) {
        return new Value(t, t == null ? size : t.getSize(), constants, prefix, obj, param, labels, origin, template);
    }

    public Value withObject(AbstractObject o) {
        return new Value(type, size, constants, prefix, o, param, labels, origin, template);
    }

    public Value withLabels(Set<String> extra) {
        if (extra.isEmpty() || labels.containsAll(extra)) return this;
        Set<String> l = new TreeSet<>(labels);
        l.addAll(extra);
        return new Value(type, size, constants, prefix, obj, param, Collections.unmodifiableSet(l), origin, template);
    }

    public Value withOrigin(Origin o) {
        return new Value(type, size, constants, prefix, obj, param, labels, o, template);
    }

    public Value asParam(int index) {
        return new Value(type, size, constants, prefix, obj, index, labels, origin, template);
    }

    public Value withConstants(Set<Object> c, String newPrefix, Origin o) {
        return new Value(type, size, c, newPrefix, obj, -1, labels, o);
    }

    /** Join at a control-flow merge point. */
    public Value merge(Value w) {
        if (this.equals(w)) return this;
        if (w == null) return this;
        if (size != w.size) return size == 2 ? UNKNOWN_WIDE : UNINITIALIZED;
        Type t = Objects.equals(type, w.type) ? type : (type == null || w.type == null ? null : mergeType(type, w.type));
        Set<Object> c = null;
        if (constants != null && w.constants != null) {
            Set<Object> u = new LinkedHashSet<>(constants);
            u.addAll(w.constants);
            c = u.size() <= MAX_CONSTANTS ? u : null;
        }
        String p = commonPrefix(prefix, w.prefix);
        AbstractObject o = null;
        if (obj != null && w.obj != null && obj.site().equals(w.obj.site())) o = obj.merge(w.obj);
        int pa = param == w.param ? param : -1;
        Set<String> l = labels;
        if (!w.labels.isEmpty() && !labels.containsAll(w.labels)) {
            Set<String> u = new TreeSet<>(labels);
            u.addAll(w.labels);
            l = Collections.unmodifiableSet(u);
        }
        Origin org = origin != null ? origin : w.origin;
        return new Value(t, size, c, p, o, pa, l, org, Objects.equals(template, w.template) ? template : null);
    }

    private static Type mergeType(Type a, Type b) {
        if (a.getSort() == b.getSort() && a.getSort() != Type.OBJECT && a.getSort() != Type.ARRAY) return a;
        if ((a.getSort() == Type.OBJECT || a.getSort() == Type.ARRAY) && (b.getSort() == Type.OBJECT || b.getSort() == Type.ARRAY)) {
            return Type.getObjectType("java/lang/Object");
        }
        return a;
    }

    private static String commonPrefix(String a, String b) {
        if (a == null || b == null) return null;
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) n++;
        return n == 0 ? null : a.substring(0, n);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Value v)) return false;
        return size == v.size && param == v.param && Objects.equals(type, v.type) && Objects.equals(constants, v.constants)
                && Objects.equals(prefix, v.prefix) && Objects.equals(obj, v.obj) && labels.equals(v.labels)
                && Objects.equals(template, v.template);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, size, constants, prefix, obj, param, labels, template);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(type == null ? "?" : type.getDescriptor());
        if (constants != null) b.append(" =").append(constants);
        else if (prefix != null) b.append(" prefix=").append(prefix);
        if (obj != null) b.append(' ').append(obj);
        if (param >= 0) b.append(" param#").append(param);
        if (!labels.isEmpty()) b.append(' ').append(labels);
        return b.toString();
    }
}
