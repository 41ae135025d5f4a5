package dev.triage.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A whole-program analysis: what the app keeps in its private key-value stores and reads back elsewhere — a value
 * put into SharedPreferences under a key in one component and read with that key in another, a row inserted into a
 * SQLite table and queried from it. The calls are the model tables {@code stored-value-writes}
 * ({@code {call, store, key, value}}: the argument holding the key or table name, and the one holding the value) and
 * {@code stored-value-reads} ({@code {call, store, key}}). Keys are the constant strings the value analysis resolves;
 * a write under a key it cannot resolve reaches every read of that store, and a read of an unresolved key gets
 * everything the store holds. Order-insensitive, and computed from writers analysed past MAX_DEPTH (no recursion).
 *
 * <p>A private file is a store keyed by its name, written through a stream: the call that opens it
 * ({@code stored-file-opens}: {@code {call, store, key}}) gives the stream a key label ({@link #keyLabels}), which
 * the writers and buffers wrapped around it carry (their constructors' summaries); a write to such a stream or writer
 * ({@code stored-stream-writes}: {@code {call, value}}) stores the value under the keys its receiver carries. Stream
 * writes are looked for in the classes that open a file (the stream handed to a helper of another class is not
 * followed).
 */
public final class StoredValues {
    public static final AnalysisId<StoredValues> ID = AnalysisId.of("stored-values", StoredValues::new);
    private static final String ANY_KEY = "*";
    /** The label a stream opened on a store's key carries: {@code store:files/notes.txt}. */
    private static final String KEY_LABEL = "store:";

    private record Access(String call, String store, int key, int value) {
    }

    private final AnalysisContext context;
    private final Program program;
    private final List<Access> writes = new ArrayList<>();
    private final List<Access> opens = new ArrayList<>();
    private final Map<String, List<Access>> opensByName = new HashMap<>();
    private final List<Access> streamWrites = new ArrayList<>();
    private final Map<String, List<Access>> readsByName = new HashMap<>();
    private final Object lock = new Object();
    /** store → key → taint written under it. */
    private volatile Map<String, Map<String, Set<String>>> stored;

    private StoredValues(AnalysisContext context) {
        this.context = context;
        this.program = context.program();
        JsonNode w = context.models().tables.get("stored-value-writes");
        if (w != null) {
            for (JsonNode r : w) writes.add(new Access(r.get("call").asText(), r.get("store").asText(), r.get("key").asInt(), r.get("value").asInt()));
        }
        JsonNode o = context.models().tables.get("stored-file-opens");
        if (o != null) {
            for (JsonNode r : o) {
                Access a = new Access(r.get("call").asText(), r.get("store").asText(), r.get("key").asInt(), -1);
                opens.add(a);
                opensByName.computeIfAbsent(name(a.call()), k -> new ArrayList<>()).add(a);
            }
        }
        JsonNode sw = context.models().tables.get("stored-stream-writes");
        if (sw != null) for (JsonNode r : sw) streamWrites.add(new Access(r.get("call").asText(), null, -1, r.get("value").asInt()));
        JsonNode rd = context.models().tables.get("stored-value-reads");
        if (rd != null) {
            for (JsonNode r : rd) {
                Access a = new Access(r.get("call").asText(), r.get("store").asText(), r.get("key").asInt(), -1);
                readsByName.computeIfAbsent(name(a.call()), k -> new ArrayList<>()).add(a);
            }
        }
    }

    /** Taint a read call returns from the store (empty past MAX_DEPTH, outside Android apps and for other calls). */
    public Set<String> readLabels(MethodInsnNode mi, List<? extends Value> args, int depth) {
        List<Access> reads = readsByName.get(mi.name);
        if (reads == null || depth > AnalysisContext.MAX_DEPTH || program.android() == null) return Set.of();
        Set<String> out = new TreeSet<>();
        for (Access r : reads) {
            if (!matches(r.call(), mi)) continue;
            Map<String, Set<String>> store = stored().getOrDefault(r.store(), Map.of());
            Set<String> keys = r.key() < args.size() ? args.get(r.key()).strings() : null;
            if (keys == null) {
                store.values().forEach(out::addAll);
            } else {
                for (String k : keys) out.addAll(store.getOrDefault(k, Set.of()));
                out.addAll(store.getOrDefault(ANY_KEY, Set.of()));
            }
        }
        return out;
    }

    /**
     * The key labels of a stream a call opens on a store's key ({@code openFileOutput("notes.txt", mode)}): one per
     * name the key argument may be, or the store's any-key label when it is not a known constant; empty for other
     * calls and outside Android apps.
     */
    public Set<String> keyLabels(MethodInsnNode mi, List<? extends Value> args) {
        List<Access> os = opensByName.get(mi.name);
        if (os == null || program.android() == null) return Set.of();
        Set<String> out = new TreeSet<>();
        for (Access a : os) {
            if (!matches(a.call(), mi)) continue;
            Set<String> keys = a.key() < args.size() ? args.get(a.key()).strings() : null;
            for (String k : keys == null || keys.isEmpty() ? Set.of(ANY_KEY) : keys) out.add(KEY_LABEL + a.store() + "/" + k);
        }
        return out;
    }

    private Map<String, Map<String, Set<String>>> stored() {
        Map<String, Map<String, Set<String>>> s = stored;
        if (s != null) return s;
        synchronized (lock) {
            if (stored == null) stored = compute();
            return stored;
        }
    }

    private Map<String, Map<String, Set<String>>> compute() {
        Map<String, Map<String, Set<String>>> out = new HashMap<>();
        if (writes.isEmpty() || program.android() == null) return out;
        Set<String> names = new TreeSet<>();
        for (Access w : writes) names.add(name(w.call()));
        NamedCalls.forEachCaller(program, context, names, (caller, mf, calls) -> {
            for (MethodInsnNode mi : calls) {
                boolean recv = mi.getOpcode() != Opcodes.INVOKESTATIC;
                for (Access w : writes) {
                    if (!matches(w.call(), mi)) continue;
                    Value v = mf.argument(mi, mi.desc, recv, w.value());
                    if (v == null) continue;
                    Set<String> taint = new TreeSet<>();
                    for (String l : v.labels()) if (Taint.isTaint(l)) taint.add(l);
                    if (taint.isEmpty()) continue;
                    Value key = mf.argument(mi, mi.desc, recv, w.key());
                    Set<String> keys = key == null ? null : key.strings();
                    Map<String, Set<String>> store = out.computeIfAbsent(w.store(), k -> new HashMap<>());
                    for (String k : keys == null ? Set.of(ANY_KEY) : keys) {
                        store.computeIfAbsent(k, x -> new TreeSet<>()).addAll(taint);
                    }
                }
            }
        });
        if (!opens.isEmpty() && !streamWrites.isEmpty()) {
            Set<String> openNames = new TreeSet<>(opensByName.keySet());
            Set<String> writeNames = new TreeSet<>();
            for (Access w : streamWrites) writeNames.add(name(w.call()));
            NamedCalls.forEachCaller(program, context, writeNames, a -> callsAny(a, openNames), (caller, mf, calls) -> {
                for (MethodInsnNode mi : calls) {
                    if (mi.getOpcode() == Opcodes.INVOKESTATIC) continue;
                    for (Access w : streamWrites) {
                        if (!matches(w.call(), mi)) continue;
                        Value stream = mf.argument(mi, mi.desc, true, -1);
                        Value v = mf.argument(mi, mi.desc, true, w.value());
                        if (stream == null || v == null) continue;
                        Set<String> taint = new TreeSet<>();
                        for (String l : v.labels()) if (Taint.isTaint(l)) taint.add(l);
                        if (taint.isEmpty()) continue;
                        for (String l : stream.labels()) {
                            if (!l.startsWith(KEY_LABEL)) continue;
                            int slash = l.indexOf('/');
                            out.computeIfAbsent(l.substring(KEY_LABEL.length(), slash), k -> new HashMap<>())
                                    .computeIfAbsent(l.substring(slash + 1), x -> new TreeSet<>()).addAll(taint);
                        }
                    }
                }
            });
        }
        Map<String, Map<String, Set<String>>> frozen = new HashMap<>();
        out.forEach((store, byKey) -> {
            Map<String, Set<String>> f = new HashMap<>();
            byKey.forEach((k, v) -> f.put(k, Set.copyOf(v)));
            frozen.put(store, Map.copyOf(f));
        });
        return Map.copyOf(frozen);
    }

    private static boolean callsAny(Program.AppClass a, Set<String> names) {
        for (dev.triage.program.CallSite cs : a.calls()) if (names.contains(cs.name())) return true;
        return false;
    }

    private static String name(String call) {
        return call.substring(call.indexOf('.') + 1, call.indexOf('('));
    }

    /** The call names the modelled method on its declaring type or a subtype. */
    private boolean matches(String call, MethodInsnNode mi) {
        int dot = call.indexOf('.');
        return call.substring(dot + 1).equals(mi.name + mi.desc) && program.isSubtype(mi.owner, call.substring(0, dot));
    }
}
