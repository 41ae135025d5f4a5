package dev.triage.analysis.value;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Precise semantics for maps with constant keys and lists with constant indexes that the method
 * itself creates: {@code map.put("keyA", safe); map.put("keyB", param); map.get("keyA")} is the safe
 * value; {@code list.add("safe"); list.add(param); list.add("more"); list.remove(0); list.get(1)} is
 * "more". The collection's value also carries the union of its elements' labels, for every use we do
 * not follow (iteration, a helper, a field). An Android {@code Parcel} obtained in view is a queue: what its
 * {@code write*} calls write in order, its {@code read*} and {@code create*} calls read back in the same order (from
 * where {@code setDataPosition(0)} puts the read position). Which constructors and factories make such a map, list
 * or parcel is data (the {@code containers} rows, {@code jdk-containers.yml}, {@code taint/android-flow.yml}); what the
 * calls on it mean is the java.util.Map / List / android.os.Parcel contract, here. Containers we did not see created
 * are left to the models.
 */
final class CollectionTransfer {
    /** Largest tracked list. */
    private static final int MAX_ELEMENTS = 32;

    private CollectionTransfer() {
    }

    /**
     * The first transfer stage: a call on a map or list made in view (or its constructor) is decided here, and no
     * other stage runs. True when it was; the call's result is then set.
     */
    static boolean apply(Call c) {
        boolean[] handled = {false};
        Value v = evaluate(c.interpreter, c.insn, c.receiver, c.args, handled);
        if (handled[0]) c.result = v;
        return handled[0];
    }

    /** The result of a call we model precisely, or null (then the models apply). Sets {@code handled[0]}. */
    private static Value evaluate(ValueInterpreter vi, MethodInsnNode mi, Value receiver, List<? extends Value> args, boolean[] handled) {
        Type ret = Type.getReturnType(mi.desc);
        if (mi.getOpcode() == org.objectweb.asm.Opcodes.INVOKESTATIC) {
            dev.triage.analysis.model.ContainerRow factory = vi.context().models().container(mi.owner, mi.name, mi.desc);
            if (factory == null || !"parcel".equals(factory.kind())) return null;
            handled[0] = true;
            return Value.ofObject(ret, new AbstractObject(vi.site(mi), "parcel", Map.of("size", 0, "read", 0), false));
        }
        if (receiver == null || receiver.object() == null) return null;
        AbstractObject o = receiver.object();
        if (mi.name.equals("<init>")) {
            dev.triage.analysis.model.ContainerRow row = vi.context().models().container(mi.owner, mi.name, mi.desc);
            String container = row == null || !labelled(row.ifLabelled(), args) ? null : row.kind();
            if ("map".equals(container)) {
                vi.addPending(new AliasUpdate(o.site(), receiver.withObject(new AbstractObject(o.site(), "map", Map.of(), false))));
                handled[0] = true;
            } else if ("list".equals(container)) {
                vi.addPending(new AliasUpdate(o.site(), receiver.withObject(new AbstractObject(o.site(), "list", Map.of("size", 0), false))));
                handled[0] = true;
            }
            return null;
        }
        if (o.escaped() || !("map".equals(o.kind()) || "list".equals(o.kind()) || "parcel".equals(o.kind()))) return null;
        handled[0] = true;
        if ("parcel".equals(o.kind())) return parcel(vi, mi, receiver, o, args, ret);
        return "map".equals(o.kind()) ? map(vi, mi, receiver, o, args, ret) : list(vi, mi, receiver, o, args, ret);
    }

    /** Every argument the row conditions carries its label (a comparator that is the natural order). */
    private static boolean labelled(Map<Integer, String> ifLabelled, List<? extends Value> args) {
        for (Map.Entry<Integer, String> e : ifLabelled.entrySet()) {
            if (e.getKey() >= args.size() || !args.get(e.getKey()).hasLabel(e.getValue())) return false;
        }
        return true;
    }

    private static Value element(Value v) {
        return new Value(v.type(), v.getSize(), v.constants(), v.prefix(), v.object(), -1, v.labels(), v.origin());
    }

