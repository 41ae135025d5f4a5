package dev.triage.analysis.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.Position;
import dev.triage.program.ClassInfo;
import dev.triage.program.MethodInfo;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.IntFunction;

/**
 * Reflection with constant names, taken as the call it names: a class looked up by a constant name
 * ({@code Class.forName("a.B")}, the table {@code reflective-class-lookups}), by a class literal of an app class, or as
 * an object's class ({@code getClass()}, {@code reflective-class-of}: the class the object was made from, else its
 * declared app class), a method of it looked up by a constant name ({@code getMethod("m", ...)}, or a constructor,
 * {@code reflective-method-lookups}), and that method invoked ({@code Method.invoke(obj, args)},
 * {@code Constructor.newInstance(args)}, {@code reflective-invocations}) run the app methods of that name (and, when
 * the argument array's length is known, that many parameters) in the class or its app superclasses, with the
 * invocation's target object as receiver (none for a constructor) and the array's elements (by constant index) as
 * arguments. The looked-up class and method are objects of kinds {@link #CLASS} and {@link #METHOD} in the value
 * analysis; a name that is not one constant, or a class outside the app, is not followed. Nothing is loaded. A field
 * looked up by a constant name ({@code getDeclaredField("f")}, {@code reflective-field-lookups}: an object of kind
 * {@link #FIELD}) is read by {@code Field.get} ({@code reflective-field-reads}) as the field itself is, and written by
 * {@code Field.set} ({@code reflective-field-writes}, the value at {@code value}) as a store into it (FieldLabels).
 */
public final class ReflectiveCalls {
    public static final String CLASS = "reflected-class";
    public static final String METHOD = "reflected-method";
    public static final String FIELD = "reflected-field";
    private static final Map<Models, ReflectiveCalls> BY_MODELS = Collections.synchronizedMap(new WeakHashMap<>());

    /** A row; {@code method}: the method name every lookup of the row gives (a constructor's), else null. */
    private record Row(String owner, String name, String desc, int nameArg, int targetArg, int argumentsArg, String method,
                       int valueArg) {
    }

    /** A field looked up by constant names, as a read or write of it names it ({@code valueArg}: what a write stores). */
    public record FieldAccess(String owner, String name, String descriptor, boolean isStatic, int targetArg, int valueArg) {
    }

    /** No target object: a constructor's invocation. */
    private static final int NO_TARGET = -2;

    private final List<Row> classLookups = new ArrayList<>();
    private final List<Row> classOf = new ArrayList<>();
    private final List<Row> fieldLookups = new ArrayList<>();
    private final List<Row> fieldReads = new ArrayList<>();
    private final List<Row> fieldWrites = new ArrayList<>();
    private final List<Row> methodLookups = new ArrayList<>();
    private final List<Row> invocations = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    private ReflectiveCalls(Models m) {
        this.models = new java.lang.ref.WeakReference<>(m);
        read(m, "reflective-class-lookups", classLookups);
        read(m, "reflective-class-of", classOf);
        read(m, "reflective-field-lookups", fieldLookups);
        read(m, "reflective-field-reads", fieldReads);
        read(m, "reflective-field-writes", fieldWrites);
        read(m, "reflective-method-lookups", methodLookups);
        read(m, "reflective-invocations", invocations);
    }

    /** The last models asked for (asked per call instruction: a scan has one set of models). */
    private static volatile ReflectiveCalls last;
    private final java.lang.ref.WeakReference<Models> models;

    /** The tables of these models, read once. */
    public static ReflectiveCalls of(Models m) {
        ReflectiveCalls l = last;
        if (l != null && l.models.get() == m) return l;
        l = BY_MODELS.computeIfAbsent(m, ReflectiveCalls::new);
        last = l;
        return l;
    }

