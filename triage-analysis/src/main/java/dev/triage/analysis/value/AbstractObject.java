package dev.triage.analysis.value;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An abstract object: one allocation site in the method being analysed (or in an app helper whose
 * result it is) with an immutable map of facts about it ("secure" -> true for a cookie, a feature URI
 * -> false for an XML factory, the algorithm of a key generator, constant elements of an array).
 * Mutating calls produce a new AbstractObject with the same site, and the frame replaces every alias of the site.
 */
public final class AbstractObject {
    /** A map made in view (CollectionTransfer): the value of its entry under a constant String key, or null when not known. */
    public Value mapEntry(String key) {
        return "map".equals(kind()) && get(CollectionTransfer.stringKeyFact(key)) instanceof Value v ? v : null;
    }

    /** A fact whose value could not be known (set from a non-constant argument, or merged from branches that differ). */
    public static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "?";
        }
    };

    private final String site;
    private final String kind;
    private final Map<String, Object> state;
    private final boolean escaped;

    public AbstractObject(String site, String kind, Map<String, Object> state, boolean escaped) {
        this.site = site;
        this.kind = kind;
        this.state = Collections.unmodifiableMap(state);
        this.escaped = escaped;
    }

    /** Identity of the allocation: "owner.method#insn" or "array@insn". */
    public String site() { return site; }

    /** The model's object name (e.g. servlet-cookie, dom-factory, array), or null. */
    public String kind() { return kind; }

    public Map<String, Object> state() { return state; }

    /** Passed to code we cannot see: any fact may have changed. */
    public boolean escaped() { return escaped; }

    public Object get(String key) {
        return state.get(key);
    }

    public AbstractObject with(String key, Object value) {
        Map<String, Object> m = new HashMap<>(state);
        m.put(key, value);
        return new AbstractObject(site, kind, m, escaped);
    }

    public AbstractObject without(String key) {
        if (!state.containsKey(key)) return this;
        Map<String, Object> m = new HashMap<>(state);
        m.remove(key);
        return new AbstractObject(site, kind, m, escaped);
    }

    public AbstractObject escape() {
        return escaped ? this : new AbstractObject(site, kind, state, true);
    }

    /** Join of two states of the same site: facts that differ become UNKNOWN, facts on one side only too. */
    public AbstractObject merge(AbstractObject o) {
        if (this.equals(o)) return this;
        Map<String, Object> m = new HashMap<>();
        for (Map.Entry<String, Object> e : state.entrySet()) {
            Object other = o.state.get(e.getKey());
            m.put(e.getKey(), Objects.equals(other, e.getValue()) ? e.getValue() : UNKNOWN);
        }
        for (String k : o.state.keySet()) m.putIfAbsent(k, UNKNOWN);
        return new AbstractObject(site, kind, m, escaped || o.escaped);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AbstractObject x && x.site.equals(site) && x.escaped == escaped && Objects.equals(x.kind, kind)
                && x.state.equals(state);
    }

    @Override
    public int hashCode() {
        return site.hashCode() * 31 + state.hashCode();
    }

    @Override
    public String toString() {
        return "AbstractObject[" + site + " " + kind + " " + state + (escaped ? " escaped" : "") + "]";
    }
}
