package dev.triage.analysis.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.analysis.model.GuardRow;
import dev.triage.analysis.model.Models;
import dev.triage.analysis.model.Position;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A transfer stage: guard rows. A guard call's boolean result remembers the value it checked and the sink kinds it
 * clears, as a {@code guard} object; {@link PruningAnalyzer} cleans the checked value (and, for a normalised path,
 * the path it was made from) on the branch where the guard held. Rows that {@code make} something give the call's
 * result an object a later guard reads: a compiled regular expression, a matcher of one, a normalised path.
 */
final class GuardTransfer {
    static final String GUARD = "guard";
    private static final String REGEX = "regex";
    private static final String MATCHER = "regex-matcher";
    private static final String NORMALIZED = "normalized";
    /** How deep "made from" chains of normalised paths are followed. */
    private static final int MAX_ORIGINS = 4;

    /** What each regular expression text lets through, per model set (bounded: a regex is small, apps have few). */
    private static final Map<Models, Map<String, List<String>>> CLEARS = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private GuardTransfer() {
    }

    static void apply(Call c) {
        Value result = c.result;
        if (result == null) return;
        ValueContext ctx = c.context();
        for (GuardRow g : ctx.models().guardsNamed(c.insn.name)) {
            if (!ModelMatch.matches(g.method(), c.insn, ctx.program())) continue;
            if (!CallLabels.conditionsHold(g.when(), c.args)) continue;
            if (g.when().containsKey(Position.THIS) && (c.receiver == null || !CallLabels.holds(g.when().get(Position.THIS), c.receiver))) continue;
            if (g.makes() != null) {
                if (make(c, g)) return;
                continue;
            }
            if (result.getSize() != 1) continue;
            Value checked = c.at(g.checks());
            String regex = g.pattern() == null ? null : regexAt(c, g.pattern());
            if (checked != null && checked.object() != null && MATCHER.equals(checked.object().kind())) {
                // matcher.matches(): the value the matcher was made for, against its pattern
                regex = checked.object().get("regex") instanceof String r ? r : null;
                checked = checked.object().get("checked") instanceof Value v ? v : null;
            }
            if (checked == null || checked.labels().stream().noneMatch(Taint::isFlow)) continue;
            if (g.requires() != null && (checked.object() == null || !g.requires().equals(checked.object().kind()))) continue;
            if (g.untainted().stream().anyMatch(p -> c.at(p) == null || c.at(p).labels().stream().anyMatch(Taint::isTaint))) continue;
            List<String> clears = g.pattern() == null ? g.clears() : clearsOf(ctx.models(), regex);
            if (clears.isEmpty()) continue;
            Map<String, Object> state = new HashMap<>();
            state.put("checked", checked);
            state.put("clears", List.copyOf(clears));
            state.put("origins", origins(checked));
            c.result = result.withObject(new AbstractObject("guard@" + c.interpreter.site(c.insn), GUARD, state, false));
            return;
        }
    }

    /** A {@code makes} row: the result carries a compiled pattern, a matcher or a normalised path. */
    private static boolean make(Call c, GuardRow g) {
        String site = "guard@" + c.interpreter.site(c.insn);
        switch (g.makes()) {
            case "regex" -> {
                String regex = g.pattern() == null ? null : regexAt(c, g.pattern());
                if (regex == null) return false;
                c.result = c.result.withObject(new AbstractObject(site, REGEX, Map.of("regex", regex), false));
                return true;
            }
            case "matcher" -> {
                String regex = g.pattern() == null ? null : regexAt(c, g.pattern());
                Value checked = c.at(g.checks());
                if (regex == null || checked == null || checked.labels().stream().noneMatch(Taint::isFlow)) return false;
                c.result = c.result.withObject(new AbstractObject(site, MATCHER, Map.of("regex", regex, "checked", checked), false));
                return true;
            }
            case "normalized" -> {
                Value from = c.at(g.checks());
                if (from == null || from.labels().stream().noneMatch(Taint::isFlow) || c.result.object() != null) return false;
                c.result = c.result.withObject(new AbstractObject(site, NORMALIZED, Map.of("from", from), false));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The text of the regular expression at a position: a constant string, or what a compiled pattern or matcher holds. */
    private static String regexAt(Call c, int position) {
        Value v = c.at(position);
        if (v == null) return null;
        if (v.object() != null && (REGEX.equals(v.object().kind()) || MATCHER.equals(v.object().kind()))) {
            return v.object().get("regex") instanceof String r ? r : null;
        }
        return v.singleString();
    }

    /** The values a normalised path was made from (the File behind its canonical path), nearest first. */
    private static List<Value> origins(Value checked) {
        List<Value> out = new ArrayList<>();
        Value v = checked;
        while (out.size() < MAX_ORIGINS && v.object() != null && NORMALIZED.equals(v.object().kind())
                && v.object().get("from") instanceof Value from) {
            out.add(from);
            v = from;
        }
        return out;
    }

    /**
     * The sink kinds a whole-value match against this regular expression clears: each kind of the
     * {@code guard-dangerous-text} table none of whose texts the expression lets through; and the kinds of
     * {@code guard-url-prefix-clears} when every match starts with a fixed origin ({@code guard-url-prefix}).
     */
    static List<String> clearsOf(Models models, String regex) {
        if (regex == null) return List.of();
        Map<String, List<String>> cache = CLEARS.computeIfAbsent(models, m -> new ConcurrentHashMap<>());
        List<String> cached = cache.get(regex);
        if (cached != null) return cached;
        RegexLanguage lang = RegexLanguage.of(regex);
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, List<String>> e : dangerousText(models).entrySet()) {
            if (e.getValue().stream().noneMatch(lang::admits)) out.add(e.getKey());
        }
        JsonNode prefix = models.tables.get("guard-url-prefix");
        if (prefix != null && Pattern.compile(prefix.asText()).matcher(lang.prefix()).matches()) {
            models.stringSet("guard-url-prefix-clears").forEach(out::add);
        }
        List<String> result = List.copyOf(out);
        if (cache.size() < 10_000) cache.put(regex, result);
        return result;
    }

    private static Map<String, List<String>> dangerousText(Models models) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        JsonNode t = models.tables.get("guard-dangerous-text");
        if (t != null) t.fields().forEachRemaining(e -> {
            List<String> texts = new ArrayList<>();
            e.getValue().forEach(x -> texts.add(x.asText()));
            out.put(e.getKey(), texts);
        });
        return out;
    }

    /**
     * Whether a frame slot holds the value a guard checked: the same value, or the same object (an alias whose
     * object's facts changed since, e.g. when it was handed to the helper that checked it).
     */
    static boolean holds(Value slot, Value checked) {
        if (slot == null) return false;
        if (checked.equals(slot)) return true;
        return checked.object() != null && slot.object() != null && checked.object().site().equals(slot.object().site());
    }

    /** The checked value made clean for the guard's kinds, as it stands on the branch where the guard held. */
    static Value cleaned(Value v, List<String> clears) {
        Set<String> labels = new TreeSet<>();
        for (String l : v.labels()) {
            if (!Taint.isFlow(l)) labels.add(l);
            else if (!clears.contains(Taint.ALL)) labels.add(Taint.sanitize(l, clears));
        }
        return new Value(v.type(), v.getSize(), v.constants(), v.prefix(), v.object(), v.param(),
                Collections.unmodifiableSet(labels), v.origin());
    }
}