    private void read(Models m, String table, List<Row> out) {
        JsonNode t = m.tables.get(table);
        if (t == null) return;
        for (JsonNode r : t) {
            String call = r.get("call").asText();
            int dot = call.indexOf('.');
            int paren = call.indexOf('(');
            out.add(new Row(call.substring(0, dot), call.substring(dot + 1, paren), call.substring(paren),
                    r.path("name").asInt(-1), r.has("target") ? r.path("target").asInt(-1) : NO_TARGET,
                    r.path("arguments").asInt(-1), r.has("method") ? r.get("method").asText() : null, r.path("value").asInt(-1)));
            names.add(call.substring(dot + 1, paren));
        }
    }

    /** Whether a call of this name may be one of the reflective calls (a cheap first test). */
    public boolean mayBe(String methodName) {
        return names.contains(methodName);
    }

    /** Method names of the invocation rows ({@code invoke}). */
    public Set<String> invocationNames() {
        Set<String> out = new HashSet<>();
        invocations.forEach(r -> out.add(r.name()));
        return out;
    }

    private static Row row(List<Row> rows, MethodInsnNode mi, Program program) {
        for (Row r : rows) {
            if (r.name().equals(mi.name) && r.desc().equals(mi.desc) && program.isSubtype(mi.owner, r.owner())) return r;
        }
        return null;
    }

    /**
     * The object a lookup call returns: a class by its constant name, or a method of a looked-up class by its constant
     * name; null for other calls or names that are not single constants (a class literal is not followed).
     */
    Value lookup(MethodInsnNode mi, Value receiver, List<? extends Value> args, Type returnType, String site, Program program) {
        Row c = row(classLookups, mi, program);
        if (c != null) {
            String name = single(c.nameArg() < args.size() ? args.get(c.nameArg()) : null);
            if (name == null) return null;
            Map<String, Object> state = new HashMap<>();
            state.put("class", name.replace('.', '/'));
            return Value.ofObject(returnType, new AbstractObject(site, CLASS, state, false));
        }
        Row of = row(classOf, mi, program);
        if (of != null) {
            String cls = receiver == null ? null : madeFrom(receiver, program);
            return cls == null ? null : classObject(cls, returnType, site);
        }
        Row fl = row(fieldLookups, mi, program);
        if (fl != null) {
            String cls = receiver == null ? null : className(receiver);
            String name = single(fl.nameArg() >= 0 && fl.nameArg() < args.size() ? args.get(fl.nameArg()) : null);
            dev.triage.program.FieldInfo f = cls == null || name == null ? null : findField(program, cls, name);
            if (f == null) return null;
            Map<String, Object> state = new HashMap<>();
            state.put("class", f.owner());
            state.put("field", f.name());
            state.put("descriptor", f.descriptor());
            state.put("static", f.isStatic());
            return Value.ofObject(returnType, new AbstractObject(site, FIELD, state, false));
        }
        Row m = row(methodLookups, mi, program);
        if (m == null || receiver == null) return null;
        String cls = className(receiver);
        String name = m.method() != null ? m.method() : m.nameArg() < 0 ? null
                : single(m.nameArg() < args.size() ? args.get(m.nameArg()) : null);
        if (cls == null || name == null) return null;
        Map<String, Object> state = new HashMap<>();
        state.put("class", cls);
        state.put("method", name);
        return Value.ofObject(returnType, new AbstractObject(site, METHOD, state, false));
    }

    /** The field of this name an app class declares or inherits from an app superclass, or null. */
    private static dev.triage.program.FieldInfo findField(Program program, String cls, String name) {
        Set<String> seen = new HashSet<>();
        for (String c = cls; c != null && program.isApp(c) && seen.add(c); ) {
            ClassInfo info = program.find(c);
            if (info == null) return null;
            for (dev.triage.program.FieldInfo f : info.fields()) if (f.name().equals(name)) return f;
            c = info.superName();
        }
        return null;
    }

    /** The field a read call ({@code Field.get}) reads, when the field was looked up by constant names; else null. */
    public FieldAccess fieldRead(MethodInsnNode mi, Value field, Program program) {
        return fieldAccess(row(fieldReads, mi, program), field);
    }

