package dev.triage.analysis.detect;

import dev.triage.analysis.AnalysisContext;
import dev.triage.analysis.model.ArgumentRow;
import dev.triage.analysis.model.CheckRow;
import dev.triage.analysis.model.Position;
import dev.triage.analysis.value.AbstractObject;
import dev.triage.analysis.value.ModelMatch;
import dev.triage.analysis.value.Taint;
import dev.triage.analysis.value.Value;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a sink row applies: the call matches the row, and the row's conditions hold at the call — the receiver's
 * kind of object and facts, the receiver's taint, the sink argument's own facts, other arguments' constants, an
 * unhardened XML parser.
 */
final class SinkCalls {
    private final TaintRules rules;

    SinkCalls(TaintRules rules) {
        this.rules = rules;
    }

    /** The value carries taint from a source of this kind. */
    static boolean hasTaintOf(Value v, String sourceKind) {
        for (String l : v.labels()) if (Taint.isTaint(l) && sourceKind.equals(Taint.sourceKind(l))) return true;
        return false;
    }

    /** The parameter a value is, or is derived from; -1 when none. */
    static int paramOf(Value v) {
        if (v.param() >= 0) return v.param();
        for (String l : v.labels()) if (Taint.param(l) >= 0) return Taint.param(l);
        return -1;
    }

    /**
     * How a sink row applies at one call.
     *
     * @param values        the values at the sink position (every argument for {@code argument: any})
     * @param receiverParam when a receiver condition depends on what the caller passes: that parameter; else -1
     */
    record SinkHit(List<Value> values, int receiverParam, String receiverKind, String receiverLabel) {
    }

    /**
     * Whether a sink row applies at a call: the method matches (or, for rows about annotated methods, the app method
     * called carries the annotation), and the conditions hold — the receiver's kind of object and facts, the
     * receiver's taint, the sink argument's own facts, other arguments' constants, an unhardened XML parser. In a
     * summary ({@code open}), a receiver condition that depends on what the caller passes is left to the caller.
     */
    SinkHit sinkAt(AnalysisContext ctx, ArgumentRow row, MethodInsnNode mi, java.util.function.IntFunction<Value> argument,
                   boolean open) {
        if (rules.ruleOf(row.kind()) == null) return null;
        if (row.mapperSubstituted()) {
            // a MyBatis mapper method (the app's interface): the parameters its statements substitute as SQL text
            if (!ctx.program().isApp(mi.owner)) return null;
            List<dev.triage.analysis.MyBatisMappers.Substitution> subs =
                    ctx.results().get(dev.triage.analysis.MyBatisMappers.ID).substitutions(mi.owner, mi.name);
            if (subs.isEmpty()) return null;
            List<Value> values = new ArrayList<>();
            for (dev.triage.analysis.MyBatisMappers.Substitution s : subs) {
                if (s.param() >= Type.getArgumentTypes(mi.desc).length) continue;
                Value v = argument.apply(s.param());
                if (v != null) values.add(v);
            }
            return values.isEmpty() ? null : new SinkHit(values, -1, null, null);
        }
        if (!row.methodAnnotations().isEmpty()) {
            // annotated methods are the app's own (a Retrofit interface): library calls never are
            if (!ctx.program().isApp(mi.owner)) return null;
            dev.triage.program.MethodInfo target = ctx.program().resolveMethod(mi.owner, mi.name, mi.desc);
            if (target == null || row.methodAnnotations().stream().noneMatch(target::hasAnnotation)) return null;
        } else if (!ModelMatch.matches(row.method(), mi, ctx.program())) {
            return null;
        }
        // The receiver, or the argument the row's receiver conditions read instead (the writer a template is merged into).
        Value recv = row.receiverAt() != Position.THIS ? argument.apply(row.receiverAt())
                : mi.getOpcode() == Opcodes.INVOKESTATIC ? null : argument.apply(Position.THIS);
        int receiverParam = -1;
        String receiverKind = null;
        String receiverLabel = null;
        if (!receiverIs(withFieldFacts(ctx, recv, row), row)) {
            // The receiver is a parameter: the caller must pass the right kind of object.
            if (!open || row.receiverObject() == null || recv == null || recv.param() < 0) return null;
            receiverParam = recv.param();
            receiverKind = row.receiverObject();
        }
        if (row.receiverLabelled() != null && (recv == null || !hasTaintOf(recv, row.receiverLabelled()))) {
            int p = recv == null || !open ? -1 : paramOf(recv);
            if (p < 0 || receiverParam >= 0) return null;
            receiverParam = p;
            receiverLabel = row.receiverLabelled();
        }
        if (!ArgumentDetector.whenHolds(row.when(), argument)) return null;
        if (row.ifBundled() != null && !bundledIn(ctx, row.ifBundled())) return null;
        for (var l : row.ifLabelled().entrySet()) {
            Value a = argument.apply(l.getKey());
            if (a == null || !a.labels().contains(l.getValue())) return null;
        }
        if (row.ifTargetPolymorphic() >= 0) {
            // JSON bound to an app class through which the document names any class to make
            String cls = PolymorphicTargets.classLiteralArgument(mi, row.ifTargetPolymorphic());
            if (cls == null || ctx.results().get(PolymorphicTargets.ID).openField(cls) == null) return null;
        }
        for (ArgumentRow.AppCall c : row.unlessAppCalls()) {
            if (ctx.results().get(dev.triage.analysis.AppCalls.ID).made(c)) return null;
        }
        if (row.receiverUnhardened() && !unhardenedParser(ctx, recv)) return null;
        // the names of the values the template writes unescaped (null: any value)
        java.util.Set<String> written = null;
        if (row.ifTemplateUnescaped() != null) {
            written = templateWrittenUnescaped(ctx, row.ifTemplateUnescaped(), argument.apply(row.ifTemplateUnescaped().at()));
            if (written != null && written.isEmpty()) return null;
        }
        List<Value> values = new ArrayList<>();
        if (row.argument() == Position.ANY) {
            for (int i = 0; i < Type.getArgumentTypes(mi.desc).length; i++) {
                Value v = argument.apply(i);
                if (v != null) values.add(v);
            }
        } else {
            Value v = argument.apply(row.argument());
            if (v != null) values.add(v);
        }
        if (written != null && !written.contains(dev.triage.analysis.TemplateTexts.ANY)) {
            // a data model map made in view: only the entries the template writes unescaped reach the page as markup
            java.util.Set<String> names = written;
            values.replaceAll(v -> writtenEntries(v, names));
        }
        if (row.ifPrefix() != null || row.unlessPrefix() != null) {
            // a view name's known prefix says what it is ("redirect:") and whether the app fixed where it leads
            values.removeIf(v -> !HandlerReturns.prefixAllows(row.ifPrefix(), row.unlessPrefix(), v.prefix()));
        }
        if (row.ifText() != null) {
            // the text says what the value does (a Set-Cookie header with a max age keeps the cookie on disk)
            values.removeIf(v -> !textMatches(row.ifText(), v));
        }
        if (!row.argumentUnlessAny().isEmpty()) {
            // Judged only on an object whose facts are known (an intent built here), never on one passed in.
            values.removeIf(v -> v.object() == null || v.object().escaped() || v.object().kind() == null
                    || v.object().get("entered") != null
                    || ObjectFacts.satisfiedAny(v.object(), row.argumentUnlessAny()));
        }
        return values.isEmpty() ? null : new SinkHit(values, receiverParam, receiverKind, receiverLabel);
    }

