package dev.triage.analysis.detect;

import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.AnalysisId;
import dev.triage.analysis.NestedClasses;
import dev.triage.analysis.value.AbstractObject;
import dev.triage.analysis.value.ObjectSites;
import dev.triage.analysis.value.Value;
import dev.triage.program.MethodRef;
import dev.triage.program.Program;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole-program analysis for the object-state checks: what a class records on the objects its fields hold
 * ({@code field:Owner.name}) and on its own receiver ({@code this:Owner}), over all its methods and those of its
 * nested classes (listeners, lambdas), without regard to order. Computed once per class.
 */
final class ClassWideFacts {
    static final AnalysisId<ClassWideFacts> ID = AnalysisId.of("class-wide-facts", ClassWideFacts::new);

    /**
     * What a class records on one field's or receiver's object: facts merged without regard to order (a fact
     * recorded with different values is unknown), and the parameters stored into the field (a captured local, a
     * setter), whose callers' objects bring theirs.
     */
    record Facts(Map<String, Object> facts, List<Map.Entry<MethodRef, Integer>> storedParameters) {
    }

    private final AnalysisContext ctx;
    private final Program program;
    private final Map<String, Map<String, Facts>> byClass = new ConcurrentHashMap<>();

    private ClassWideFacts(AnalysisContext ctx) {
        this.ctx = ctx;
        this.program = ctx.program();
    }

    /** The facts of a field's or receiver's site; none when the class records nothing on it. */
    Facts of(String site) {
        String owner = site.startsWith("this:") ? site.substring("this:".length())
                : site.substring("field:".length(), site.lastIndexOf('.'));
        Map<String, Facts> all = byClass.get(owner);
        if (all == null) {
            all = compute(owner);
            byClass.putIfAbsent(owner, all);
        }
        return all.getOrDefault(site, new Facts(Map.of(), List.of()));
    }

    /**
     * Scans the class and its nested classes (listeners, lambdas): the states of its field and receiver objects in
     * every frame, the changes each instruction made to them (also where nothing holds them afterwards:
     * {@code field.getSettings().setJavaScriptEnabled(true)}), and the objects stored into its fields with what the
     * storing method records on them.
     */
    private Map<String, Facts> compute(String owner) {
        Map<String, Map<String, Object>> facts = new TreeMap<>();
        Map<String, List<Map.Entry<MethodRef, Integer>>> stored = new TreeMap<>();
        List<String> classes = new ArrayList<>();
        if (program.isApp(owner)) classes.add(owner);
        classes.addAll(ctx.results().get(NestedClasses.ID).of(owner));
        classes.sort(null);
        String thisSite = ObjectSites.thisSite(owner);
        String fieldPrefix = "field:" + owner + ".";
        for (String cn : classes) {
            ClassNode c = ctx.classNode(cn);
            if (c == null) continue;
            java.util.function.Predicate<String> ours = s -> s.startsWith(fieldPrefix) || s.equals(thisSite) && cn.equals(owner);
            for (MethodNode m : c.methods) {
                if (m.instructions.size() == 0) continue;
                MethodRef ref = new MethodRef(cn, m.name, m.desc);
                var mf = ctx.frames(ref, 0);
                if (mf.isEmpty()) continue;
                Frame<Value>[] frames = mf.get().frames();
                for (Frame<Value> f : frames) {
                    if (f != null) ObjectFacts.forEachValue(f, v -> {
                        if (ours.test(v.object().site())) ObjectFacts.accumulate(facts, v.object().site(), v.object().state());
                    });
                }
                for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                    for (AbstractObject o : mf.get().interpreter().changedAt(insn)) {
                        if (ours.test(o.site())) ObjectFacts.accumulate(facts, o.site(), o.state());
                    }
                    if (insn.getOpcode() != Opcodes.PUTFIELD || !((FieldInsnNode) insn).owner.equals(owner)) continue;
                    Frame<Value> f = mf.get().before(insn);
                    if (f == null) continue;
                    Value value = f.getStack(f.getStackSize() - 1);
                    if (value.object() == null || !ctx.models().trackedKind(value.object().kind())) continue;
                    // An object stored into the field: what the storing method records on it.
                    String fieldSite = ObjectSites.fieldSite(owner, ((FieldInsnNode) insn).name);
                    String storedSite = value.object().site();
                    for (Frame<Value> g : frames) {
                        if (g != null) ObjectFacts.forEachValue(g, v -> {
                            if (v.object().site().equals(storedSite)) ObjectFacts.accumulate(facts, fieldSite, v.object().state());
                        });
                    }
                    for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
                        for (AbstractObject o : mf.get().interpreter().changedAt(i)) {
                            if (o.site().equals(storedSite)) ObjectFacts.accumulate(facts, fieldSite, o.state());
                        }
                    }
                    if ("parameter".equals(value.object().get("entered")) && value.object().get("parameter") instanceof Integer p) {
                        List<Map.Entry<MethodRef, Integer>> list = stored.computeIfAbsent(fieldSite, k -> new ArrayList<>());
                        Map.Entry<MethodRef, Integer> e = Map.entry(ref, p);
                        if (!list.contains(e)) list.add(e);
                    }
                }
            }
        }
        Map<String, Facts> out = new TreeMap<>();
        Set<String> sites = new TreeSet<>(facts.keySet());
        sites.addAll(stored.keySet());
        for (String site : sites) {
            out.put(site, new Facts(facts.getOrDefault(site, Map.of()), stored.getOrDefault(site, List.of())));
        }
        return out;
    }
}