    private static Value map(ValueInterpreter vi, MethodInsnNode mi, Value receiver, AbstractObject o, List<? extends Value> args, Type ret) {
        String key = args.isEmpty() ? null : keyOf(args.get(0));
        switch (mi.name) {
            case "put", "putIfAbsent" -> {
                Value v = args.get(1);
                AbstractObject next = key != null ? o.with("k:" + key, element(v)) : o.with("k?", AbstractObject.UNKNOWN);
                vi.addPending(new AliasUpdate(o.site(), receiver.withObject(next).withLabels(v.labels())));
                return ret.getSort() == Type.VOID ? null : Value.unknown(ret).withLabels(receiver.labels());
            }
            case "get", "getOrDefault", "remove" -> {
                Value stored = key == null || o.get("k?") != null ? null : o.get("k:" + key) instanceof Value v ? v : null;
                Value out;
                if (stored != null) {
                    out = stored.withType(ret);
                } else if (key != null && o.get("k?") == null && !o.state().containsKey("k:" + key)) {
                    // A key never put: null, or the default.
                    out = args.size() > 1 ? args.get(1).withType(ret) : Value.constant(ret, null, null);
                } else {
                    out = Value.unknown(ret).withLabels(receiver.labels());
                }
                if (mi.name.equals("remove") && key != null) {
                    Map<String, Object> s = new HashMap<>(o.state());
                    s.remove("k:" + key);
                    vi.addPending(new AliasUpdate(o.site(), receiver.withObject(new AbstractObject(o.site(), "map", s, false))));
                }
                return out;
            }
            case "clear" -> {
                vi.addPending(new AliasUpdate(o.site(), new Value(receiver.type(), 1, null, null,
                        new AbstractObject(o.site(), "map", Map.of(), false), -1, Set.of(), null)));
                return null;
            }
            default -> {
                // size, containsKey, values(), entrySet()...: what comes out may hold any element.
                if (ret.getSort() == Type.VOID) return null;
                if (ret.getSort() == Type.OBJECT || ret.getSort() == Type.ARRAY) return Value.unknown(ret).withLabels(receiver.labels());
                return Value.unknown(ret);
            }
        }
    }

    private static Value list(ValueInterpreter vi, MethodInsnNode mi, Value receiver, AbstractObject o, List<? extends Value> args, Type ret) {
        Integer size = o.get("size") instanceof Integer n ? n : null;
        switch (mi.name + mi.desc) {
            case "add(Ljava/lang/Object;)Z", "addLast(Ljava/lang/Object;)V" -> {
                Value v = args.get(0);
                AbstractObject next = size != null && size < MAX_ELEMENTS ? o.with("i" + size, element(v)).with("size", size + 1)
                        : o.with("size", AbstractObject.UNKNOWN);
                vi.addPending(new AliasUpdate(o.site(), receiver.withObject(next).withLabels(v.labels())));
                return ret.getSort() == Type.VOID ? null : Value.constant(Type.BOOLEAN_TYPE, 1, null);
            }
            case "add(ILjava/lang/Object;)V" -> {
                Integer at = args.get(0).singleInt();
                Value v = args.get(1);
                AbstractObject next;
                if (size != null && at != null && at >= 0 && at <= size && size < MAX_ELEMENTS) {
                    Map<String, Object> s = new HashMap<>(o.state());
                    for (int i = size; i > at; i--) s.put("i" + i, o.get("i" + (i - 1)));
                    s.put("i" + at, element(v));
                    s.put("size", size + 1);
                    next = new AbstractObject(o.site(), "list", s, false);
                } else {
                    next = unknownLayout(o);
                }
                vi.addPending(new AliasUpdate(o.site(), receiver.withObject(next).withLabels(v.labels())));
                return null;
            }
            case "remove(I)Ljava/lang/Object;" -> {
                Integer at = args.get(0).singleInt();
                Value out = Value.unknown(ret).withLabels(receiver.labels());
                AbstractObject next;
                if (size != null && at != null && at >= 0 && at < size) {
                    if (o.get("i" + at) instanceof Value v) out = v.withType(ret);
                    Map<String, Object> s = new HashMap<>(o.state());
                    for (int i = at; i < size - 1; i++) s.put("i" + i, o.get("i" + (i + 1)));
                    s.remove("i" + (size - 1));
                    s.put("size", size - 1);
                    next = new AbstractObject(o.site(), "list", s, false);
                } else {
                    next = unknownLayout(o);
                }
                vi.addPending(new AliasUpdate(o.site(), receiver.withObject(next)));
                return out;
            }
            case "get(I)Ljava/lang/Object;" -> {
                Integer at = args.get(0).singleInt();
                if (size != null && at != null && o.get("i" + at) instanceof Value v) return v.withType(ret);
                return Value.unknown(ret).withLabels(receiver.labels());
            }
            case "set(ILjava/lang/Object;)Ljava/lang/Object;" -> {
                Integer at = args.get(0).singleInt();
                Value v = args.get(1);
                AbstractObject next = size != null && at != null && at >= 0 && at < size ? o.with("i" + at, element(v)) : unknownLayout(o);
                vi.addPending(new AliasUpdate(o.site(), receiver.withObject(next).withLabels(v.labels())));
                return Value.unknown(ret).withLabels(receiver.labels());
            }
            case "size()I" -> {
                return size != null ? Value.constant(Type.INT_TYPE, size, null) : Value.unknown(Type.INT_TYPE);
            }
            case "clear()V" -> {
                vi.addPending(new AliasUpdate(o.site(), new Value(receiver.type(), 1, null, null,
                        new AbstractObject(o.site(), "list", Map.of("size", 0), false), -1, Set.of(), null)));
                return null;
            }
            default -> {
                // remove(Object), iterator(), stream(), toArray()...: layout unknown from here on.
                if (mi.name.startsWith("remove") || mi.name.startsWith("add") || mi.name.equals("sort")
                        || mi.name.equals("retainAll") || mi.name.equals("replaceAll")) {
                    Set<String> labels = new TreeSet<>(receiver.labels());
                    for (Value a : args) labels.addAll(a.labels());
                    vi.addPending(new AliasUpdate(o.site(), receiver.withObject(unknownLayout(o)).withLabels(labels)));
                }
                if (ret.getSort() == Type.VOID) return null;
                if (ret.getSort() == Type.OBJECT || ret.getSort() == Type.ARRAY) return Value.unknown(ret).withLabels(receiver.labels());
                return Value.unknown(ret);
            }
        }
    }