    /** The app bundles the library in a version of the range (by its jar's file name); an unknown version does not count. */
    static boolean bundledIn(AnalysisContext ctx, ArgumentRow.BundledRange r) {
        for (String v : ctx.results().get(dev.triage.analysis.BundledJars.ID).versions(r.component())) {
            if (r.from() != null && dev.triage.analysis.BundledJars.compare(v, r.from()) < 0) continue;
            if (r.below() != null && dev.triage.analysis.BundledJars.compare(v, r.below()) >= 0) continue;
            return true;
        }
        return false;
    }

    /** One text the value may have (a constant, or its template with holes for unknown parts) matches in full. */
    static boolean textMatches(java.util.regex.Pattern p, Value v) {
        java.util.Set<String> texts = v.strings();
        if (texts == null) {
            String t = v.template();
            texts = t == null ? java.util.Set.of() : java.util.Set.of(t);
        }
        return texts.stream().anyMatch(t -> p.matcher(t).matches());
    }

    /**
     * The names of the values the template object may write unescaped: null when any (a template not known as an
     * object — passed in, escaped, made by code not modelled —, without a constant name, or whose text is not found),
     * empty when none. A known template writes none when its configuration's facts (those of a configuration read from
     * a field include what its class records on that field anywhere) satisfy an {@code escaped-if-any} alternative, or
     * when its name is one the engine escapes by extension under an {@code escaped-names-if-any} alternative; else
     * what its text, found among the app's resources, writes unescaped ({@link dev.triage.analysis.TemplateTexts}).
     */
    static java.util.Set<String> templateWrittenUnescaped(AnalysisContext ctx, dev.triage.analysis.model.TemplateCondition c, Value template) {
        AbstractObject o = template == null ? null : template.object();
        if (o == null || o.kind() == null || o.escaped()) return null;
        java.util.Map<String, Object> facts = new java.util.HashMap<>(o.state());
        if (facts.get("factory-site") instanceof String site && site.startsWith("field:")) {
            // a configuration made and configured elsewhere in the class (its constructor), held in a field
            ctx.results().get(ClassWideFacts.ID).of(site).facts().forEach(facts::putIfAbsent);
        }
        if (ObjectFacts.satisfiedAny(facts, c.escapedIfAny())) return java.util.Set.of();
        if (!(facts.get(c.nameFact()) instanceof String name)) return null;
        if (c.escapedNames() != null && c.escapedNames().matcher(name).matches()
                && ObjectFacts.satisfiedAny(facts, c.escapedNamesIfAny())) {
            return java.util.Set.of();
        }
        return ctx.results().get(dev.triage.analysis.TemplateTexts.ID).writtenUnescaped(c.engine(), name);
    }