    /** The field a write call ({@code Field.set}) writes, when the field was looked up by constant names; else null. */
    public FieldAccess fieldWrite(MethodInsnNode mi, Value field, Program program) {
        return fieldAccess(row(fieldWrites, mi, program), field);
    }

    /** Owners and names of the write calls (a cheap first test over call sites). */
    public boolean mayWriteField(String owner, String name) {
        for (Row r : fieldWrites) if (r.owner().equals(owner) && r.name().equals(name)) return true;
        return false;
    }

    private static FieldAccess fieldAccess(Row r, Value field) {
        if (r == null || field == null || field.object() == null || !FIELD.equals(field.object().kind())) return null;
        AbstractObject o = field.object();
        if (!(o.get("class") instanceof String c) || !(o.get("field") instanceof String n) || !(o.get("descriptor") instanceof String d)) {
            return null;
        }
        return new FieldAccess(c, n, d, Boolean.TRUE.equals(o.get("static")), r.targetArg(), r.valueArg());
    }

    /** A looked-up class: the object a class literal or a lookup of this app class gives. */
    public static Value classObject(String internalName, Type classType, String site) {
        Map<String, Object> state = new HashMap<>();
        state.put("class", internalName);
        return Value.ofObject(classType, new AbstractObject(site, CLASS, state, false));
    }

    /** The app class an object was made from ({@code new}), else its declared type when that is an app class. */
    private static String madeFrom(Value v, Program program) {
        if (v.object() != null && v.object().get("new") instanceof String exact) return program.isApp(exact) ? exact : null;
        Type t = v.type();
        return t != null && t.getSort() == Type.OBJECT && program.isApp(t.getInternalName()) ? t.getInternalName() : null;
    }

    /** The internal class name a Class value stands for when it is a looked-up class, or null. */
    private static String className(Value v) {
        return v.object() != null && CLASS.equals(v.object().kind()) && v.object().get("class") instanceof String s ? s : null;
    }

    private static String single(Value v) {
        Set<String> s = v == null ? null : v.strings();
        return s != null && s.size() == 1 ? s.iterator().next() : null;
    }

    /** An invocation of a looked-up app method: the methods it runs and their arguments. */
    public record Invocation(List<MethodRef> targets, IntFunction<Value> argument) {
    }

    /**
     * The app methods an invocation runs, with their parameters by declared index ({@link Position#THIS}: the target
     * object); null when the call is no invocation of a method looked up by constant names of an app class.
     */
    public Invocation invocation(Program program, MethodInsnNode mi, Value method, IntFunction<Value> callArgument) {
        if (method == null || method.object() == null || !METHOD.equals(method.object().kind())) return null;
        Row r = row(invocations, mi, program);
        if (r == null) return null;
        if (!(method.object().get("class") instanceof String cls) || !(method.object().get("method") instanceof String name)) return null;
        if (!program.isApp(cls)) return null;
        Value array = callArgument.apply(r.argumentsArg());
        Integer count = array != null && array.object() != null && array.object().get("length") instanceof Integer n ? n : null;
        List<MethodRef> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String c = cls; c != null && program.isApp(c) && seen.add(c); ) {
            ClassInfo info = program.find(c);
            if (info == null) break;
            for (MethodInfo m : info.methods()) {
                if (!m.name().equals(name) || m.isAbstract()) continue;
                if (count != null && Type.getArgumentTypes(m.descriptor()).length != count) continue;
                targets.add(m.ref());
            }
            if (!targets.isEmpty()) break; // the most specific class declaring it
            c = info.superName();
        }
        if (targets.isEmpty()) return null;
        return new Invocation(List.copyOf(targets), p -> {
            if (p == Position.THIS) return r.targetArg() == NO_TARGET ? null : callArgument.apply(r.targetArg());
            if (p < 0 || array == null || array.object() == null) return null;
            return array.object().get("e" + p) instanceof Value v ? v : null;
        });
    }
}