    /**
     * A parcel: {@code write*(v, ...)} appends v, {@code read*}/{@code create*} returning a value take the next one
     * written, {@code setDataPosition(0)} reads again from the start (another position, in bytes, loses the layout).
     */
    private static Value parcel(ValueInterpreter vi, MethodInsnNode mi, Value receiver, AbstractObject o, List<? extends Value> args, Type ret) {
        Integer size = o.get("size") instanceof Integer n ? n : null;
        Integer read = o.get("read") instanceof Integer n ? n : null;
        if (mi.name.startsWith("write") && !args.isEmpty()) {
            Value v = args.get(0);
            AbstractObject next = size != null && size < MAX_ELEMENTS ? o.with("i" + size, element(v)).with("size", size + 1)
                    : o.with("size", AbstractObject.UNKNOWN);
            vi.addPending(new AliasUpdate(o.site(), receiver.withObject(next).withLabels(v.labels())));
            return ret.getSort() == Type.VOID ? null : Value.unknown(ret);
        }
        if (mi.name.equals("setDataPosition") && args.size() == 1) {
            Integer at = args.get(0).singleInt();
            vi.addPending(new AliasUpdate(o.site(), receiver.withObject(o.with("read", at != null && at == 0 ? 0 : AbstractObject.UNKNOWN))));
            return null;
        }
        if ((mi.name.startsWith("read") || mi.name.startsWith("create")) && ret.getSort() != Type.VOID) {
            Value out = size != null && read != null && read < size && o.get("i" + read) instanceof Value v
                    ? v.withType(ret) : Value.unknown(ret).withLabels(receiver.labels());
            vi.addPending(new AliasUpdate(o.site(), receiver.withObject(o.with("read", read != null ? (Object) (read + 1) : AbstractObject.UNKNOWN))));
            return out;
        }
        if (mi.name.startsWith("read")) {
            // readStringList(list), readMap(map)...: fills its argument with what was written; the layout is lost
            vi.addPending(new AliasUpdate(o.site(), receiver.withObject(o.with("read", AbstractObject.UNKNOWN))));
        }
        if (ret.getSort() == Type.VOID) return null;
        if (ret.getSort() == Type.OBJECT || ret.getSort() == Type.ARRAY) return Value.unknown(ret).withLabels(receiver.labels());
        return Value.unknown(ret);
    }

    private static AbstractObject unknownLayout(AbstractObject o) {
        return new AbstractObject(o.site(), "list", Map.of("size", AbstractObject.UNKNOWN), false);
    }

    /** The fact under which a map made in view holds the entry of a constant String key. */
    static String stringKeyFact(String key) {
        return "k:String:" + key;
    }

    private static String keyOf(Value v) {
        if (v.constants() == null || v.constants().size() != 1) return null;
        Object c = v.constants().iterator().next();
        return c instanceof String || c instanceof Integer || c instanceof Long ? c.getClass().getSimpleName() + ":" + c : null;
    }
}