    /**
     * A data model that is a map made in view with known keys, each name the template writes being one of them: a value
     * carrying only those entries' labels. Any other value as it is (a name the template writes that is no key of the
     * map may be derived from any entry).
     */
    static Value writtenEntries(Value model, java.util.Set<String> names) {
        AbstractObject o = model.object();
        if (o == null || o.escaped() || !"map".equals(o.kind()) || o.get("k?") != null) return model;
        java.util.Set<String> labels = new java.util.TreeSet<>();
        for (String n : names) {
            Value entry = o.mapEntry(n);
            if (entry == null) return model;
            labels.addAll(entry.labels());
        }
        return new Value(model.type(), model.getSize(), null, null, null, -1, labels, model.origin());
    }

    /**
     * A receiver read from a field (a mapper made and configured in the constructor, used in a handler): its facts
     * are what the class records on that field's object anywhere (order-insensitive, {@link ClassWideFacts}) under
     * what this method recorded. Only for rows that read the receiver's facts; other receivers are returned as they are.
     */
    static Value withFieldFacts(AnalysisContext ctx, Value recv, ArgumentRow row) {
        if (recv == null || row.receiverIfAny().isEmpty() && row.receiverUnlessAny().isEmpty()) return recv;
        AbstractObject o = recv.object();
        if (o == null || o.kind() == null || !"field".equals(o.get("entered")) || !o.site().startsWith("field:")) return recv;
        java.util.Map<String, Object> facts = ctx.results().get(ClassWideFacts.ID).of(o.site()).facts();
        if (facts.isEmpty()) return recv;
        AbstractObject merged = o;
        for (var e : facts.entrySet()) if (o.get(e.getKey()) == null) merged = merged.with(e.getKey(), e.getValue());
        return recv.withObject(merged);
    }

    /**
     * A row restricted to a kind of receiver object matches only calls on such an object; a row with
     * receiver conditions only when the receiver's facts (if known) allow it.
     */
    static boolean receiverIs(Value receiver, ArgumentRow row) {
        dev.triage.analysis.value.AbstractObject o = receiver == null ? null : receiver.object();
        if (!row.receiverUnlessAny().isEmpty() && o != null && !o.escaped() && o.kind() != null
                && ObjectFacts.satisfiedAny(o, row.receiverUnlessAny())) {
            return false;
        }
        if (!row.receiverIfAny().isEmpty() && (o == null || o.kind() == null || !ObjectFacts.satisfiedAny(o, row.receiverIfAny()))) {
            return false;
        }
        if (row.receiverObject() == null) return true;
        return o != null && row.receiverObject().equals(o.kind());
    }

    /**
     * Untrusted XML matters where the parser (or the factory that made it) is known and not hardened,
     * as the {@code checks} rows of its factory's kind define hardening.
     */
    static boolean unhardenedParser(AnalysisContext ctx, Value parser) {
        if (parser == null || parser.object() == null || parser.object().escaped()) return false;
        Object factoryKind = parser.object().get("factory-kind");
        String kind = factoryKind instanceof String k ? k : parser.object().kind();
        if (kind == null) return false;
        boolean checked = false;
        for (CheckRow c : ctx.models().checks) {
            if (!kind.equals(c.object())) continue;
            checked = true;
            if (ObjectFacts.satisfiedAny(parser.object(), c.unlessAny())) return false;
            // the hardening the parser itself was given (its XMLReader's features, an entity resolver)
            if (parser.object().get("factory-kind") != null && ObjectFacts.satisfiedAny(parser.object(), c.resultUnlessAny())) return false;
        }
        return checked;
    }
}
